
import { AppError } from '../errors';
import { appendAudit } from '../audit/audit-log';
import { deactivateStaff, findStaffById, findStaffByUsername, insertStaff, listStaff } from '../db/staff-queries';
import { checkPasswordStrength, weakPasswordMessage } from '../security/password-strength';
import type { Handlers } from './types';

function requireStrong(password: string, userInputs: string[], field: string): void {
  const feedback = checkPasswordStrength(password, userInputs);
  if (!feedback.acceptable) throw new AppError('invalid_input', 'Choose a stronger password.', { [field]: weakPasswordMessage(feedback) });
}

export const staffHandlers = {
  'staff.list': async (_input, ctx) => listStaff(ctx.session.db),

  'staff.add': async (input, ctx) => {
    const { db, dataKey, user, schoolName } = ctx.session;
    if (await findStaffByUsername(db, input.username)) {
      throw new AppError('conflict', 'That username is already taken.', {
        username: 'That username is already taken (perhaps by a deactivated account). Choose another.',
      });
    }
    requireStrong(input.password, [input.name, input.username, schoolName], 'password');
    return db.transaction(async (tx) => {
      const added = await insertStaff(tx, {
        name: input.name,
        username: input.username,
        roles: input.roles,
        createdAt: ctx.now().toISOString(),
        createdBy: user.id,
      });
      await appendAudit(tx, {
        action: 'staff.added',
        actorId: user.id,
        at: ctx.now(),
        subjectType: 'staff',
        subjectId: added.id,
        details: { roles: input.roles },
      });
      // Inside the transaction: if the key file cannot be written, the account is not added.
      await ctx.keyslots.setStaffPassword(dataKey, { staffId: added.id, username: added.username, password: input.password });
      return added;
    });
  },

  'staff.deactivate': async ({ staffId }, ctx) => {
    const { db, user } = ctx.session;
    const target = await findStaffById(db, staffId);
    if (!target) throw new AppError('not_found', 'There is no member of staff with that id.');
    if (target.id === user.id) throw new AppError('conflict', 'You cannot deactivate your own account. Ask another DSL to do it.');
    if (!target.active) throw new AppError('conflict', `${target.name}'s account is already deactivated.`);
    return db.transaction(async (tx) => {
      await deactivateStaff(tx, target.id, ctx.now().toISOString(), user.id);
      await appendAudit(tx, { action: 'staff.deactivated', actorId: user.id, at: ctx.now(), subjectType: 'staff', subjectId: target.id });
      await ctx.keyslots.removeStaff(target.id);
      return { ...target, active: false };
    });
  },

  'staff.resetPassword': async ({ staffId, newPassword }, ctx) => {
    const { db, dataKey, user, schoolName } = ctx.session;
    const target = await findStaffById(db, staffId);
    if (!target) throw new AppError('not_found', 'There is no member of staff with that id.');
    if (!target.active) throw new AppError('conflict', `${target.name}'s account is deactivated.`);
    requireStrong(newPassword, [target.name, target.username, schoolName], 'newPassword');
    await db.transaction(async (tx) => {
      await appendAudit(tx, { action: 'password.reset', actorId: user.id, at: ctx.now(), subjectType: 'staff', subjectId: target.id });
      await ctx.keyslots.setStaffPassword(dataKey, { staffId: target.id, username: target.username, password: newPassword });
    });
    return { done: true as const };
  },

  'account.changePassword': async ({ currentPassword, newPassword }, ctx) => {
    const { db, dataKey, user, schoolName } = ctx.session;
    if (!(await ctx.keyslots.verifyStaffPassword(user.id, currentPassword))) {
      throw new AppError('invalid_input', 'Your current password is not right.', {
        currentPassword: 'Your current password is not right.',
      });
    }
    requireStrong(newPassword, [user.name, user.username, schoolName], 'newPassword');
    await db.transaction(async (tx) => {
      await appendAudit(tx, { action: 'password.changed', actorId: user.id, at: ctx.now(), subjectType: 'staff', subjectId: user.id });
      await ctx.keyslots.setStaffPassword(dataKey, { staffId: user.id, username: user.username, password: newPassword });
    });
    return { done: true as const };
  },
} satisfies Partial<Handlers>;

