import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BACKUP_KEEP_DEFAULT, BACKUP_RECENT_DAYS } from '../../shared/domain/settings';
import type { BackupRunResult, BackupStatus } from '../../shared/ipc/contract';
import { NON_CHANGING_ACTIONS } from '../../shared/domain/audit';
import { appendAudit } from './audit/audit-log';
import { changedSinceLastBackup } from './db/audit-queries';
import { listBackups, pruneBackups, writeBackup } from './backup/index';
import { knownSigners, signedByKnown } from './backup/trust';
import type { Executor } from './db/connection';
import { isDatabaseError } from './db/errors';
import { readSettings, writeSetting } from './db/settings-queries';
import type { CoreContext } from './context';
import type { Logger } from './dispatch';
import { AppError, isAppError } from './errors';
import type { UnlockedSession } from './session/session';
import { refuseInPractice } from './practice/not-in-practice';

/** Who asked for a backup: the DSL's button, the daily timer, or quitting the app. */
export type BackupTrigger = 'manual' | 'daily' | 'exit';

export type BackupSettings = { folder: string | null; keep: number; lastBackupAt: string | null; lastBackupFile: string | null };

const DAY_MS = 24 * 60 * 60_000;
/** How often the daily timer looks whether a backup is due. */
export const BACKUP_CHECK_MS = 5 * 60_000;
/** After an automatic backup fails, the timer waits this long before trying again (one audit row an hour, not one every check). */
const RETRY_AFTER_FAILURE_MS = 60 * 60_000;

export async function readBackupSettings(db: Pick<Executor, 'all'>): Promise<BackupSettings> {
  const settings = await readSettings(db);
  const keep = Number(settings.backupKeep ?? BACKUP_KEEP_DEFAULT);
  return {
    folder: settings.backupFolder ?? null,
    keep: Number.isInteger(keep) && keep >= 1 ? keep : BACKUP_KEEP_DEFAULT,
    lastBackupAt: settings.lastBackupAt ?? null,
    lastBackupFile: settings.lastBackupFile ?? null,
  };
}

/** A good backup was made within the last seven days. */
function isRecent(lastBackupAt: string | null, now: Date): boolean {
  if (!lastBackupAt) return false;
  const at = Date.parse(lastBackupAt);
  return Number.isFinite(at) && now.getTime() - at < BACKUP_RECENT_DAYS * DAY_MS;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

const NO_FOLDER = 'No backup folder has been chosen yet. Choose a folder on the Backups page, then back up.';
const FOLDER_GONE =
  'The backup folder cannot be found. If it is on a USB stick or a network drive, connect it and try again, or choose another folder.';

/** The chosen folder, if it is there now: a removed USB stick is said plainly, and never re-created. */
export async function reachableFolder(folder: string | null): Promise<string> {
  if (!folder) throw new AppError('not_saved', NO_FOLDER);
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) throw new AppError('not_saved', FOLDER_GONE);
    return folder;
  } catch (error) {
    if (isAppError(error)) throw error;
    const code = errorCode(error);
    if (code === 'EACCES' || code === 'EPERM') throw new AppError('not_saved', 'This app may not open the backup folder. Choose another folder.');
    throw new AppError('not_saved', FOLDER_GONE);
  }
}

/** Plain words for a failed backup: what the DSL sees and what the audit row says. */
function backupError(error: unknown): unknown {
  if (isAppError(error)) return error;
  const code = errorCode(error);
  if (code === 'ENOSPC' || isDatabaseError(error, 'disk_full')) return new AppError('storage_full', 'There is not enough free space in the backup folder to save the backup.');
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('not_saved', FOLDER_GONE);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('not_saved', 'This app may not write to the backup folder. Choose another folder.');
  return error;
}

function reasonOf(error: unknown): string {
  return isAppError(error) ? error.message : 'The backup could not be made or did not check out, so it was not kept.';
}

/**
 * One backup of the signed-in session's records into the chosen folder, then the oldest
 * removed so the newest N are kept. Success and failure are both audited. Backups and
 * restores run one at a time; locking waits for a backup under way.
 */
export function runBackup(ctx: CoreContext, session: UnlockedSession, trigger: BackupTrigger): Promise<BackupRunResult> {
  return ctx.backups.queue.run(async () => {
    if (ctx.session !== session) throw new AppError('locked', 'The records are locked. Sign in to continue.');
    // Never a backup of the practice folder, and never the school's backup folder while practice is open.
    refuseInPractice(session, 'Backups');
    if (!session.db.writable) {
      throw new AppError(
        'damaged',
        'The records database failed its integrity check, so a backup made now would not be a good one. Restore from the newest good backup instead.',
      );
    }
    const at = ctx.now();
    const work = (async (): Promise<BackupRunResult> => {
      const settings = await readBackupSettings(session.db);
      const folder = await reachableFolder(settings.folder);
      // A copy of the key: if the session locks part-way, the backup fails rather than reading a zeroed key.
      const key = Buffer.from(session.dataKey);
      let summary: Awaited<ReturnType<typeof writeBackup>>;
      try {
        // Signed by whoever is signed in, the daily and on-exit backups too (issue 16).
        summary = await writeBackup({
          db: session.db,
          dataKey: key,
          keyslotsFile: ctx.paths.keyslots,
          folder,
          now: at,
          appVersion: ctx.appVersion,
          signer: { id: session.user.id, keys: session.keys },
        });
      } finally {
        key.fill(0);
      }
      const fileName = basename(summary.file);
      let removed: string[] = [];
      let pruneFailed = false;
      try {
        // Only backups signed by someone these records know, and not dated in the future, count.
        const known = await knownSigners(session.db, { id: session.user.id, keys: session.keys });
        removed = (await pruneBackups(folder, settings.keep, { ours: (header) => signedByKnown(header, known), now: at })).map((file) => basename(file));
      } catch {
        pruneFailed = true;
      }
      await session.db.transaction(async (tx) => {
        await writeSetting(tx, 'lastBackupAt', summary.createdAt);
        await writeSetting(tx, 'lastBackupFile', fileName);
        // Names, never full paths: a path names the user's folders (often their own name).
        await appendAudit(tx, {
          action: 'backup',
          actorId: session.user.id,
          at,
          details: { trigger, file: fileName, folder: basename(folder), bytes: summary.bytes, tables: summary.tables, removed, ...(pruneFailed ? { pruneFailed } : {}) },
        });
      });
      return { fileName, createdAt: summary.createdAt, bytes: summary.bytes, tables: summary.tables, removed };
    })();
    ctx.backups.inFlight = work.catch(() => undefined);
    try {
      return await work;
    } catch (error) {
      const plain = backupError(error);
      await recordFailure(ctx, session, trigger, at, reasonOf(plain));
      throw plain;
    } finally {
      ctx.backups.inFlight = null;
    }
  });
}

