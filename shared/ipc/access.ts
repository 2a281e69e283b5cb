import { hasAnyRole, type Role } from '../domain/staff';

/**
 * Who may call a channel: anyone (before unlock too), any signed-in member of staff, or
 * only holders of one of the listed roles. The core's dispatch enforces it; the renderer
 * offers an action only where it holds (`useCan`).
 */
export type Access = 'public' | 'staff' | { roles: readonly Role[] };

/** Whether a signed-in person holding these roles may call a channel with this access. */
export function rolesMayCall(roles: readonly Role[], access: Access): boolean {
  if (access === 'public' || access === 'staff') return true;
  return hasAnyRole(roles, access.roles);
}
