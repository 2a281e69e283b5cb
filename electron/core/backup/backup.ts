import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm, stat, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Database } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { KeyslotStore } from '../vault/keyslots';
import { utcToSchoolTime } from '../../../shared/domain/dates';
import { differingTables, rowCounts, tableDigests } from './digests';
import { GENESIS_HASH } from '../../../shared/domain/audit';
import { lastAuditLink } from '../db/audit-queries';
import { makeAnchor } from '../integrity/anchor';
import { readVerifiedRoster } from '../integrity/roster';
import type { PersonKeys } from '../vault/person-keys';
import { BACKUP_EXTENSION, encodeBackup, readBackupHeader, sha256, signHeader, type AnyBackupHeader } from './format';

export type BackupSummary = { file: string; createdAt: string; bytes: number; tables: Record<string, number> };

const BACKUP_NAME = /^records-backup-\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?\.ypsibak$/;

/** records-backup-YYYY-MM-DD-HHmmss.ypsibak on the school's clock (London), for people to read. */
function backupFileName(now: Date, suffix = 0): string {
  const { date, time } = utcToSchoolTime(now.toISOString());
  // London's offset from UTC is whole minutes, so the seconds are UTC's.
  const seconds = String(now.getUTCSeconds()).padStart(2, '0');
  return `records-backup-${date}-${time.replace(':', '')}${seconds}${suffix > 0 ? `-${suffix + 1}` : ''}${BACKUP_EXTENSION}`;
}

/**
 * An encrypted copy of the live database (VACUUM INTO, which encrypts with the same cipher
 * and key) and the keyslots, in one file (format.ts), its header signed by `signer` and
 * holding the copy's signed chain end (so a restore can tell the copy is the one signed). The copy is reopened with
 * the key, checked, and compared table by table with the live database as it was at the
 * moment of the copy (Database.copyInto proves it is the same moment) before the backup file is
 * written atomically. The temporary export file is removed whatever happens.
 */
export async function writeBackup(args: {
  db: Database;
  dataKey: Buffer;
  keyslotsFile: string;
  folder: string;
  now: Date;
  appVersion: string;
  /**
   * Who makes it and signs its header (issue 16): the signed-in person for the app's own and
   * scheduled backups, the DSL whose password was typed for the command line; id null is the
   * recovery code. Their key must be the one the records' signed roster holds for them.
   */
  signer: { id: number | null; keys: PersonKeys };
}): Promise<BackupSummary> {
  const { db, dataKey, folder, now, signer } = args;
  if (dataKey.length !== 32) throw new Error('The data key must be 32 bytes');
  if (!db.writable) {
    throw new AppError(
      'damaged',
      'The records database failed its integrity check, so a backup made now would not be a good one. Restore from the newest good backup instead.',
    );
  }
  const keyslots = await readKeyslots(args.keyslotsFile);

  await mkdir(folder, { recursive: true }).catch((error: unknown) => {
    throw writeError(error);
  });
  const name = await freeName(folder, now);
  const exportFile = join(folder, `.${name}.${randomBytes(6).toString('hex')}.export`);
  try {
    // Made here, not by SQLite, so that it is private to this user (0600) from its first byte.
    await (
      await open(exportFile, 'wx', 0o600).catch((error: unknown) => {
        throw writeError(error);
      })
    ).close();
    // The chain's end and the roster are read at the very moment of the copy, like the digests.
    const { version, live, end, roster } = await db.copyInto(
      exportFile,
      async (tx) => ({
        version: await schemaVersion(tx),
        live: await tableDigests(tx),
        end: (await lastAuditLink(tx)) ?? { seq: 0, hash: GENESIS_HASH },
        roster: await readVerifiedRoster(tx),
      }),
      () => truncate(exportFile),
    );
    // A backup restore would refuse is not worth writing: say so now, while the DSL is here.
    const latest = roster.versions[roster.versions.length - 1];
    if (!latest || roster.problems.length > 0) {
      throw new AppError('conflict', 'These records have no signed list of staff that checks out, so a backup of them could not be signed. Run Verify.');
    }
    const signKey = signer.id === null ? latest.roster.recovery?.sign : latest.roster.members.find((m) => m.id === signer.id && m.active)?.sign;
    if (signKey !== signer.keys.publicKeys.sign) {
      throw new AppError('forbidden', 'Your signing key is not the one these records hold for you, so a backup you made could not be trusted. Sign in again.');
    }

    const copy = await Database.open(exportFile, dataKey).catch(() => {
      throw new Error('The backup copy could not be reopened with the key.');
    });
    try {
      if (!copy.health.ok) throw new Error('The backup copy failed its integrity check.');
      if ((await schemaVersion(copy)) !== version) throw new Error('The backup copy has the wrong schema version.');
      const differing = differingTables(live, await tableDigests(copy));
      if (differing.length > 0) throw new Error(`The backup copy does not match the records (${differing.join(', ')}).`);
    } finally {
      await copy.close();
    }

    const database = await readFile(exportFile);
    const header = signHeader(
      {
        createdAt: now.toISOString(),
        appVersion: args.appVersion,
        schemaVersion: version,
        keyslots,
        tables: live,
        databaseSha256: sha256(database),
        databaseBytes: database.length,
        anchor: makeAnchor(end, latest.version, now, signer),
        signerId: signer.id,
      },
      signer.keys,
    );
    const file = join(folder, name);
    const bytes = encodeBackup(header, database);
    await writeFileAtomic(file, bytes).catch((error: unknown) => {
      throw writeError(error);
    });
    return { file, createdAt: header.createdAt, bytes: bytes.length, tables: rowCounts(live) };
  } finally {
    await removeDatabaseFiles(exportFile);
  }
}

