import { mkdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { dataPaths } from '../context';
import { Database } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { AppError, isAppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { KeyslotsDamagedError } from '../vault/keyslots';
import { emptyFailureLogText } from '../session/login-throttle';
import { removeDatabaseFiles } from './backup';
import { isMissingOrEmpty, requireDslForCommandLine, unlockDataKey, unlockStaff, type Credentials } from './credentials';
import { differingTables, rowCounts, tableDigests } from './digests';
import { decodeBackup } from './format';

/**
 * Restores a backup into `dataDir`, which must not exist or be empty: a restore never
 * writes over records. Checks the file's checksum first, writes keyslots.json, opens it
 * with the credentials, writes records.db, then opens the database, runs its integrity
 * checks and compares every table with the hashes recorded in the backup. On any failure
 * it removes what it wrote (and the folder, if it made it) and throws a plain AppError.
 */
export async function restoreBackup(args: {
  file: string;
  dataDir: string;
  credentials: Credentials;
  /**
   * The command line's rule: a username must be an active DSL in the restored records
   * (checked once they are open; refused and removed otherwise). The recovery code, the
   * school's own, needs no role.
   */
  requireDsl?: boolean;
}): Promise<{ tables: Record<string, number> }> {
  const { dataDir } = args;
  if (!(await isMissingOrEmpty(dataDir))) {
    throw new AppError('conflict', 'That folder already holds files. Restore into a new, empty folder: a restore never writes over records.');
  }
  const bytes = await readFile(args.file).catch(() => {
    throw new AppError('not_found', 'The backup file could not be read.');
  });
  const { header, database } = decodeBackup(bytes);
  if (header.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'conflict',
      `This backup was made by a newer version of this app (schema ${header.schemaVersion}; this app understands up to ${LATEST_SCHEMA_VERSION}). Restore it with the newer version.`,
    );
  }

  const paths = dataPaths(dataDir);
  const madeFolder = !(await exists(dataDir));
  let restored = false;
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(paths.keyslots, header.keyslots);
    const key = await unlockDataKey(paths.keyslots, args.credentials);
    let db: Database;
    try {
      await writeFileAtomic(paths.database, database);
      db = await Database.open(paths.database, key).catch(() => {
        throw new AppError('damaged', 'The restored database could not be opened with the key in the backup. Nothing was restored.');
      });
    } finally {
      key.fill(0);
    }
    try {
      if (!db.health.ok) {
        throw new AppError('damaged', `The restored database failed its integrity check (${db.health.problems[0] ?? 'unknown problem'}). Nothing was restored.`);
      }
      if ((await schemaVersion(db)) !== header.schemaVersion) {
        throw new AppError('damaged', 'The restored database is not at the schema version the backup recorded. Nothing was restored.');
      }
      const differing = differingTables(header.tables, await tableDigests(db));
      if (differing.length > 0) {
        throw new AppError('damaged', `The restored records do not match what the backup recorded (${differing.join(', ')}). Nothing was restored.`);
      }
      if (args.requireDsl === true && 'username' in args.credentials) {
        const staffId = await staffIdOf(paths.keyslots, args.credentials);
        await requireDslForCommandLine(db, staffId, 'restore');
      }
    } finally {
      await db.close();
    }
    // A set-up folder always has its failures file (decision 0014): without one, the first
    // sign-in into the restored records would wait the longest delay.
    await writeFileAtomic(paths.loginFailures, emptyFailureLogText());
    restored = true;
    return { tables: rowCounts(header.tables) };
  } catch (error) {
    if (isAppError(error)) throw error;
    if (error instanceof KeyslotsDamagedError) {
      throw new AppError('damaged', 'The backup file is damaged: the key file stored in it cannot be read. Nothing was restored from it.');
    }
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    throw new AppError(
      code === 'ENOSPC' ? 'storage_full' : 'not_saved',
      code === 'ENOSPC' ? 'There is not enough free space in that folder to restore the records.' : 'The records could not be written to that folder.',
    );
  } finally {
    if (!restored) await undo(dataDir, madeFolder);
  }
}

async function undo(dataDir: string, madeFolder: boolean): Promise<void> {
  const paths = dataPaths(dataDir);
  await removeDatabaseFiles(paths.database).catch(() => undefined);
  await rm(paths.keyslots, { force: true }).catch(() => undefined);
  await rm(paths.loginFailures, { force: true }).catch(() => undefined);
  // Only the folder this restore made, and only once it is empty again.
  if (madeFolder) await rmdir(dataDir).catch(() => undefined);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    return !(typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT');
  }
}

/** Whose slot the username and password open (already proved to open it). */
async function staffIdOf(keyslotsFile: string, credentials: { username: string; password: string }): Promise<number> {
  const { dataKey, staffId } = await unlockStaff(keyslotsFile, credentials.username, credentials.password);
  dataKey.fill(0);
  return staffId;
}
