import { AppError } from '../errors';
import { appendAudit } from '../audit/audit-log';
import { failedSignInsSince } from '../db/audit-queries';
import { openSession, sessionStatus } from '../session/open-session';
import { expireDrafts } from './draft-handlers';
import { unlessNowDamaged } from '../audit/audit-view';
import type { CoreContext } from '../context';
import type { Executor } from '../db/connection';
import type { PendingFailure } from '../session/login-throttle';
import type { UnlockedSession } from '../session/session';
import type { Handlers } from './types';

const WRONG_CREDENTIALS = 'The username or password is not right.';
const MAX_FAILURES_SHOWN = 10;

export async function refuseWhileThrottled(ctx: CoreContext, account?: string): Promise<void> {
  const wait = await ctx.throttle.secondsToWait(ctx.now(), account);
  if (wait > 0) {
    throw new AppError(
      'throttled',
      `Too many unsuccessful attempts. Wait ${wait} second${wait === 1 ? '' : 's'} before trying again.`,
    );
  }
}

/** What the audit row says about a failure; the account is the row's subject, never a typed name. */
function failureDetails(failure: PendingFailure): Record<string, unknown> {
  switch (failure.path) {
    case 'recovery':
      return { account: 'recovery code' };
    case 'restore':
      return { account: 'backup credentials' };
    case 'failures-file':
      return {};
    default:
      return { account: failure.staffId === null ? 'unknown username' : 'wrong password' };
  }
}

/**
 * Writes the failures kept in the failures file into the audit log, in the caller's
 * transaction: every successful authentication does this before clearing the file, so a
 * failure reaches the log whichever door the next success comes through.
 */
export async function auditPendingFailures(tx: Executor, failures: readonly PendingFailure[]): Promise<void> {
  for (const failure of failures) {
    await appendAudit(tx, {
      action: failure.path === 'failures-file' ? 'login.failures-file-lost' : 'login.failed',
      actorId: null,
      at: new Date(failure.at),
      subjectType: failure.staffId === null ? undefined : 'staff',
      subjectId: failure.staffId ?? undefined,
      details: failureDetails(failure),
    });
  }
}

function accountWords(row: { details: string; staff_name: string | null }): string {
  let account: unknown;
  try {
    account = (JSON.parse(row.details) as { account?: unknown }).account;
  } catch {
    account = undefined;
  }
  if (account === 'recovery code') return 'the recovery code';
  if (account === 'backup credentials') return 'a backup’s sign-in';
  if (row.staff_name !== null) return row.staff_name;
  return 'a username that is not an account';
}

/** The sign-in in the audit log, with the failed attempts that came before it (written now the log is open). */
async function recordSignIn(ctx: CoreContext, session: UnlockedSession): Promise<void> {
  if (!session.db.writable) return;
  const failures = await ctx.throttle.pendingFailures(ctx.now());
  const write = async (tx: Executor) => {
    await auditPendingFailures(tx, failures);
    return appendAudit(tx, { action: 'login.success', actorId: session.user.id, at: ctx.now() });
  };
  try {
    session.auditLink = await session.db.transaction(write, { recordsUnchanged: true });
  } catch (error) {
    unlessNowDamaged(session)(error);
  }
}

/** A DSL is told of the failed sign-ins since they last signed in (how many, when, which account). */
async function noteFailuresForDsl(session: UnlockedSession): Promise<void> {
  if (!session.user.roles.includes('dsl') || !session.auditLink) return;
  const { count, rows } = await failedSignInsSince(session.db, session.user.id, session.auditLink.seq, MAX_FAILURES_SHOWN);
  if (count > 0) session.failedSignIns = { count, latest: rows.map((row) => ({ at: row.at, account: accountWords(row) })) };
}

function lockedMeanwhile(): AppError {
  return new AppError('locked', 'The records were locked while you were signing in. Sign in again.');
}

export const sessionHandlers = {
  'session.status': async (_input, ctx) => sessionStatus(ctx),

  // One authentication at a time (ctx.auth): parallel attempts wait their turn, so each sees
  // the failures before it, and a second sign-in closes the first's session before opening its own.
  'session.unlock': ({ username, password }, ctx) => {
    // A lock asked for after this sign-in was (idle, suspend, the button) wins over it.
    let locks = ctx.lockCount;
    return ctx.auth.run(async () => {
      // A sign-in is always to the school's records: practice mode ends first, so the key file
      // and the failures counted below are the school's (decision 0032).
      if (ctx.parked) {
        await ctx.lock('button');
        locks += 1;
      }
      if (!(await ctx.keyslots.exists())) throw new AppError('not_set_up', 'The records have not been set up yet.');
      const account = await ctx.keyslots.lookupFor(username);
      await refuseWhileThrottled(ctx, account);
      // One person at a time: a new sign-in ends whoever was signed in before.
      if (ctx.lockCount !== locks) throw lockedMeanwhile();
      if (ctx.session) {
        await ctx.lock('button');
        // This sign-in's own lock; any other that came meanwhile still shows.
        locks += 1;
      }

      const attempt = await ctx.keyslots.unlockWithPassword(username, password);
      if (!attempt.ok) {
        await ctx.throttle.recordFailure(ctx.now(), { staffId: attempt.staffId, account, path: 'sign-in' });
        throw new AppError('bad_credentials', WRONG_CREDENTIALS);
      }
      const session = await openSession(ctx, attempt, attempt.staffId, attempt.keys);
      try {
        // Locked (idle, suspend, the button) while the password was being checked: that lock wins.
        if (ctx.lockCount !== locks) throw lockedMeanwhile();
        await recordSignIn(ctx, session);
        await ctx.throttle.succeeded(ctx.now(), account, { audited: session.auditLink !== undefined });
        // A notice, not a condition of signing in: if it cannot be read, the audit log still holds the failures.
        await noteFailuresForDsl(session).catch(() => undefined);
        // Housekeeping, not a condition of signing in: the next sign-in tries again.
        await expireDrafts(session, ctx.now()).catch(() => undefined);
      } catch (error) {
        // Not signed in after all (a full disk, say): nothing may stay open, not even the key.
        await session.db.close();
        session.dataKey.fill(0);
        throw error;
      }
      ctx.session = session;
      return sessionStatus(ctx);
    });
  },

  'session.lock': async ({ reason }, ctx) => {
    await ctx.lock(reason);
    return { done: true as const };
  },

  // Dispatch already counted this call as activity; the heartbeat needs nothing more.
  'session.touch': () => Promise.resolve({ done: true as const }),
} satisfies Partial<Handlers>;
