// The one place that knows the driver's error codes. Every failure of a statement leaves
// electron/core/db as a DatabaseError saying what kind of problem it was; the rest of the
// core decides what to tell a person from `kind` alone, whatever engine is underneath.

/**
 * - `refused`: a trigger of ours refused the change (its RAISE message, e.g.
 *   `signed_entry_locked`, is in the error's message): the schema's last line of defence.
 * - `conflict`: a key or uniqueness constraint (someone else wrote that row first).
 * - `disk_full`, `io`: the disk would not take the write; nothing was committed.
 * - `damaged`: a page failed its HMAC check or the file is not a database this key opens.
 * - `missing`: the file could not be opened at all.
 * - `busy`: another connection held the lock for longer than the busy timeout.
 */
export type DatabaseErrorKind = 'refused' | 'conflict' | 'disk_full' | 'io' | 'damaged' | 'missing' | 'busy' | 'other';

export class DatabaseError extends Error {
  constructor(
    readonly kind: DatabaseErrorKind,
    /** The driver's code (for logs: a code carries no record data). */
    readonly driverCode: string,
    /** The driver's own words: for tests and debugging, never shown or logged (they can name data). */
    driverMessage: string,
  ) {
    super(`Database error: ${kind} (${driverCode}): ${driverMessage}`);
    this.name = 'DatabaseError';
  }
}

/** The error the db layer throws in place of `error`, if it came from the driver. */
export function classifyDriverError(error: unknown): Error {
  if (error instanceof DatabaseError) return error;
  const code = driverCode(error);
  if (code === undefined) return error instanceof Error ? error : new Error(String(error));
  return new DatabaseError(kindOf(code), code, error instanceof Error ? error.message : '');
}

export function isDatabaseError(error: unknown, kind?: DatabaseErrorKind): error is DatabaseError {
  return error instanceof DatabaseError && (kind === undefined || error.kind === kind);
}

function driverCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

// better-sqlite3 reports SQLite's extended codes (SQLITE_CONSTRAINT_TRIGGER, SQLITE_IOERR_FSYNC…).
function kindOf(code: string): DatabaseErrorKind {
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') return 'refused';
  if (code.startsWith('SQLITE_CONSTRAINT')) return 'conflict';
  if (code === 'SQLITE_FULL') return 'disk_full';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY')) return 'io';
  // A page whose HMAC does not verify reads as SQLITE_CORRUPT (or NOTADB for page 1).
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'missing';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return 'other';
}
