import type { StaffMember } from './staff';

/**
 * Whether a member of staff may back up, restore or verify the records from the command
 * line: a copy of everything (or its replacement) is a DSL's decision, as in the app. The
 * sentence to show when not; null when they may.
 */
export function commandLineRefusal(staff: Pick<StaffMember, 'roles' | 'active'> | undefined, action: 'back up' | 'restore' | 'verify'): string | null {
  if (!staff || !staff.active) return `That account is no longer active, so it cannot ${action} the records.`;
  if (!staff.roles.includes('dsl')) {
    return `Only a Designated Safeguarding Lead (DSL) can ${action} the records from the command line. Sign in with a DSL's username.`;
  }
  return null;
}
