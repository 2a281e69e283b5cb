import { ROLE_LABELS, ROLES, type Role } from './staff';

/** "Headteacher", "Deputy DSL and Headteacher", "Designated Safeguarding Lead, Deputy DSL and Headteacher". */
export function rolesInWords(roles: readonly Role[]): string {
  const labels = ROLES.filter((role) => roles.includes(role)).map((role) => ROLE_LABELS[role]);
  if (labels.length <= 1) return labels[0] ?? 'no role';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
