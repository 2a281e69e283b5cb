import { chmodSync, closeSync, openSync, readSync } from 'node:fs';
import { toNamespacedPath } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';
import { classifyDriverError, isDatabaseError } from './errors';
import { pagesFailingHmac } from './page-hmac';
import { hasUntrackedChanges, installChangeTracking } from './protected-rows';
import { SerialQueue } from './serial-queue';

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = readonly SqlValue[];
export type Row = Record<string, unknown>;
export type RunResult = { changes: number; lastId: number };

/**
 * What a query module needs: statements on this connection, inside or outside a transaction.
 * The driver is synchronous; these keep a Promise's shape so that a transaction's body can
 * still await between statements (a password check, a hash) while the queue below keeps
 * every other caller out of it.
 */
export interface Executor {
  run(sql: string, params?: Params): Promise<RunResult>;
  get(sql: string, params?: Params): Promise<Row | undefined>;
  all(sql: string, params?: Params): Promise<Row[]>;
  exec(sql: string): Promise<void>;
  /** Who signs the audit rows written through this connection (decision 0017); null before anyone is signed in. */
  readonly signer: AuditSigner | null;
}

/**
 * Signs for the person whose session this is: `id` is their staff id, or null for the
 * school's recovery code. The function form keeps key handling out of the database layer.
 */
export type AuditSigner = { id: number | null; sign(text: string): string };

/** The database could not be opened with this key, or it is not a SQLCipher database. */
export class WrongKeyError extends Error {
  constructor() {
    super('The records database could not be opened with this key.');
    this.name = 'WrongKeyError';
  }
}

/** How many prepared statements a connection keeps: every query the app has, with room. */
const STATEMENT_CACHE = 400;

/** One driver connection. Driver errors leave it as DatabaseError (errors.ts), never raw. */
class RawConnection implements Executor {
  private readonly statements = new Map<string, Sqlite.Statement<unknown[]>>();
  signer: AuditSigner | null = null;

  constructor(private readonly db: Sqlite.Database) {}

  runNow(sql: string, params: Params = []): RunResult {
    const result = this.statement(sql).run(...bound(sql, params));
    return { changes: result.changes, lastId: Number(result.lastInsertRowid) };
  }

  getNow(sql: string, params: Params = []): Row | undefined {
    const statement = this.statement(sql);
    if (!statement.reader) {
      statement.run(...bound(sql, params));
      return undefined;
    }
    return statement.get(...bound(sql, params)) as Row | undefined;
  }

  allNow(sql: string, params: Params = []): Row[] {
    const statement = this.statement(sql);
    if (!statement.reader) {
      statement.run(...bound(sql, params));
      return [];
    }
    return statement.all(...bound(sql, params)) as Row[];
  }

  execNow(sql: string): void {
    this.db.exec(sql);
  }

  /**
   * One statement prepared for this call only, kept out of the statement cache: for a
   * statement that holds a key, which must not stay in memory after it has run.
   */
  oneOffNow(sql: string): Row | undefined {
    return this.db.prepare<unknown[]>(sql).get() as Row | undefined;
  }

  run(sql: string, params?: Params): Promise<RunResult> {
    return settle(() => this.runNow(sql, params));
  }

  get(sql: string, params?: Params): Promise<Row | undefined> {
    return settle(() => this.getNow(sql, params));
  }

  all(sql: string, params?: Params): Promise<Row[]> {
    return settle(() => this.allNow(sql, params));
  }

  exec(sql: string): Promise<void> {
    return settle(() => this.execNow(sql));
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }

  private statement(sql: string): Sqlite.Statement<unknown[]> {
    const cached = this.statements.get(sql);
    if (cached) return cached;
    const prepared = this.db.prepare<unknown[]>(sql);
    if (this.statements.size >= STATEMENT_CACHE) {
      const oldest = this.statements.keys().next();
      if (!oldest.done) this.statements.delete(oldest.value);
    }
    this.statements.set(sql, prepared);
    return prepared;
  }
}

const NUMBERED_PARAMETER = /\?\d/;

/**
 * The parameters as the driver takes them. Queries that use a value twice number their
 * parameters (?1, ?2); the driver binds those by name ("1", "2"), not by position.
 */
function bound(sql: string, params: Params): SqlValue[] | [Record<string, SqlValue>] {
  if (!NUMBERED_PARAMETER.test(sql)) return [...params];
  return [Object.fromEntries(params.map((value, index) => [String(index + 1), value]))];
}

