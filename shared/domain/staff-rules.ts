import { requiredText } from './text';
import type { Role, StaffMember } from './staff';

/** Why a member of staff's roles were changed or their account reactivated: kept in the audit log. */
export const staffChangeReason = requiredText('Give the reason for the change', 500);

/**
 * Whether `actorId` may give `target` the roles `roles`; null when allowed, else the reason
 * it is not. `otherActiveDsls` counts active accounts holding the DSL role other than the
 * target's. The core calls this inside the write's transaction; the staff screen mirrors it.
 *
 * A DSL may not change their own roles: the headteacher's sign-off on a decision not to
 * refer is a second person's check, so no one may grant themselves the head's role (or the
 * DSL's), and a DSL cannot lock themselves out of managing staff mid-session.
 */
export function roleChangeRefusal(input: {
  actorId: number;
  target: Pick<StaffMember, 'id' | 'name' | 'roles' | 'active'>;
  roles: readonly Role[];
  otherActiveDsls: number;
}): string | null {
  const { actorId, target, roles, otherActiveDsls } = input;
  if (target.id === actorId) return 'You cannot change your own roles. Ask another DSL to do it.';
  if (!target.active) return `${target.name}'s account is deactivated. Reactivate it first.`;
  if (roles.length === 0) return 'Choose at least one role.';
  if (sameRoles(target.roles, roles)) return `${target.name} already has exactly these roles.`;
  const losesDsl = target.roles.includes('dsl') && !roles.includes('dsl');
  if (losesDsl && otherActiveDsls === 0) {
    return `${target.name} is the only active Designated Safeguarding Lead. Give another member of staff the DSL role first.`;
  }
  return null;
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

/**
 * Why someone whose password another person chose may not sign yet: until they change it,
 * the person who chose it could sign as them. `self` when the signer is the one at the keyboard.
 */
export function mustChangePasswordFirst(signerName: string, setByName: string, self: boolean): string {
  return self
    ? `Your password was set by ${setByName}. Change it in Your account before you sign anything.`
    : `${signerName}'s password was set by ${setByName}. ${signerName} must change it in Your account before signing anything.`;
}

/** What the person is told after signing in while their password is one someone else chose. */
export function passwordSetByNotice(setByName: string, when: string): string {
  return `Your password was set by ${setByName} on ${when}.`;
}
