import { moveComputerAnchor } from '../integrity/computer-anchor';
import { rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { utcToSchoolTime } from '../../../shared/domain/dates';
import { appendAudit } from '../audit/audit-log';
import { listBackups, restoreBackup } from '../backup/index';
import { backupStatus, reachableFolder, readBackupSettings, runBackup } from '../backup-schedule';
import { dataPaths, type SessionContext } from '../context';
import { Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { writeSetting } from '../db/settings-queries';
import { AppError, isAppError } from '../errors';
import { renameRetrying, syncDirectory } from '../fs/atomic-write';
import { KeyslotStore } from '../vault/keyslots';
import { auditPendingFailures, refuseWhileThrottled } from './session-handlers';
import { requireOwnPassword } from './reauth';
import type { Handlers } from './types';
import { isInside } from './saved-pdf';
import { refuseInPractice } from '../practice/not-in-practice';
import { knownSigners } from '../backup/trust';
import { deactivationsCarried } from '../../../shared/domain/backup-restore';
import { rosterChangeRefusal, type Roster } from '../../../shared/domain/roster';
import type { Executor } from '../db/connection';
import { deactivateStaff } from '../db/staff-queries';
import { appendRoster, readVerifiedRoster } from '../integrity/roster';
import { establishRoster } from '../integrity/session-roster';
import { rekeyHeld } from '../integrity/rekey';
import { signerFor } from '../session/open-session';
import type { PersonKeys } from '../vault/person-keys';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** `<data>-<what>-YYYY-MM-DD-HHmmss` beside the data folder, on the school's clock; never one that exists. */
async function siblingFolder(dataDir: string, what: string, now: Date): Promise<string> {
  const { date, time } = utcToSchoolTime(now.toISOString());
  const stamp = `${date}-${time.replace(':', '')}${String(now.getUTCSeconds()).padStart(2, '0')}`;
  const base = join(dirname(resolve(dataDir)), `${basename(resolve(dataDir))}-${what}-${stamp}`);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await exists(candidate))) return candidate;
  }
}


const NOTHING = 'Nothing was restored.';

/**
 * Makes the restored records ready to go live, signed by the person whose backup credentials
 * were typed (their keys as they were when the backup was made): the deactivations made in
 * the live records since the backup are carried over (a new roster version, the staff rows,
 * their audit rows; their key slots removed from the restored key file), then the `restore`
 * row, and, when anyone was deactivated, a re-key of the restored records. Returns the ids deactivated. Throws a plain AppError, leaving the caller to remove the folder.
 */
async function finishRestored(
  dataDir: string,
  credentials: { username: string; password: string },
  at: Date,
  details: Record<string, unknown>,
  liveRoster: Roster | null,
): Promise<number[]> {
  const paths = dataPaths(dataDir);
  const store = new KeyslotStore(paths.keyslots);
  const attempt = await store.unlockWithPassword(credentials.username, credentials.password);
  if (!attempt.ok) throw new AppError('bad_credentials', 'That username and password do not open this backup.');
  attempt.nextDataKey?.fill(0);
  const signer = { id: attempt.staffId, keys: attempt.keys };
  let carried: number[];
  try {
    const db = await Database.open(paths.database, attempt.dataKey);
    try {
      await migrate(db);
      await db.trackChanges();
      db.setSigner(signerFor(signer.id, signer.keys));
      const { member } = await establishRoster(db, signer.id, signer.keys, at);
      if (!member.active || liveRoster?.members.some((m) => m.id === member.id && !m.active)) {
        throw new AppError('forbidden', `That account has been deactivated, so it cannot restore the records. Use the username and password of a DSL who is still active. ${NOTHING}`);
      }
      carried = await db.transaction(async (tx) => {
        const ids = await carryDeactivations(tx, liveRoster, signer, at);
        await appendAudit(tx, { action: 'restore', actorId: signer.id, at, details: { ...details, ...(ids.length > 0 ? { deactivationsCarried: ids } : {}) } });
        return ids;
      });
      // After the commit: if this fails the restore is abandoned, and the roster says no anyway.
      for (const id of carried) await store.removeStaff(id);
      if (carried.length > 0) {
        // The backup's key is the one the leavers' old slots (in this backup, and any older one)
        // open: the restored records go live under a fresh key, sealed to the remaining slots.
        const holder = { db, dataKey: attempt.dataKey };
        try {
          await rekeyHeld({ keyslots: store }, holder, signer.id, at);
        } catch {
          throw new AppError('not_saved', `The restored records could not be given a new key, so an account deactivated since the backup could still open them. ${NOTHING}`);
        } finally {
          if (holder.dataKey !== attempt.dataKey) holder.dataKey.fill(0);
        }
      }
    } finally {
      await db.close();
    }
  } finally {
    attempt.dataKey.fill(0);
  }
  return carried;
}