/** Runs a synchronous driver call as a settled Promise, its failure classified. */
function settle<T>(call: () => T): Promise<T> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(classifyDriverError(error));
  }
}

/** The same, for code that wants the value now. */
function now<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw classifyDriverError(error);
  }
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
  private writes = 0;
  private tracking = false;

  private constructor(
    private readonly raw: RawConnection,
    private currentHealth: Health,
    /** The database file, for keeping its files private after a re-key (never its key: open is handed that each time). */
    private readonly file: string,
  ) {}

  /** Whether the database passed its integrity checks, as far as they have run. */
  get health(): Health {
    return this.currentHealth;
  }

  /**
   * Keys the file with the raw 32-byte data key before anything is read from it, proves the
   * key is right and that the file is encrypted, sets the pragmas, and checks integrity.
   * A damaged file still opens (so it can be read and backed up) but refuses writes.
   */
  static open(file: string, key: Buffer, options: OpenOptions = {}): Promise<Database> {
    return settle(() => Database.openNow(file, key, options));
  }

  private static openNow(file: string, key: Buffer, options: OpenOptions): Database {
    if (key.length !== 32) throw new Error('The data key must be 32 bytes');
    const first = Database.connect(file, key, options.create === true);
    let health: Health;
    try {
      // The synchronous engine cannot check beside the work it would race (decision 0012):
      // every check runs before anyone is signed in, about a quarter of a second on ten years
      // of a large school's records.
      const problems = [...pagesFailingHmac(file, key), ...unreadablePages(first), ...structureProblems(first)];
      health = problems.length === 0 ? { ok: true } : { ok: false, problems };
    } catch (error) {
      first.close();
      throw error;
    }
    if (health.ok) return new Database(first, health, file);
    // A connection that has met a page failing its HMAC check may answer later statements
    // with errors; a fresh one can still read the pages that are intact.
    first.close();
    return new Database(Database.connect(file, key, false), health, file);
  }

  private static connect(file: string, key: Buffer, create: boolean): RawConnection {
    if (create) createPrivateFile(file);
    const raw = new RawConnection(now(() => new Sqlite(sqlitePath(file), { fileMustExist: !create })));
    try {
      // SQLCipher 4's file format exactly: AES-256-CBC pages, HMAC-SHA512, 4096-byte pages.
      // The raw key (x'…') skips the KDF: the key is already 256 random bits (keyslots).
      raw.execNow("PRAGMA cipher = 'sqlcipher'");
      raw.execNow('PRAGMA legacy = 4');
      raw.execNow(`PRAGMA key = "x'${key.toString('hex')}'"`);
      // The engine answers with one column whose name, like its value, is the scheme.
      if (Object.values(raw.getNow('PRAGMA cipher') ?? {})[0] !== 'sqlcipher') {
        throw new Error('The SQLCipher scheme is not active: refusing to open the records unencrypted');
      }
      try {
        raw.getNow('SELECT count(*) AS n FROM sqlite_master');
      } catch {
        throw new WrongKeyError();
      }
      if (isPlainSqlite(file)) throw new WrongKeyError();
      raw.execNow(
        [
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
      keepPrivate(file);
      return raw;
    } catch (error) {
      try {
        raw.close();
      } catch {
        // Already unusable: the first failure is the one to report.
      }
      throw classifyDriverError(error);
    }
  }

  get writable(): boolean {
    return this.currentHealth.ok;
  }

  /** The person (or recovery code) whose key signs the audit rows this connection writes. */
  setSigner(signer: AuditSigner | null): void {
    this.raw.signer = signer;
  }

  get signer(): AuditSigner | null {
    return this.raw.signer;
  }

  /**
   * From now on every change to a protected table must be vouched for by an audit row in
   * the same transaction (protected-rows.ts): one that is not is rolled back, so no path in the
   * app can change the records without the audit recording the state it left them in.
   */
  async trackChanges(): Promise<void> {
    await this.queued(() => installChangeTracking(this.raw));
    this.tracking = true;
  }

  /**
   * Switches foreign key enforcement on or off for this connection, and proves it took: SQLite
   * ignores the pragma inside a transaction, so it is set here, between transactions, through
   * the queue. Only migrate() turns it off, for a migration that rebuilds a table others refer
   * to, and turns it back on whatever happens.
   */
  setForeignKeys(on: boolean): Promise<void> {
    return this.queued(async () => {
      await this.raw.exec(`PRAGMA foreign_keys = ${on ? 'ON' : 'OFF'}`);
      const row = await this.raw.get('PRAGMA foreign_keys');
      if (row?.foreign_keys !== (on ? 1 : 0)) throw new Error(`Foreign keys could not be switched ${on ? 'on' : 'off'}.`);
    });
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
  transaction<T>(body: (tx: Executor) => Promise<T>, options: { recordsUnchanged?: boolean; signer?: AuditSigner } = {}): Promise<T> {
    return this.queued(async () => {
      // Counted before the write, whatever its outcome, so a cache can only be too cautious.
      if (options.recordsUnchanged !== true) this.writes += 1;
      if (!this.currentHealth.ok) throw damagedError();
      // Someone other than the session's person signs this one (a signature typed at the DSL's keyboard).
      const sessionSigner = this.raw.signer;
      if (options.signer) this.raw.signer = options.signer;
      await this.raw.exec('BEGIN IMMEDIATE').catch((error: unknown) => {
        this.raw.signer = sessionSigner;
        throw error;
      });
      try {
        const result = await body(this.raw);
        if (this.tracking && (await hasUntrackedChanges(this.raw))) {
          throw new Error('A change to the records was made without its audit row; nothing was saved.');
        }
        await this.raw.exec('COMMIT');
        return result;
      } catch (error) {
        await this.raw.exec('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        this.raw.signer = sessionSigner;
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

  /**
   * Writes an encrypted copy of the whole database (same cipher, same key) to `file`, which
   * must be new or empty, then runs `read` in a read transaction that sees the moment the
   * copy was made. VACUUM INTO cannot run inside a transaction, so "the same moment" is
   * proved instead: no other connection committed between the copy and the end of `read`
   * (data_version unchanged), and this connection did nothing else (the queue). If another
   * one did, the copy is made again.
   */
  copyInto<T>(file: string, read: (tx: Executor) => Promise<T>, empty: () => Promise<void>): Promise<T> {
    return this.queued(async () => {
      for (let attempt = 1; ; attempt += 1) {
        const before = this.raw.getNow('PRAGMA data_version')?.data_version;
        await this.raw.run('VACUUM INTO ?', [sqlitePath(file)]);
        await this.raw.exec('BEGIN');
        try {
          const result = await read(this.raw);
          const after = this.raw.getNow('PRAGMA data_version')?.data_version;
          if (before === after) return result;
        } finally {
          await this.raw.exec('ROLLBACK').catch(() => undefined);
        }
        if (attempt === COPY_ATTEMPTS) throw new Error('The records kept changing while the copy was made.');
        await empty();
      }
    });
  }

  /**
   * Re-encrypts every page of the database under `newKey` (32 random bytes, raw), in place,
   * through the queue so no transaction is in flight. Afterwards this object goes on working
   * under the new key; the old key opens nothing (Database.open answers WrongKeyError), and
   * copies made with `copyInto` are under the new key, since VACUUM INTO uses the
   * connection's cipher. The Database keeps no key of its own (the page check is handed the
   * key at each open), so there is none to replace here: the caller zeroes the old one.
   *
   * Why the journal mode changes. The engine's release notes for SQLite3 Multiple Ciphers
   * 2.4.0 (the version bundled, `SELECT sqlite3mc_version()`;
   * https://github.com/utelle/SQLite3MultipleCiphers/releases/tag/v2.4.0) say rekeying in WAL
   * mode is now supported "at the price of keeping the previous key salt"; before 2.4.0 it was
   * refused (the author in https://github.com/m4heshd/better-sqlite3-multiple-ciphers/issues/64:
   * to rekey "you need to switch temporarily to journal mode DELETE"; issue #91 there: a rekey
   * in WAL mode on an older engine left a corrupt file). We still re-key in DELETE mode,
   * because in WAL mode the new pages sit in the -wal file until a checkpoint: a crash before
   * the checkpoint ends
   * leaves a main file under the old key (wholly or partly) behind a WAL under the new one,
   * which the file-level page check (page-hmac.ts reads the main file) would then report as
   * damage on every page. In DELETE mode the engine (sqlite3_rekey_v2) rewrites every page in
   * one ordinary transaction whose rollback journal holds the original pages encrypted under
   * the old key ("The rollback journal must be written using the original key", its codec's
   * comment), so SQLite's own atomic commit decides: before the journal is deleted a crash
   * rolls back to the old key; after, every page is under the new one.
   *
   * Why the salt is kept. The salt (the file's first 16 bytes) feeds the HMAC key. A rekey
   * given only a key draws a fresh salt, and page 1 carrying it can reach the file before the
   * commit; after a crash then, the old key with the new salt could not read the journal
   * that would roll it back, and the new key cannot read the journal's old pages: neither key
   * opens the file (database-rekey.test.ts saw exactly that before the salt was kept). So the
   * rekey is given the current salt with the key (SQLCipher's raw form x'<key><salt>'; the
   * engine's author notes SQLCipher never changes the salt on rekey, in
   * https://github.com/utelle/SQLite3MultipleCiphers-NuGet/issues/18); a fresh random key makes
   * a fresh HMAC key all the same.
   */
  rekey(newKey: Buffer): Promise<void> {
    return this.queued(() => settle(() => this.rekeyNow(newKey)));
  }

  private rekeyNow(newKey: Buffer): void {
    if (newKey.length !== 32) throw new Error('The new data key must be 32 bytes');
    if (!this.currentHealth.ok) throw damagedError();
    const salt = Object.values(this.raw.getNow('PRAGMA cipher_salt') ?? {})[0];
    if (typeof salt !== 'string' || !/^[0-9a-f]{32}$/i.test(salt)) throw new Error('The database salt could not be read, so it was not re-keyed');
    // Every committed page into the main file and the -wal file emptied, so that nothing
    // under the old key is left in the WAL when it is switched off. Busy: another
    // connection is reading, and would keep reading the old pages.
    const checkpoint = this.raw.oneOffNow('PRAGMA wal_checkpoint(TRUNCATE)');
    if (checkpoint?.busy !== 0) throw openElsewhere();
    try {
      // Leaving WAL needs this to be the only connection: SQLite answers SQLITE_BUSY (after
      // the busy timeout) or the mode it kept.
      let mode: unknown;
      try {
        mode = Object.values(this.raw.getNow('PRAGMA journal_mode = DELETE') ?? {})[0];
      } catch (error) {
        if (isDatabaseError(classifyDriverError(error), 'busy')) throw openElsewhere();
        throw error;
      }
      if (mode !== 'delete') throw openElsewhere();
      // Prepared for this call only: the statement's text holds the key.
      const answer = Object.values(this.raw.oneOffNow(`PRAGMA rekey = "x'${newKey.toString('hex')}${salt}'"`) ?? {})[0];
      // The engine answers 'ok', or the reason in place of it (having rolled back).
      if (answer !== 'ok') throw new Error(`The records were not re-keyed: ${String(answer)}`);
    } finally {
      this.raw.execNow('PRAGMA journal_mode = WAL');
      // A read after the switch back to WAL ends the read transaction the switch leaves open on
      // this engine: without it, the next checkpoint (a second rekey) answered SQLITE_LOCKED
      // whenever integrity_check had run on the connection, as open runs it.
      this.raw.getNow('SELECT count(*) AS n FROM sqlite_master');
      keepPrivate(this.file);
    }
  }

  /**
   * Leaves no trace of deleted rows in the files (decision 0030): the WAL checkpointed into the
   * main file and emptied (TRUNCATE), the whole file rebuilt by VACUUM, and the WAL emptied
   * again, since in WAL mode VACUUM's new pages are written there first. With secure_delete on
   * (set at open) freed pages are zeroed as they are freed; VACUUM then rebuilds the file with
   * no free pages at all (https://www.sqlite.org/lang_vacuum.html: "the VACUUM command rebuilds
   * the database file, repacking it into a minimal amount of disk space"). Through the queue,
   * between transactions, since VACUUM cannot run inside one. Answers how long it took.
   */
  compact(): Promise<number> {
    return this.queued(() =>
      settle(() => {
        if (!this.currentHealth.ok) throw damagedError();
        const started = performance.now();
      this.raw.oneOffNow('PRAGMA wal_checkpoint(TRUNCATE)');
      this.raw.execNow('VACUUM');
      const checkpoint = this.raw.oneOffNow('PRAGMA wal_checkpoint(TRUNCATE)');
        if (checkpoint?.busy !== 0) throw openElsewhere();
        return Math.round(performance.now() - started);
      }),
    );
  }

  async close(): Promise<void> {
    await this.queue.run(() => {
      if (this.closed) return Promise.resolve();
      this.closed = true;
      this.raw.close();
      return Promise.resolve();
    });
  }

  private queued<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(() => {
      if (this.closed) throw new AppError('locked', 'The records are locked.');
      return task();
    });
  }
}

/**
 * A file's path as SQLite is given it. On Windows, the same path with the `\\?\` prefix
 * (Node's toNamespacedPath, which Node's own fs calls apply there): SQLite hands the full path
 * to CreateFileW, which without the prefix refuses paths longer than 260 characters
 * (MAX_PATH), so a data or backup folder deep enough would work with Node's fs and then fail
 * in SQLite. With it, SQLite's win32 VFS takes paths up to 1,040 bytes. On Linux and macOS
 * toNamespacedPath returns the path unchanged. See docs/decisions/0013-windows.md.
 */
function sqlitePath(file: string): string {
  return toNamespacedPath(file);
}

/**
 * Creates the database file empty and readable by this user only (0600) before SQLite
 * opens it: SQLite would create it 0644, and on Linux and macOS it gives the -wal and -shm
 * files the main file's permissions, so starting private keeps all three private.
 */
function createPrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    // An existing file is SQLite's to open (and keepPrivate's to tighten).
    if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST')) throw error;
  }
}

/**
 * The database, -wal and -shm files are 0600 once open, including files an earlier version
 * made 0644. On Windows the folder's ACL (the user's profile) is what protects them, and
 * chmod there only toggles read-only, so it is left alone. Best effort: a file that vanished
 * or belongs to someone else changes nothing about whether the records open.
 */
function keepPrivate(file: string): void {
  if (process.platform === 'win32') return;
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      chmodSync(path, 0o600);
    } catch {
      // Missing (-wal before the first write) or not ours: nothing to tighten.
    }
  }
}

/** Another connection committing during a backup's copy is rare; three in a row means something is wrong. */
const COPY_ATTEMPTS = 3;

function openElsewhere(): AppError {
  return new AppError('conflict', 'The records are open in another program, so they were not re-keyed. Close it and try again.');
}

function damagedError(): AppError {
  return new AppError('damaged', 'The records database failed its integrity check, so nothing new can be saved. Restore from the newest good backup.');
}

/** 64 MiB of decrypted pages per connection (SQLite's default is 2 MiB). */
const CACHE_KIB = 64 * 1024;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file starts as a plain (unencrypted) SQLite file does: SQLCipher's begins with a random salt. */
function isPlainSqlite(file: string): boolean {
  const header = Buffer.alloc(SQLITE_MAGIC.length);
  let read = 0;
  const fd = openSync(file, 'r');
  try {
    read = readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return read === header.length && header.equals(SQLITE_MAGIC);
}

/**
 * Every page of every table and index as the engine sees it, the WAL's newer copies
 * included: a page whose HMAC does not verify fails to read, and the finding names the
 * table or index it belongs to. (pagesFailingHmac checks the file itself, page by page.)
 */
function unreadablePages(raw: RawConnection): string[] {
  let trees: string[];
  try {
    trees = raw.allNow("SELECT name FROM sqlite_schema WHERE rootpage > 0 ORDER BY rootpage").map((row) => String(row.name));
  } catch (error) {
    return [`Encrypted page check: the list of tables could not be read (${codeOf(error)}).`];
  }
  const problems: string[] = [];
  for (const name of ['sqlite_schema', ...trees]) {
    try {
      raw.getNow('SELECT count(*) AS pages FROM dbstat WHERE name = ?', [name]);
    } catch (error) {
      problems.push(`Encrypted page check: a page of ${name} failed its check (${codeOf(error)}).`);
    }
  }
  return problems;
}

/** B-trees, indexes against their tables, constraints and the search index: what SQLite itself might get wrong. */
function structureProblems(raw: RawConnection): string[] {
  const problems: string[] = [];
  // On a page whose HMAC fails, integrity_check does not report a row: it fails outright.
  // That is a finding too, not a reason to refuse to open the file.
  try {
    for (const row of raw.allNow('PRAGMA integrity_check')) {
      const value = String(Object.values(row)[0]);
      if (value !== 'ok') problems.push(`Database structure check: ${value}`);
    }
  } catch (error) {
    problems.push(`Database structure check could not finish: a page could not be read (${codeOf(error)}).`);
  }
  return problems;
}

function codeOf(error: unknown): string {
  const classified = classifyDriverError(error);
  return isDatabaseError(classified) ? classified.driverCode : 'unknown error';
}

