import { appendAudit } from '../audit/audit-log';
import type { SessionContext } from '../context';
import { AppError } from '../errors';
import { refuseWhileThrottled } from './session-handlers';

/** What a DSL re-enters their password for, as the audit row names it. */
export type ReauthPurpose = 'staff.add' | 'staff.setRoles' | 'staff.resetPassword' | 'backups.chooseFolder' | 'backups.restoreLive' | 'exports.pdf';

export const WRONG_OWN_PASSWORD = 'Your password is not right';

/**
 * A fresh proof that the person at the keyboard is the one signed in, before a change that
 * matters (accounts, roles, where backups go, restoring, printing): their own password,
 * checked against their own key slot. Called before the handler writes anything. A wrong one
 * counts like a failed sign-in (the same growing delay) and is written to the audit log.
 */
export async function requireOwnPassword(ctx: SessionContext, currentPassword: string, purpose: ReauthPurpose): Promise<void> {
  const { db, user } = ctx.session;
  await refuseWhileThrottled(ctx);
  if (await ctx.keyslots.verifyStaffPassword(user.id, currentPassword)) {
    await ctx.throttle.reset();
    return;
  }
  await ctx.throttle.recordFailure(ctx.now(), user.id);
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
