import { isWellFormedRecoveryCode } from '../../../shared/domain/recovery-code';
import { AppError } from '../errors';
import { appendAudit } from '../audit/audit-log';
import { clearPasswordSetBy, findStaffByUsername } from '../db/staff-queries';
import { checkPasswordStrength, weakPasswordMessage } from '../security/password-strength';
import { openUnlocked, signerFor } from '../session/open-session';
import { rekeyAfterChange, rekeyHeld, rekeyRecords, type KeyHolder, type RekeyOutcome } from '../integrity/rekey';
import type { SessionContext } from '../context';
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
    const { keys: recoveryKeys } = unlocked;
    const session = ctx.session;
    // Signed out, the recovery opens the database itself (settling an interrupted re-key, if any).
    const own = session ? null : await openUnlocked(ctx, unlocked);
    const holder: KeyHolder = session ?? own!;
    const db = holder.db;
    const before = db.signer;
    let rekey: RekeyOutcome;
    try {
      if (own && db.writable) await db.trackChanges();
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
        await ctx.keyslots.setStaffSlot(holder.dataKey, { staffId: target.id, username: target.username, password: newPassword, keys });
      });
      if (session && ctx.session === session) {
        if (session.user.id === target.id) {
          // Signed in as the person whose password this was: their session now signs with the new keys.
          delete session.passwordSetBy;
          session.keys = keys;
          db.setSigner(signerFor(target.id, keys));
        } else {
          db.setSigner(before);
        }
        // Re-keyed as the session's own change, one at a time with backups.
        rekey = await rekeyAfterChange(() => rekeyRecords(ctx as SessionContext, ctx.now()));
      } else {
        // Signed out: re-keyed with the database this recovery opened, signed by the recovery code.
        rekey = own ? await rekeyAfterChange(() => rekeyHeld(ctx, own, null, ctx.now())) : { rekeyed: false, reason: 'The records were locked meanwhile.' };
        db.setSigner(before);
      }
    } catch (error) {
      db.setSigner(before);
      throw error;
    } finally {
      if (own) {
        await own.db.close();
        own.dataKey.fill(0);
      }
      if (unlocked.dataKey !== ctx.session?.dataKey) unlocked.dataKey.fill(0);
    }
    await ctx.throttle.succeeded(ctx.now(), RECOVERY_ACCOUNT);
    return { done: true as const, rekey };
  }),
} satisfies Partial<Handlers>;
