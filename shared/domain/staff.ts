import { z } from 'zod';
import { nameText } from './text';

export const ROLES = ['dsl', 'deputy', 'head'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  dsl: 'Designated Safeguarding Lead',
  deputy: 'Deputy DSL',
  head: 'Headteacher',
};

/** A member of staff's name (the DSL's at set-up too). */
export const personName = nameText('name', { missing: 'Enter the full name', max: 120, tooLong: 'Name must be 120 characters or fewer' });

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'Enter a username of at least 2 characters')
  .max(40, 'Username must be 40 characters or fewer')
  .regex(/^[a-z0-9._-]+$/, 'Username may use only letters, numbers, dots, hyphens and underscores');

/**
 * Applies to every password being set (set-up, adding staff, resets, changes, recovery);
 * a password chosen before this rule still signs in, because sign-in only compares.
 */
export const MIN_PASSWORD_LENGTH = 12;

/** Shape only; the strength rule (zxcvbn score) is applied in the core, where its dictionaries live. */
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'Password must be 200 characters or fewer');

/** An existing password is only ever compared, never judged, so any non-empty text will do. */
export const password = z.string().min(1, 'Enter your password').max(200, 'Password is too long');

/** The signed-in person's own password, re-entered to confirm a change that matters (decision 0016). */
export const confirmingPassword = z.string({ error: 'Enter your password, to confirm' }).min(1, 'Enter your password, to confirm').max(200, 'Password is too long');

export const staffRoleSet = z
  .array(z.enum(ROLES))
  .min(1, 'Choose at least one role')
  .max(ROLES.length, 'Each role may be chosen once')
  .refine((roles) => new Set(roles).size === roles.length, 'Each role may be chosen once');

export const staffMember = z.object({
  id: z.number().int(),
  name: z.string(),
  username: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMember>;

export function hasAnyRole(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((role) => allowed.includes(role));
}
