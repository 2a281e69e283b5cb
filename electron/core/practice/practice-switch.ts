import { appendAudit } from '../audit/audit-log';
import type { LockReason } from '../core-api';
import type { CoreContext, DataFolder, SessionContext } from '../context';
import { AppError } from '../errors';
import { openSession } from '../session/open-session';
import type { UnlockedSession } from '../session/session';
import { practiceFolderFor, unlockPractice } from './practice-folder';

function folderOf(ctx: CoreContext): DataFolder {
  return { paths: ctx.paths, keyslots: ctx.keyslots, throttle: ctx.throttle };
}

function useFolder(ctx: CoreContext, folder: DataFolder): void {
  ctx.paths = folder.paths;
  ctx.keyslots = folder.keyslots;
  ctx.throttle = folder.throttle;
}

/** One row in the school's own audit: the only trace practice leaves there. */
async function auditInRecords(session: UnlockedSession, action: 'practice.opened' | 'practice.closed', at: Date, details?: Record<string, unknown>): Promise<void> {
  if (!session.db.writable) return;
  await session.db.transaction((tx) => appendAudit(tx, { action, actorId: session.user.id, at, ...(details ? { details } : {}) }), { recordsUnchanged: true });
}

/**
 * Parks the school's session (its database stays open and its key in this worker, so returning
 * needs no password) and opens the practice folder's as the session every call now reaches
 * (decision 0032). The caller has checked the person's password against their own slot.
 * One at a time with backups, so no backup ever runs while the folders are being swapped.
 */
export function enterPractice(ctx: SessionContext, password: string): Promise<void> {
  const real = ctx.session;
  return ctx.backups.queue.run(async () => {
    if (ctx.session !== real) throw new AppError('locked', 'The records were locked. Sign in again.');
    if (real.practice === true || ctx.parked) throw new AppError('conflict', 'Practice mode is already open.');
    const practiceFolder = practiceFolderFor(ctx.paths.dataDir);
    const unlocked = await unlockPractice(practiceFolder, real.dataKey, real.user, password, { lockMinutes: real.lockMinutes, at: ctx.now() });
    await auditInRecords(real, 'practice.opened', ctx.now());
    // The school's chain end is kept while its folder is still the one in use (the anchors follow ctx.keyslots).
    await ctx.flushAnchors(real);
    const realFolder = folderOf(ctx);
    useFolder(ctx, practiceFolder);
    // With the folder: from here the anchors write only the practice session's chain end.
    ctx.parked = { ...realFolder, session: real };
    let practice: UnlockedSession;
    try {
      practice = { ...(await openSession(ctx, unlocked, unlocked.staffId, unlocked.keys)), practice: true };
      if (practice.db.writable) {
        practice.auditLink = await practice.db.transaction((tx) => appendAudit(tx, { action: 'login.success', actorId: practice.user.id, at: ctx.now() }), { recordsUnchanged: true });
      }
    } catch (error) {
      unlocked.dataKey.fill(0);
      useFolder(ctx, realFolder);
      ctx.parked = null;
      await auditInRecords(real, 'practice.closed', ctx.now(), { reason: 'not-opened' }).catch(() => undefined);
      throw error;
    }
    ctx.session = practice;
  });
}

/**
 * Ends the practice session (`end` closes it, its anchors written to the practice folder) and
 * puts the school's folder and parked session back; returns that session. The caller decides
 * whether it stays signed in (Return) or is ended too (a lock: a lock locks both).
 */
export async function leavePractice(
  ctx: CoreContext,
  practice: UnlockedSession,
  end: (session: UnlockedSession) => Promise<void>,
  reason: 'returned' | LockReason,
): Promise<UnlockedSession | null> {
  const parked = ctx.parked;
  if (!parked) return null;
  await end(practice);
  useFolder(ctx, parked);
  ctx.parked = null;
  await auditInRecords(parked.session, 'practice.closed', ctx.now(), { reason }).catch(() => undefined);
  return parked.session;
}