/**
 * The live deactivations the restored records do not have, made in them in one roster
 * version signed by the restoring person, who must be an active DSL in the restored roster.
 * Checked inside the write's transaction (rosterChangeRefusal, via the roster read here).
 */
async function carryDeactivations(tx: Executor, liveRoster: Roster | null, signer: { id: number; keys: PersonKeys }, at: Date): Promise<number[]> {
  const { versions, problems } = await readVerifiedRoster(tx);
  const prev = versions[versions.length - 1];
  if (!prev || problems.length > 0) throw new AppError('damaged', `The signed list of staff in this backup does not check out. ${NOTHING}`);
  const ids = deactivationsCarried(liveRoster, prev.roster);
  if (ids.length === 0) return [];
  const next: Roster = { ...prev.roster, members: prev.roster.members.map((m) => (ids.includes(m.id) ? { ...m, active: false } : m)) };
  if (rosterChangeRefusal(prev.roster, next, { kind: 'staff', id: signer.id }, signer.keys.publicKeys.sign)) {
    throw new AppError(
      'forbidden',
      `Since this backup was made, ${ids.length === 1 ? 'an account has' : `${ids.length} accounts have`} been deactivated. To keep ${ids.length === 1 ? 'it' : 'them'} deactivated in the restored records, type the username and password of someone who was a DSL when the backup was made. ${NOTHING}`,
    );
  }
  await appendRoster(tx, prev, next, signer, at);
  for (const id of ids) {
    await deactivateStaff(tx, id, at.toISOString(), signer.id);
    await appendAudit(tx, { action: 'staff.deactivated', actorId: signer.id, at, subjectType: 'staff', subjectId: id, details: { afterRestore: true } });
  }
  return ids;
}

async function saveBackupSetting(ctx: SessionContext, key: 'backupFolder' | 'backupKeep', from: string | number | null, to: string | number): Promise<void> {
  const { db, user } = ctx.session;
  await db.transaction(async (tx) => {
    await writeSetting(tx, key, String(to));
    // A folder by its own name only: a full path names the user's folders (often their own name).
    const audited = (value: string | number | null) => (key === 'backupFolder' && typeof value === 'string' ? basename(value) : value);
    await appendAudit(tx, { action: 'settings.changed', actorId: user.id, at: ctx.now(), details: { [key]: { from: audited(from), to: audited(to) } } });
  });
}

