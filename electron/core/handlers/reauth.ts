import { appendAudit } from '../audit/audit-log';
import type { SessionContext } from '../context';
import { AppError } from '../errors';
import { auditPendingFailures, refuseWhileThrottled } from './session-handlers';

/** What a DSL re-enters their password for, as the audit row names it. */
export type ReauthPurpose =
  | 'staff.add'
  | 'staff.setRoles'
  | 'staff.resetPassword'
  | 'backups.chooseFolder'
  | 'backups.restoreLive'
  | 'exports.pdf'
  | 'recovery.replaceCode'
  | 'transfers.pdf'
  | 'transfers.makePackage'
  | 'records.destroy'
  | 'practice.open';

const WRONG_OWN_PASSWORD = 'Your password is not right';

/**
 * A fresh proof that the person at the keyboard is the one signed in, before a change that
 * matters (accounts, roles, where backups go, restoring, printing): their own password,
 * checked against their own key slot. Called before the handler writes anything. A wrong one
 * counts like a failed sign-in (the same growing delay) and is written to the audit log.
 */
export async function requireOwnPassword(ctx: SessionContext, currentPassword: string, purpose: ReauthPurpose): Promise<void> {
  const { db, user } = ctx.session;
  // One authentication at a time with sign-in and signing (ctx.auth, decision 0014), under the
  // same delay, counted against this person's own account.
  const ok = await ctx.auth.run(async () => {
    const account = await ctx.keyslots.lookupFor(user.username);
    await refuseWhileThrottled(ctx, account);
    if (await ctx.keyslots.verifyStaffPassword(user.id, currentPassword)) {
      const failures = await ctx.throttle.pendingFailures(ctx.now());
      if (failures.length > 0 && db.writable) await db.transaction((tx) => auditPendingFailures(tx, failures), { recordsUnchanged: true });
      await ctx.throttle.succeeded(ctx.now(), account);
      return true;
    }
    await ctx.throttle.recordFailure(ctx.now(), { staffId: user.id, account, path: 'reauth', audited: true });
    return false;
  });
  if (ok) return;
  if (db.writable) {
    await db
      .transaction(
        (tx) => appendAudit(tx, { action: 'reauth.failed', actorId: user.id, at: ctx.now(), subjectType: 'staff', subjectId: user.id, details: { for: purpose } }),
        { recordsUnchanged: true },
      )
      // The refusal matters more than its row: a full disk must not turn it into another error.
      .catch(() => undefined);
  }
  throw new AppError('bad_credentials', `${WRONG_OWN_PASSWORD}. Type the password you signed in with.`, { currentPassword: WRONG_OWN_PASSWORD });
}
