
import { AppError } from '../errors';
import { appendAudit } from '../audit/audit-log';
import { ROLES, type Role } from '../../../shared/domain/staff';
import { inForce, type RosterMember } from '../../../shared/domain/roster';
import { roleChangeRefusal } from '../../../shared/domain/staff-rules';
import {
  deactivateStaff,
  findStaffById,
  findStaffByUsername,
  insertStaff,
  listStaff,
  clearPasswordSetBy,
  markPasswordSetBy,
  reactivateStaff,
  setStaffRoles,
} from '../db/staff-queries';
import type { Executor } from '../db/connection';
import { checkPasswordStrength, weakPasswordMessage } from '../security/password-strength';
import { requireOwnPassword } from './reauth';
import { signerFor } from '../session/open-session';
import { changeRosterMember, currentRoster, otherActiveDsls, rosterMember } from '../integrity/roster';
import { rekeyAfterChange, rekeyRecords } from '../integrity/rekey';
import { newPersonKeys, type PersonKeys } from '../vault/person-keys';
import type { Handlers } from './types';

function requireStrong(password: string, userInputs: string[], field: string): void {
  const feedback = checkPasswordStrength(password, userInputs);
  if (!feedback.acceptable) throw new AppError('invalid_input', 'Choose a stronger password.', { [field]: weakPasswordMessage(feedback) });
}

/** The member of staff with their roles and access as the signed roster has them (decision 0017). */
async function requireStaff(tx: Pick<Executor, 'get' | 'all'>, staffId: number) {
  const target = await findStaffById(tx, staffId);
  if (!target) throw new AppError('not_found', 'There is no member of staff with that id.');
  return inForce(target, await rosterMember(tx, staffId));
}

function sessionSigner(session: { user: { id: number }; keys: PersonKeys }) {
  return { id: session.user.id, keys: session.keys };
}

/** The member as the roster has them; a staff row the roster lacks was never added through the app. */
function known(member: RosterMember | undefined): RosterMember {
  if (!member) throw new AppError('not_found', 'That account is not in the signed roster, so it cannot be changed. Run Verify.');
  return member;
}

const OWN_PASSWORD_HERE = 'You cannot reset your own password here. Change it in Your account, where you type your current password.';

