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
import { decodeBackup, headerSignedBy, type BackupHeader } from './format';
import { GENESIS_HASH } from '../../../shared/domain/audit';
import { verifyAuditChain } from '../audit/audit-log';
import { lastAuditLink } from '../db/audit-queries';
import { verifyAnchor } from '../integrity/anchor';
import { readVerifiedRoster } from '../integrity/roster';
import { verifyRecords } from '../integrity/verify-records';

/** The schema from which records have a signed roster and signed audit rows (migration 009). */
const SIGNED_SCHEMA_VERSION = 9;

export type RestoreResult = {
  tables: Record<string, number>;
  /** False only for a format-1 backup restored with allowUnsigned. */
  signed: boolean;
  /** Who signed the backup (null: the recovery code, or unsigned). */
  signerId: number | null;
};

const UNSIGNED =
  "This backup was made before backups were signed, so nothing shows who made it or that it is unchanged. Nothing was restored. Restore it with the command line's --unsigned-legacy if you are sure where it came from.";
const NOTHING = 'Nothing was restored.';

/**
 * The checks that make a signed backup trustworthy (issue 16), on the restored copy before it
 * is kept: the header's signature against the signer's key in the copy's OWN verified roster
 * (and, in the app, a key the live records have known); the header's anchor against the
 * copy's chain end, exactly; and Verify on the copy, which must find nothing.
 */
async function checkSigned(db: Database, header: BackupHeader, knownSigner: ((signerId: number | null, signKey: string) => boolean) | undefined): Promise<void> {
  const { versions, problems } = await readVerifiedRoster(db);
  const latest = versions[versions.length - 1];
  if (!latest || problems.length > 0) {
    throw new AppError('damaged', `This backup has been altered: the signed list of staff inside it does not check out. ${NOTHING}`);
  }
  const atBackup = versions.find((v) => v.version === header.anchor.rosterVersion);
  const signKey = atBackup && (header.signerId === null ? atBackup.roster.recovery?.sign : atBackup.roster.members.find((m) => m.id === header.signerId && m.active)?.sign);
  if (!signKey || !headerSignedBy(header, signKey)) {
    throw new AppError('damaged', `This backup has been altered since it was made: its signature does not match the person it names. ${NOTHING}`);
  }
  if (knownSigner && !knownSigner(header.signerId, signKey)) {
    throw new AppError('forbidden', `This backup was signed by someone these records do not know, so it may not be one of yours. ${NOTHING}`);
  }
  const end = (await lastAuditLink(db)) ?? { seq: 0, hash: GENESIS_HASH };
  const { anchor } = header;
  if (
    anchor.seq !== end.seq ||
    anchor.hash !== end.hash ||
    anchor.rosterVersion !== latest.version ||
    anchor.signerId !== header.signerId ||
    !verifyAnchor(anchor, [atBackup]).ok
  ) {
    throw new AppError('damaged', `This backup has been altered: the records inside it do not end where its signed header says they did. ${NOTHING}`);
  }
  await refuseFindings(db);
}

/** A format-1 backup restored on purpose: still checked as far as its schema allows. */
async function checkLegacy(db: Database): Promise<void> {
  // Before migration 009 there is no roster nor signed audit: the old hash chain is all there is.
  if ((await schemaVersion(db)) < SIGNED_SCHEMA_VERSION) {
    const chain = await verifyAuditChain(db);
    if (!chain.ok) throw new AppError('damaged', `The audit log inside this backup is broken at row ${chain.firstBrokenSeq}. ${NOTHING}`);
    return;
  }
  await refuseFindings(db);
}

async function refuseFindings(db: Database): Promise<void> {
  const { findings } = await verifyRecords(db);
  if (findings.length === 0) return;
  const named = findings.slice(0, 3).map((f) => `${f.where}: ${f.detail}`);
  const more = findings.length > 3 ? `; and ${findings.length - 3} more` : '';
  throw new AppError('damaged', `The records inside this backup do not pass Verify (${named.join('; ')}${more}). ${NOTHING}`);
}

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
  /**
   * The command line's --unsigned-legacy: restore a format-1 backup (made before backups were
   * signed). Without it one is refused, since anyone with the data key can make such a file.
   */
  allowUnsigned?: boolean;
  /**
   * Restoring inside the app: whether the LIVE roster ever (any version) gave the backup's
   * signer this signing key. A backup signed by any other key was not made by anyone these
   * records know, however well its own roster checks out (a whole folder forged would).
   */
  knownSigner?: (signerId: number | null, signKey: string) => boolean;
}): Promise<RestoreResult> {
  const { dataDir } = args;
  if (!(await isMissingOrEmpty(dataDir))) {
    throw new AppError('conflict', 'That folder already holds files. Restore into a new, empty folder: a restore never writes over records.');
  }
  const bytes = await readFile(args.file).catch(() => {
    throw new AppError('not_found', 'The backup file could not be read.');
  });
  const { header, database } = decodeBackup(bytes);
  if (header.format === 1 && args.allowUnsigned !== true) throw new AppError('conflict', UNSIGNED);
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
      if (header.format === 2) await checkSigned(db, header, args.knownSigner);
      else await checkLegacy(db);
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
    return { tables: rowCounts(header.tables), signed: header.format === 2, signerId: header.format === 2 ? header.signerId : null };
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