async function recordFailure(ctx: CoreContext, session: UnlockedSession, trigger: BackupTrigger, at: Date, reason: string): Promise<void> {
  if (ctx.session !== session || !session.db.writable) return;
  try {
    await session.db.transaction((tx) => appendAudit(tx, { action: 'backup.failed', actorId: session.user.id, at, details: { trigger, reason } }));
  } catch {
    // The database itself may be what failed (a full disk); the caller still hears of the backup's failure.
  }
}

/** What the Backups page shows: the folder, the keep count, the last good backup and the files there. */
export async function backupStatus(ctx: CoreContext, session: UnlockedSession): Promise<BackupStatus> {
  const settings = await readBackupSettings(session.db);
  let folderAvailable = false;
  let backups: BackupStatus['backups'] = [];
  if (settings.folder) {
    try {
      const folder = await reachableFolder(settings.folder);
      backups = (await listBackups(folder)).map((b) => ({ fileName: basename(b.file), createdAt: b.createdAt, bytes: b.bytes, ok: b.ok }));
      folderAvailable = true;
    } catch {
      folderAvailable = false;
    }
  }
  return {
    folder: settings.folder,
    folderAvailable,
    keep: settings.keep,
    lastBackup: settings.lastBackupAt ? { at: settings.lastBackupAt, fileName: settings.lastBackupFile ?? '' } : null,
    recent: isRecent(settings.lastBackupAt, ctx.now()),
    backups,
  };
}

/** The dashboard's line: when the last good backup was, and whether to warn. */
export async function dashboardBackup(db: Pick<Executor, 'all'>, now: Date): Promise<{ at: string | null; folderChosen: boolean; recent: boolean }> {
  const settings = await readBackupSettings(db);
  return { at: settings.lastBackupAt, folderChosen: settings.folder !== null, recent: isRecent(settings.lastBackupAt, now) };
}

export type BackupSchedule = {
  /** Looks whether a daily backup is due and makes it (the timer calls this; tests may too). */
  check(): Promise<void>;
  /** Stops the timer and, if someone is signed in and a folder is chosen, makes the backup on exit. */
  beforeClose(): Promise<void>;
};

/**
 * Automatic backups once a folder is chosen: one when the app closes while signed in, and
 * one a day, made by a timer that looks every few minutes (on the core's clock) whether
 * the last good backup is over 24 hours old. Failures are logged by code only and audited.
 */
export function startBackupSchedule(ctx: CoreContext, log: Logger, everyMs = BACKUP_CHECK_MS): BackupSchedule {
  let checking = false;
  let retryAfter = 0;

  async function automatic(trigger: BackupTrigger): Promise<void> {
    const session = ctx.session;
    // In practice mode the daily backup waits for the return to the school's records.
    if (!session || session.practice === true || !session.db.writable) return;
    try {
      const settings = await readBackupSettings(session.db);
      if (!settings.folder) return;
      if (trigger === 'daily') {
        const last = settings.lastBackupAt ? Date.parse(settings.lastBackupAt) : Number.NaN;
        if (Number.isFinite(last) && ctx.now().getTime() - last < DAY_MS) return;
      }
      // Only what changed needs a new copy: a DSL who opens the app to read, several times a
      // day, would otherwise push the older backups out of the kept set within days.
      if (trigger === 'exit' && !(await changedSinceLastBackup(session.db, NON_CHANGING_ACTIONS))) return;
      await runBackup(ctx, session, trigger);
    } catch (error) {
      const code = isAppError(error) ? error.code : (errorCode(error) ?? (error instanceof Error ? error.name : 'unknown'));
      // Locking part-way is not a failure worth a log line.
      if (code === 'locked') return;
      log(`automatic backup (${trigger}) failed: ${code}`);
      retryAfter = ctx.now().getTime() + RETRY_AFTER_FAILURE_MS;
    }
  }

  async function check(): Promise<void> {
    if (checking || ctx.now().getTime() < retryAfter) return;
    checking = true;
    try {
      await automatic('daily');
    } finally {
      checking = false;
    }
  }

  const timer = setInterval(() => void check(), everyMs);
  timer.unref();

  return {
    check,
    async beforeClose() {
      clearInterval(timer);
      await automatic('exit');
    },
  };
}