/** Roles in one fixed order, so the audit's "from → to" and the list read the same way every time. */
function inRoleOrder(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

export const staffHandlers = {
  // Roles and access as the signed roster has them: an edit to the staff table changes neither.
  'staff.list': async (_input, ctx) => {
    const { db } = ctx.session;
    const [staff, roster] = await Promise.all([listStaff(db), currentRoster(db)]);
    const members = new Map(roster?.roster.members.map((m) => [m.id, m]));
    return staff.map((s) => inForce(s, members.get(s.id)));
  },

  'staff.add': async (input, ctx) => {
    const { db, user, schoolName } = ctx.session;
    await requireOwnPassword(ctx, input.currentPassword, 'staff.add');
    if (await findStaffByUsername(db, input.username)) {
      throw new AppError('conflict', 'That username is already taken.', {
        username: 'That username is already taken (perhaps by a deactivated account). Choose another.',
      });
    }
    requireStrong(input.password, [input.name, input.username, schoolName], 'password');
    const keys = newPersonKeys();
    return db.transaction(async (tx) => {
      const added = await insertStaff(tx, {
        name: input.name,
        username: input.username,
        roles: input.roles,
        createdAt: ctx.now().toISOString(),
        createdBy: user.id,
      });
      const { name, username, roles } = added;
      await changeRosterMember(tx, sessionSigner(ctx.session), added.id, () => ({ id: added.id, name, username, roles, active: true, ...keys.publicKeys }), ctx.now());
      // The DSL chose it, so its owner must change it before signing anything.
      await markPasswordSetBy(tx, added.id, user.id, ctx.now().toISOString());
      await appendAudit(tx, {
        action: 'staff.added',
        actorId: user.id,
        at: ctx.now(),
        subjectType: 'staff',
        subjectId: added.id,
        details: { roles: input.roles },
      });
      // Inside the transaction: if the key file cannot be written, the account is not added.
      await ctx.keyslots.setStaffSlot(ctx.session.dataKey, { staffId: added.id, username: added.username, password: input.password, keys });
      return added;
    });
  },

  'staff.deactivate': async ({ staffId }, ctx) => {
    const { db, user } = ctx.session;
    const deactivated = await db.transaction(async (tx) => {
      // Checked inside the write's transaction, so nothing can change the account in between.
      const target = await requireStaff(tx, staffId);
      if (target.id === user.id) throw new AppError('conflict', 'You cannot deactivate your own account. Ask another DSL to do it.');
      if (!target.active) throw new AppError('conflict', `${target.name}'s account is already deactivated.`);
      await deactivateStaff(tx, target.id, ctx.now().toISOString(), user.id);
      await changeRosterMember(tx, sessionSigner(ctx.session), target.id, (m) => ({ ...known(m), active: false }), ctx.now());
      await appendAudit(tx, { action: 'staff.deactivated', actorId: user.id, at: ctx.now(), subjectType: 'staff', subjectId: target.id });
      await ctx.keyslots.removeStaff(target.id);
      return { ...target, active: false };
    });
    // After the commit: the leaver's old key slot (in any backup, or a copy) must open nothing written from now on.
    const rekey = await rekeyAfterChange(() => rekeyRecords(ctx, ctx.now()));
    return { ...deactivated, rekey };
  },

  'staff.setRoles': async ({ staffId, roles, reason, currentPassword }, ctx) => {
    const { db, user } = ctx.session;
    const to = inRoleOrder(roles);
    await requireOwnPassword(ctx, currentPassword, 'staff.setRoles');
    return db.transaction(async (tx) => {
      const target = await requireStaff(tx, staffId);
      const refusal = roleChangeRefusal({ actorId: user.id, target, roles: to, otherActiveDsls: await otherActiveDsls(tx, target.id) });
      if (refusal) throw new AppError('conflict', refusal, { roles: refusal });
      await setStaffRoles(tx, target.id, to);
      await changeRosterMember(tx, sessionSigner(ctx.session), target.id, (m) => ({ ...known(m), roles: to }), ctx.now());
      await appendAudit(tx, {
        action: 'staff.roles-changed',
        actorId: user.id,
        at: ctx.now(),
        subjectType: 'staff',
        subjectId: target.id,
        details: { roles: { from: inRoleOrder(target.roles), to }, reason },
      });
      return { ...target, roles: to };
    });
  },

  'staff.reactivate': async ({ staffId, reason, newPassword }, ctx) => {
    const { db, user, schoolName } = ctx.session;
    return db.transaction(async (tx) => {
      const target = await requireStaff(tx, staffId);
      if (target.active) throw new AppError('conflict', `${target.name}'s account is already active.`);
      requireStrong(newPassword, [target.name, target.username, schoolName], 'newPassword');
      await reactivateStaff(tx, target.id);
      // New keys with the new password: nobody can sign with whatever they held before.
      const keys = newPersonKeys();
      await changeRosterMember(tx, sessionSigner(ctx.session), target.id, (m) => ({ ...known(m), active: true, ...keys.publicKeys }), ctx.now());
      await markPasswordSetBy(tx, target.id, user.id, ctx.now().toISOString());
      await appendAudit(tx, {
        action: 'staff.reactivated',
        actorId: user.id,
        at: ctx.now(),
        subjectType: 'staff',
        subjectId: target.id,
        details: { reason },
      });
      // Deactivation removed their key slot; without a new one they could not sign in. Written
      // last inside the transaction: if the key file cannot be written, nothing is reactivated.
      await ctx.keyslots.setStaffSlot(ctx.session.dataKey, { staffId: target.id, username: target.username, password: newPassword, keys });
      return { ...target, active: true };
    });
  },

  'staff.resetPassword': async ({ staffId, newPassword, currentPassword }, ctx) => {
    const { db, user, schoolName } = ctx.session;
    if (staffId === user.id) throw new AppError('forbidden', OWN_PASSWORD_HERE, { newPassword: OWN_PASSWORD_HERE });
    const target = await requireStaff(db, staffId);
    if (!target.active) throw new AppError('conflict', `${target.name}'s account is deactivated.`);
    requireStrong(newPassword, [target.name, target.username, schoolName], 'newPassword');
    await requireOwnPassword(ctx, currentPassword, 'staff.resetPassword');
    await db.transaction(async (tx) => {
      // Again inside the write's transaction: the rule holds whatever the handler was given.
      const fresh = await requireStaff(tx, staffId);
      if (fresh.id === user.id) throw new AppError('forbidden', OWN_PASSWORD_HERE, { newPassword: OWN_PASSWORD_HERE });
      if (!fresh.active) throw new AppError('conflict', `${fresh.name}'s account is deactivated.`);
      await markPasswordSetBy(tx, target.id, user.id, ctx.now().toISOString());
      // The DSL cannot unwrap the person's old keys (only their password can), so they get new ones.
      const keys = newPersonKeys();
      await changeRosterMember(tx, sessionSigner(ctx.session), target.id, (m) => ({ ...known(m), ...keys.publicKeys }), ctx.now());
      await appendAudit(tx, { action: 'password.reset', actorId: user.id, at: ctx.now(), subjectType: 'staff', subjectId: target.id });
      await ctx.keyslots.setStaffSlot(ctx.session.dataKey, { staffId: target.id, username: target.username, password: newPassword, keys });
    });
    // Whoever knew the old password (and has a copy of the old key slot) opens nothing written from now on.
    const rekey = await rekeyAfterChange(() => rekeyRecords(ctx, ctx.now()));
    return { done: true as const, rekey };
  },

  'account.changePassword': async ({ currentPassword, newPassword }, ctx) => {
    const session = ctx.session;
    const { db, keys, user, schoolName } = session;
    if (!(await ctx.keyslots.verifyStaffPassword(user.id, currentPassword))) {
      throw new AppError('invalid_input', 'Your current password is not right.', {
        currentPassword: 'Your current password is not right.',
      });
    }
    requireStrong(newPassword, [user.name, user.username, schoolName], 'newPassword');
    // After someone else set the password, that person also made the keys and could have kept
    // them: the owner's first own password comes with fresh keys, which only they ever held.
    const fresh = session.passwordSetBy ? newPersonKeys() : null;
    await db.transaction(
      async (tx) => {
        // Their own choice now: nobody else knows it, so they may sign again.
        await clearPasswordSetBy(tx, user.id);
        if (fresh) await changeRosterMember(tx, { id: user.id, keys }, user.id, (m) => ({ ...known(m), ...fresh.publicKeys }), ctx.now());
        await appendAudit(tx, { action: 'password.changed', actorId: user.id, at: ctx.now(), subjectType: 'staff', subjectId: user.id });
        if (fresh) {
          await ctx.keyslots.setStaffSlot(session.dataKey, { staffId: user.id, username: user.username, password: newPassword, keys: fresh });
        } else {
          // The same keys, wrapped under the new password: what they signed before still verifies.
          await ctx.keyslots.changeOwnPassword(user.id, user.username, keys, newPassword);
        }
      },
      // The row that puts the new keys in force is signed by them, as Verify expects.
      fresh ? { signer: signerFor(user.id, fresh) } : {},
    );
    if (ctx.session === session) {
      delete session.passwordSetBy;
      if (fresh) {
        session.keys = fresh;
        db.setSigner(signerFor(user.id, fresh));
      }
    }
    return { done: true as const };
  },
} satisfies Partial<Handlers>;

