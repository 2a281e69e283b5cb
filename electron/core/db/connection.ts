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

  /** Makes the statement now running stop with SQLITE_INTERRUPT. */
  interrupt(): void {
    this.db.interrupt();
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
  /**
   * `full` (the default) runs the page check and the structure check before `open`
   * returns. `structure-in-background` runs only the page check first and the structure
   * check on a second connection afterwards, so signing in does not wait for it; a problem
   * it finds makes the database refuse writes from then on (docs/decisions/0005).
   */
  check?: 'full' | 'structure-in-background';
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
  private checker: RawConnection | undefined;
  private structureCheck: Promise<Health> = Promise.resolve({ ok: true });
  private writes = 0;

  private constructor(
    private readonly raw: RawConnection,
    private currentHealth: Health,
  ) {}

  /** Whether the database passed its integrity checks, as far as they have run. */
  get health(): Health {
    return this.currentHealth;
  }

  /**
   * Keys the file with the raw 32-byte data key as the very first statement, proves the
   * key is right and that SQLCipher (not plain SQLite) answered, sets the pragmas, and
   * checks integrity. A damaged file still opens (so it can be read and backed up) but
   * refuses writes.
   */
  static async open(file: string, key: Buffer, options: OpenOptions = {}): Promise<Database> {
    if (key.length !== 32) throw new Error('The data key must be 32 bytes');
    const background = options.check === 'structure-in-background';
    const first = await Database.connect(file, key, options.create === true);
    const health = await (background ? checkPages(first) : checkIntegrity(first)).catch(async (error: unknown) => {
      await first.close().catch(() => undefined);
      throw error;
    });
    if (health.ok) {
      if (!background) return new Database(first, health);
      const checker = await Database.connect(file, key, false).catch(() => undefined);
      if (checker) {
        const db = new Database(first, health);
        db.startStructureCheck(checker);
        return db;
      }
      // No second connection to be had: check the structure here, before answering.
      const problems = await structureProblems(first);
      return new Database(first, problems.length === 0 ? health : { ok: false, problems });
    }
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
          // Every page read from disk is decrypted and its HMAC checked; keeping the whole
          // database of a large school (tens of MB) decrypted in memory makes repeat reads free.
          `PRAGMA cache_size = -${CACHE_KIB}`,
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
    return this.currentHealth.ok;
  }

  /**
   * Changes whenever the records may have changed: a transaction on this connection that
   * was not marked `recordsUnchanged`, or a commit by any other connection (data_version).
   * Caches of derived views are keyed by it, so they can never show stale records.
   */
  async recordsVersion(): Promise<string> {
    const row = await this.queued(() => this.raw.get('PRAGMA data_version'));
    return `${this.writes}:${String(row?.data_version)}`;
  }

  /** Resolves once the structure check started by `open` has finished (at once when there was none). */
  structureChecked(): Promise<Health> {
    return this.structureCheck;
  }

  private startStructureCheck(checker: RawConnection): void {
    this.checker = checker;
    this.structureCheck = checkStructure(checker)
      .then((problems) => {
        // A check stopped by close() finds nothing (checkStructure drops the interrupt).
        if (problems.length > 0 && !this.closed) this.currentHealth = { ok: false, problems };
        return this.currentHealth;
      })
      .finally(() => {
        this.checker = undefined;
        return checker.close().catch(() => undefined);
      });
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
  transaction<T>(body: (tx: Executor) => Promise<T>, options: { recordsUnchanged?: boolean } = {}): Promise<T> {
    return this.queued(async () => {
      // Counted before the write, whatever its outcome, so a cache can only be too cautious.
      if (options.recordsUnchanged !== true) this.writes += 1;
      if (!this.currentHealth.ok) throw damagedError();
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

  /**
   * One write statement as a transaction of its own (SQLite's autocommit: atomic, and
   * flushed like any commit), for an append that needs nothing read first. Health and the
   * records version are kept as by `transaction`.
   */
  runAlone(sql: string, params: Params, options: { recordsUnchanged?: boolean } = {}): Promise<RunResult> {
    return this.queued(() => {
      if (options.recordsUnchanged !== true) this.writes += 1;
      if (!this.currentHealth.ok) throw damagedError();
      return this.raw.run(sql, params);
    });
  }

  async close(): Promise<void> {
    this.checker?.interrupt();
    await this.structureCheck.catch(() => undefined);
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

function damagedError(): AppError {
  return new AppError('damaged', 'The records database failed its integrity check, so nothing new can be saved. Restore from the newest good backup.');
}

/** 64 MiB of decrypted pages per connection (SQLite's default is 2 MiB). */
const CACHE_KIB = 64 * 1024;

async function checkIntegrity(raw: RawConnection): Promise<Health> {
  const problems = [...(await pageProblems(raw)), ...(await structureProblems(raw))];
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

async function checkPages(raw: RawConnection): Promise<Health> {
  const problems = await pageProblems(raw);
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/**
 * Every page's HMAC: any byte changed on disk since SQLCipher wrote it (a flipped bit, a
 * torn or foreign write) is found here. One row per page that does not verify.
 */
async function pageProblems(raw: RawConnection): Promise<string[]> {
  try {
    const rows = await raw.all('PRAGMA cipher_integrity_check');
    return rows.map((row) => `Encrypted page check: ${String(Object.values(row)[0])}`);
  } catch (error) {
    return [`Encrypted page check could not finish (${errorCode(error)}).`];
  }
}

/** The structure check on its own connection; an interrupt (the database closing) is not a finding. */
async function checkStructure(raw: RawConnection): Promise<string[]> {
  const problems = await structureProblems(raw);
  return problems.some((p) => p.includes('SQLITE_INTERRUPT')) ? [] : problems;
}

/** B-trees, indexes against their tables, constraints and the search index: what SQLite itself might get wrong. */
async function structureProblems(raw: RawConnection): Promise<string[]> {
  const problems: string[] = [];
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
  return problems;
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown error';
}
