import { AppError } from '../errors';
import { appendAudit } from '../audit/audit-log';
import { openSession, sessionStatus } from '../session/open-session';
import { unlessNowDamaged } from '../records/audit-read';
import type { CoreContext } from '../context';
import type { Executor } from '../db/connection';
import type { UnlockedSession } from '../session/session';
import type { Handlers } from './types';

const WRONG_CREDENTIALS = 'The username or password is not right.';

export async function refuseWhileThrottled(ctx: CoreContext): Promise<void> {
  const wait = await ctx.throttle.secondsToWait(ctx.now());
  if (wait > 0) {
    throw new AppError(
      'throttled',
      `Too many unsuccessful attempts. Wait ${wait} second${wait === 1 ? '' : 's'} before trying again.`,
    );
  }
}

/** The sign-in in the audit log, with the failed attempts that came before it (written now the log is open). */
async function recordSignIn(ctx: CoreContext, session: UnlockedSession): Promise<void> {
  if (!session.db.writable) return;
  const failures = await ctx.throttle.pendingFailures();
  const write = async (tx: Executor) => {
    for (const failure of failures) {
      await appendAudit(tx, {
        action: 'login.failed',
        actorId: null,
        at: new Date(failure.at),
        subjectType: failure.staffId === null ? undefined : 'staff',
        subjectId: failure.staffId ?? undefined,
        details: { account: failure.staffId === null ? 'unknown username' : 'wrong password' },
      });
    }
    return appendAudit(tx, { action: 'login.success', actorId: session.user.id, at: ctx.now() });
  };
  try {
    session.auditLink = await session.db.transaction(write, { recordsUnchanged: true });
  } catch (error) {
    unlessNowDamaged(session)(error);
  }
}

export const sessionHandlers = {
  'session.status': async (_input, ctx) => sessionStatus(ctx),

  'session.unlock': async ({ username, password }, ctx) => {
    if (!(await ctx.keyslots.exists())) throw new AppError('not_set_up', 'The records have not been set up yet.');
    await refuseWhileThrottled(ctx);
    // One person at a time: a new sign-in ends whoever was signed in before.
    if (ctx.session) await ctx.lock('button');

    const attempt = await ctx.keyslots.unlockWithPassword(username, password);
    if (!attempt.ok) {
      await ctx.throttle.recordFailure(ctx.now(), attempt.staffId);
      throw new AppError('bad_credentials', WRONG_CREDENTIALS);
    }
    const session = await openSession(ctx, attempt.dataKey, attempt.staffId);
    try {
      await recordSignIn(ctx, session);
      await ctx.throttle.reset();
    } catch (error) {
      // Not signed in after all (a full disk, say): nothing may stay open, not even the key.
      await session.db.close();
      session.dataKey.fill(0);
      throw error;
    }
    ctx.session = session;
    return sessionStatus(ctx);
  },

  'session.lock': async ({ reason }, ctx) => {
    await ctx.lock(reason);
    return { done: true as const };
  },

  // Dispatch already counted this call as activity; the heartbeat needs nothing more.
  'session.touch': () => Promise.resolve({ done: true as const }),
} satisfies Partial<Handlers>;