/** A plain message for a folder that cannot be written to (no path, no driver text). */
function writeError(error: unknown): AppError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOSPC') return new AppError('storage_full', 'There is not enough free space there to save the backup.');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('not_saved', 'This app may not write to that folder.');
  return new AppError('not_saved', 'The backup could not be written to that folder.');
}

/** The text of keyslots.json, checked (structure and checksum) and not changing under us. */
async function readKeyslots(path: string): Promise<string> {
  const before = await readFile(path, 'utf8').catch(() => {
    throw new AppError('not_found', 'The key file (keyslots.json) could not be read, so no backup was made.');
  });
  await new KeyslotStore(path).read();
  const after = await readFile(path, 'utf8');
  if (after !== before) throw new AppError('conflict', 'The key file changed while the backup was being made. Try again.');
  return before;
}

async function freeName(folder: string, now: Date): Promise<string> {
  const taken = new Set(await readdir(folder));
  for (let suffix = 0; ; suffix += 1) {
    const name = backupFileName(now, suffix);
    if (!taken.has(name)) return name;
  }
}

/** A database file and the journal files SQLite may leave beside it. */
export async function removeDatabaseFiles(file: string): Promise<void> {
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    await rm(path, { force: true });
  }
}

/** Backups in a folder, newest first, from their headers; unreadable or damaged ones with ok: false. */
export async function listBackups(folder: string): Promise<(BackupSummary & { ok: boolean })[]> {
  return (await listWithHeaders(folder)).map(({ header: _header, ...summary }) => summary);
}

async function listWithHeaders(folder: string): Promise<(BackupSummary & { ok: boolean; header: AnyBackupHeader | null })[]> {
  const names = (await readdir(folder)).filter((name) => BACKUP_NAME.test(name));
  const backups: (BackupSummary & { ok: boolean; header: AnyBackupHeader | null })[] = [];
  for (const name of names) {
    const file = join(folder, name);
    try {
      const { header, fileBytes } = await readBackupHeader(file);
      backups.push({ file, createdAt: header.createdAt, bytes: fileBytes, tables: rowCounts(header.tables), ok: true, header });
    } catch {
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) continue;
      backups.push({ file, createdAt: info.mtime.toISOString(), bytes: info.size, tables: {}, ok: false, header: null });
    }
  }
  return backups.sort((a, b) => (a.createdAt === b.createdAt ? sameSecondOrder(b.file) - sameSecondOrder(a.file) : a.createdAt < b.createdAt ? 1 : -1));
}

/** records-backup-…-090000.ypsibak is the first of that second, …-090000-2.ypsibak the next. */
function sameSecondOrder(file: string): number {
  const match = /-\d{6}-(\d+)\.ypsibak$/.exec(file);
  return match ? Number(match[1]) : 1;
}

/**
 * Deletes all but the newest `keep` good backups in the folder and returns the files
 * removed. Damaged backups and every other file are left alone. With `ours` (the app's
 * automatic rotation, issue 16), only backups it accepts, dated no later than `now`, count
 * and may be removed: a file planted with a later date (its header edited, or unsigned) could
 * otherwise push every real backup out of the kept set and have them deleted.
 */
export async function pruneBackups(folder: string, keep: number, options: { ours?: (header: AnyBackupHeader) => boolean; now?: Date } = {}): Promise<string[]> {
  if (!Number.isInteger(keep) || keep < 1) throw new Error('At least one backup must be kept.');
  const { ours, now } = options;
  const good = (await listWithHeaders(folder)).filter(
    (b) => b.ok && b.header !== null && (!ours || ours(b.header)) && (!now || Date.parse(b.createdAt) <= now.getTime()),
  );
  const removed: string[] = [];
  for (const backup of good.slice(keep)) {
    await unlink(backup.file);
    removed.push(backup.file);
  }
  return removed;
}
