import sqlcipher from '@journeyapps/sqlcipher';
import { AppError } from '../errors';
import { SerialQueue } from './serial-queue';

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = readonly SqlValue[];
export type Row = Record<string, unknown>;
export type RunResult = { changes: number; lastId: number };

/** What a query module needs: statements on this connection, inside or outside a transaction. */
export interface Executor {
  run(sql: string, params?: Params): Promise<RunResult>;
  get(sql: string, params?: Params): Promise<Row | undefined>;
  all(sql: string, params?: Params): Promise<Row[]>;
  exec(sql: string): Promise<void>;
}

/** The database could not be opened with this key, or it is not a SQLCipher database. */
export class WrongKeyError extends Error {
  constructor() {
    super('The records database could not be opened with this key.');
    this.name = 'WrongKeyError';
  }
}

/** Raw driver calls, promisified. Used only through the queue below. */
class RawConnection implements Executor {
  constructor(private readonly db: sqlcipher.Database) {}

  run(sql: string, params: Params = []): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (this: sqlcipher.RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  get(sql: string, params: Params = []): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(sql, params, (error: Error | null, row: unknown) => {
        if (error) reject(error);
        else resolve(row === undefined ? undefined : (row as Row));
      });
    });
  }

  all(sql: string, params: Params = []): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      this.db.all(sql, params, (error: Error | null, rows: unknown[]) => {
        if (error) reject(error);
        else resolve(rows as Row[]);
      });
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.exec(sql, (error: Error | null) => (error ? reject(error) : resolve()));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.close((error: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}

function openRaw(file: string, create: boolean): Promise<sqlcipher.Database> {
  const mode = sqlcipher.OPEN_READWRITE | (create ? sqlcipher.OPEN_CREATE : 0);
  return new Promise((resolve, reject) => {
    const db: sqlcipher.Database = new sqlcipher.Database(file, mode, (error: Error | null) =>
      error ? reject(error) : resolve(db),
    );
  });
}

export type OpenOptions = {
  /** Create the file when it does not exist (first-run setup and restore only). */
  create?: boolean;
};

/** Whether the database passed its integrity checks on open; if not, what failed. */
export type Health = { ok: true } | { ok: false; problems: string[] };

/**
 * One encrypted connection. Every statement goes through one queue; `transaction` holds
 * the queue for its whole body, so two callers never interleave inside a transaction.
 */
export class Database {
  private readonly queue = new SerialQueue();
  private closed = false;

  private constructor(
    private readonly raw: RawConnection,
    readonly health: Health,
  ) {}

  /**
   * Keys the file with the raw 32-byte data key as the very first statement, proves the
   * key is right and that SQLCipher (not plain SQLite) answered, sets the pragmas, and
   * checks integrity. A damaged file still opens (so it can be read and backed up) but
   * refuses writes.
   */
  static async open(file: string, key: Buffer, options: OpenOptions = {}): Promise<Database> {
    if (key.length !== 32) throw new Error('The data key must be 32 bytes');
    const first = await Database.connect(file, key, options.create === true);
    const health = await checkIntegrity(first).catch(async (error: unknown) => {
      await first.close().catch(() => undefined);
      throw error;
    });
    if (health.ok) return new Database(first, health);
    // Once SQLCipher has met a page that fails its HMAC check, that connection answers every
    // later statement with an error. A fresh one can still read the pages that are intact.
    await first.close();
    return new Database(await Database.connect(file, key, false), health);
  }

  private static async connect(file: string, key: Buffer, create: boolean): Promise<RawConnection> {
    const raw = new RawConnection(await openRaw(file, create));
    try {
      await raw.exec(`PRAGMA key = "x'${key.toString('hex')}'"`);
      const cipher = await raw.get('PRAGMA cipher_version');
      if (!cipher || typeof cipher.cipher_version !== 'string' || cipher.cipher_version === '') {
        throw new Error('SQLCipher is not active: refusing to open the records unencrypted');
      }
      try {
        await raw.get('SELECT count(*) AS n FROM sqlite_master');
      } catch {
        throw new WrongKeyError();
      }
      await raw.exec(
        [
          'PRAGMA cipher_log_level = NONE',
          'PRAGMA journal_mode = WAL',
          'PRAGMA synchronous = FULL',
          'PRAGMA foreign_keys = ON',
          'PRAGMA secure_delete = ON',
          'PRAGMA temp_store = MEMORY',
        ].join(';\n'),
      );
      return raw;
    } catch (error) {
      await raw.close().catch(() => undefined);
      throw error;
    }
  }

  get writable(): boolean {
    return this.health.ok;
  }

  /** Reads only: every write goes through `transaction`, which also enforces health. */
  get(sql: string, params?: Params): Promise<Row | undefined> {
    return this.queued(() => this.raw.get(sql, params));
  }

  all(sql: string, params?: Params): Promise<Row[]> {
    return this.queued(() => this.raw.all(sql, params));
  }

  /**
   * Runs `body` inside BEGIN IMMEDIATE … COMMIT, rolling back on any failure. The body
   * must use the executor it is given, not this object (which would wait on itself).
   */
  transaction<T>(body: (tx: Executor) => Promise<T>): Promise<T> {
    return this.queued(async () => {
      if (!this.health.ok) {
        throw new AppError(
          'damaged',
          'The records database failed its integrity check, so nothing new can be saved. Restore from the newest good backup.',
        );
      }
      await this.raw.exec('BEGIN IMMEDIATE');
      try {
        const result = await body(this.raw);
        await this.raw.exec('COMMIT');
        return result;
      } catch (error) {
        await this.raw.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.run(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.raw.close();
    });
  }

  private queued<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(() => {
      if (this.closed) throw new AppError('locked', 'The records are locked.');
      return task();
    });
  }
}

async function checkIntegrity(raw: RawConnection): Promise<Health> {
  const problems: string[] = [];
  // cipher_integrity_check returns one row per page whose HMAC does not verify.
  try {
    const cipherRows = await raw.all('PRAGMA cipher_integrity_check');
    for (const row of cipherRows) problems.push(`Encrypted page check: ${String(Object.values(row)[0])}`);
  } catch (error) {
    problems.push(`Encrypted page check could not finish (${errorCode(error)}).`);
  }
  // On a page whose HMAC fails, integrity_check does not report a row: it fails outright
  // (SQLITE_ERROR). That is a finding too, not a reason to refuse to open the file.
  try {
    const rows = await raw.all('PRAGMA integrity_check');
    for (const row of rows) {
      const value = String(Object.values(row)[0]);
      if (value !== 'ok') problems.push(`Database structure check: ${value}`);
    }
  } catch (error) {
    problems.push(`Database structure check could not finish: a page could not be read (${errorCode(error)}).`);
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown error';
}
