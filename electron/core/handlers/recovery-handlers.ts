import { isWellFormedRecoveryCode } from '../../../shared/domain/recovery-code';
import { AppError } from '../errors';
import { appendAudit } from '../audit/audit-log';
import { clearPasswordSetBy, findStaffByUsername } from '../db/staff-queries';
import { checkPasswordStrength, weakPasswordMessage } from '../security/password-strength';
import { openDatabase, signerFor } from '../session/open-session';
import { RECOVERY_ACCOUNT } from '../session/login-throttle';
import { changeRosterMember } from '../integrity/roster';
import { newPersonKeys } from '../vault/person-keys';
import { auditPendingFailures, refuseWhileThrottled } from './session-handlers';
import type { Handlers } from './types';

export const recoveryHandlers = {
  // One authentication at a time, with sign-in (ctx.auth): see session.unlock.
  'recovery.resetPassword': ({ recoveryCode, username, newPassword }, ctx) => ctx.auth.run(async () => {
    if (!(await ctx.keyslots.exists())) throw new AppError('not_set_up', 'The records have not been set up yet.');
    if (!isWellFormedRecoveryCode(recoveryCode)) {
      throw new AppError('invalid_input', 'Check the recovery code.', {
        recoveryCode: 'A recovery code is 28 letters and numbers in 7 groups of 4, as printed at set-up.',
      });
    }
    await refuseWhileThrottled(ctx, RECOVERY_ACCOUNT);
    const unlocked = await ctx.keyslots.unlockWithRecoveryCode(recoveryCode);
    if (!unlocked) {
      // Kept for the audit log like a failed sign-in: the next success (of either kind) writes it.
      await ctx.throttle.recordFailure(ctx.now(), { staffId: null, account: RECOVERY_ACCOUNT, path: 'recovery' });
      throw new AppError('bad_credentials', 'That recovery code is not right.', { recoveryCode: 'That recovery code is not right.' });
    }
    const { dataKey, keys: recoveryKeys } = unlocked;
    const db = ctx.session?.db ?? (await openDatabase(ctx, dataKey));
    const before = db.signer;
    try {
      if (db !== ctx.session?.db && db.writable) await db.trackChanges();
      const target = await findStaffByUsername(db, username);
      if (!target || !target.active) {
        throw new AppError('invalid_input', 'No active account has that username.', { username: 'No active account has that username.' });
      }
      const feedback = checkPasswordStrength(newPassword, [target.name, target.username]);
      if (!feedback.acceptable) throw new AppError('invalid_input', 'Choose a stronger password.', { newPassword: weakPasswordMessage(feedback) });
      const failures = await ctx.throttle.pendingFailures(ctx.now());
      // The school's recovery code signs this change (decision 0017): the person gets new keys,
      // since nobody can unwrap the old ones without their forgotten password.
      const keys = newPersonKeys();
      db.setSigner(signerFor(null, recoveryKeys));
      await db.transaction(async (tx) => {
        // The failed attempts before this reset (wrong codes, wrong passwords) reach the log first.
        await auditPendingFailures(tx, failures);
        await changeRosterMember(tx, { id: null, keys: recoveryKeys }, target.id, (m) => {
          if (!m) throw new AppError('not_found', 'That account is not in the signed roster. Run Verify.');
          return { ...m, ...keys.publicKeys };
        }, ctx.now(), recoveryKeys.publicKeys);
        // The person chose it themselves with the school's recovery code: it counts as their own.
        await clearPasswordSetBy(tx, target.id);
        await appendAudit(tx, {
          action: 'password.recovered',
          actorId: null,
          at: ctx.now(),
          subjectType: 'staff',
          subjectId: target.id,
        });
        await ctx.keyslots.setStaffSlot(dataKey, { staffId: target.id, username: target.username, password: newPassword, keys });
      });
      if (ctx.session?.user.id === target.id) {
        // Signed in as the person whose password this was: their session now signs with the new keys.
        delete ctx.session.passwordSetBy;
        ctx.session.keys = keys;
        db.setSigner(signerFor(target.id, keys));
      } else {
        db.setSigner(before);
      }
    } catch (error) {
      db.setSigner(before);
      throw error;
    } finally {
      if (db !== ctx.session?.db) await db.close();
      if (dataKey !== ctx.session?.dataKey) dataKey.fill(0);
    }
    await ctx.throttle.succeeded(ctx.now(), RECOVERY_ACCOUNT);
    return { done: true as const };
  }),
} satisfies Partial<Handlers>;