export const backupHandlers = {
  'backups.status': async (_input, ctx) => {
    refuseInPractice(ctx.session, 'Backups');
    return backupStatus(ctx, ctx.session);
  },

  'backups.chooseFolder': async ({ currentPassword }, ctx) => {
    refuseInPractice(ctx.session, 'Backups');
    const choose = ctx.backups.chooseFolder;
    if (!choose) throw new AppError('not_saved', 'Choosing a folder is not available in this window.');
    // Before the dialog: where backups go decides who can carry the records away.
    await requireOwnPassword(ctx, currentPassword, 'backups.chooseFolder');
    const chosen = await choose();
    if (chosen === null) return backupStatus(ctx, ctx.session);
    const folder = resolve(chosen);
    if (isInside(ctx.paths.dataDir, folder)) {
      throw new AppError('not_saved', 'Backups may not be kept inside the app’s own data folder: they would be lost with it. Choose another folder, ideally on a USB stick or another drive.');
    }
    await reachableFolder(folder);
    const before = await readBackupSettings(ctx.session.db);
    if (before.folder !== folder) await saveBackupSetting(ctx, 'backupFolder', before.folder, folder);
    return backupStatus(ctx, ctx.session);
  },

  'backups.configure': async ({ keep }, ctx) => {
    refuseInPractice(ctx.session, 'Backups');
    const before = await readBackupSettings(ctx.session.db);
    if (before.keep !== keep) await saveBackupSetting(ctx, 'backupKeep', before.keep, keep);
    return backupStatus(ctx, ctx.session);
  },

  'backups.run': async (_input, ctx) => runBackup(ctx, ctx.session, 'manual'),

  'backups.restoreLive': async ({ file, username, password, currentPassword }, ctx) => {
    refuseInPractice(ctx.session, 'Restores');
    const session = ctx.session;
    return ctx.backups.queue.run(async () => {
      if (ctx.session !== session) throw new AppError('locked', 'The records are locked. Sign in to continue.');
      // The backup's credentials may be anyone's, as they were then; this is the DSL at the keyboard now.
      await requireOwnPassword(ctx, currentPassword, 'backups.restoreLive');
      const settings = await readBackupSettings(session.db).catch(() => null);
      const folder = await reachableFolder(settings?.folder ?? null);
      const listed = (await listBackups(folder)).find((b) => basename(b.file) === file);
      if (!listed) throw new AppError('not_found', 'That backup is no longer in the backup folder. Choose one from the list.');
      if (!listed.ok) throw new AppError('damaged', 'That backup file is damaged, so it cannot be restored. Choose another backup.');

      const dataDir = resolve(ctx.paths.dataDir);
      const at = ctx.now();
      const restoring = await siblingFolder(dataDir, 'restoring', at);
      const replaced = await siblingFolder(dataDir, 'replaced', at);
      const credentials = { username, password };
      const known = await knownSigners(session.db, { id: session.user.id, keys: session.keys });
      const account = await ctx.keyslots.lookupFor(username);
      // The backup's credentials are checked one authentication at a time, with sign-in (ctx.auth).
      const { tables } = await ctx.auth.run(async () => {
        await refuseWhileThrottled(ctx, account);
        try {
          return await restoreBackup({
            file: listed.file,
            dataDir: restoring,
            credentials,
            knownSigner: (signerId, signKey) => known.keysOf(signerId).includes(signKey),
          });
        } catch (error) {
          if (isAppError(error) && error.code === 'bad_credentials') {
            await ctx.throttle.recordFailure(ctx.now(), { staffId: null, account, path: 'restore' });
            throw new AppError('bad_credentials', 'That username and password do not open this backup. Use the ones you had when it was made.', {
              password: 'The username or password does not open this backup',
            });
          }
          throw error;
        }
      });
      const failures = await ctx.throttle.pendingFailures(ctx.now());
      const details = { file, createdAt: listed.createdAt, replacedFolder: basename(replaced), tables };
      let carried: number[];
      try {
        carried = await finishRestored(restoring, credentials, at, details, known.latest);
      } catch (error) {
        await rm(restoring, { recursive: true, force: true });
        throw error;
      }

      // The records as they are now say what replaced them, if they can still be written.
      if (session.db.writable) {
        await session.db
          .transaction(async (tx) => {
            // Failed attempts waiting for the log (a wrong backup password, say) go into the records they happened to.
            await auditPendingFailures(tx, failures);
            return appendAudit(tx, { action: 'restore', actorId: session.user.id, at, details: { ...details, replacedBy: true } });
          })
          .catch(() => undefined);
      }
      await ctx.throttle.succeeded(ctx.now(), account);
      await ctx.lock('restore');

      // Swap: the live folder is kept under a new name (never deleted), the restored one takes its place.
      // On Windows a folder cannot be renamed while any file in it is held open (the
      // indexer, antivirus, a backup client): renameRetrying waits a moment for them.
      try {
        await renameRetrying(dataDir, replaced);
      } catch {
        await rm(restoring, { recursive: true, force: true }).catch(() => undefined);
        throw new AppError(
          'not_saved',
          'The records could not be moved aside for the backup, so they are still as they were. Close the app, open it again and try once more.',
        );
      }
      try {
        await renameRetrying(restoring, dataDir);
      } catch (error) {
        await renameRetrying(replaced, dataDir);
        throw error;
      }
      await syncDirectory(dirname(dataDir)).catch(() => undefined);
      // The anchor this computer kept was of the records now set aside, not of those restored.
      if (ctx.stateDir !== null) await moveComputerAnchor(ctx.stateDir, dataDir, replaced).catch(() => undefined);
      return { restored: true as const, replacedFolder: basename(replaced), tables, deactivationsCarried: carried.length };
    });
  },
} satisfies Partial<Handlers>;
