import { z } from 'zod';

/**
 * A new password is typed twice (set-up, adding staff, recovery, resets, reactivating,
 * changing one's own). Not to be confused with ConfirmingPasswordField: that is the
 * signed-in person's *current* password, asked again before a change that matters.
 */

/** The contract's name for the new password on each channel, so the core's messages land on the box. */
export type NewPasswordName = 'password' | 'newPassword' | 'pdfPassword';

/** What the password is, which gives both boxes their words. */
export const NEW_PASSWORD_WORDS = {
  /** A first password for an account being made (set-up, adding staff). */
  account: 'Password',
  /** One replacing a password (changing one's own, a reset, recovery). */
  replacement: 'New password',
  /** One the DSL gives out, to be changed from "Your account" (reactivating). */
  temporary: 'Temporary password',
  /** The password of a PDF sent to another school (issue 20), given to them by another channel. */
  file: 'Password for the PDF',
} as const;

export type NewPasswordPurpose = keyof typeof NEW_PASSWORD_WORDS;

const PASSWORDS_DIFFER = 'The passwords do not match';

export function retypedLabel(purpose: NewPasswordPurpose): string {
  const words = NEW_PASSWORD_WORDS[purpose];
  // "Confirm password for the PDF": only the first letter changes case.
  return `Confirm ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}

/** The two boxes' words, keyed by field, in the order they appear (for the error summary). */
export function newPasswordLabels(name: NewPasswordName, purpose: NewPasswordPurpose): Record<string, string> {
  return { [name]: NEW_PASSWORD_WORDS[purpose], retypedPassword: retypedLabel(purpose) };
}

/**
 * A form schema with the new password `name` typed again, which must match. The retyped
 * copy is checked here only and left out of what the form sends.
 */
export function withRetypedPassword<Shape extends z.ZodRawShape>(shape: Shape, name: keyof Shape & NewPasswordName) {
  return z
    .object({ ...shape, retypedPassword: z.string() })
    .refine((form: Record<string, unknown>) => form[name] === form.retypedPassword, { path: ['retypedPassword'], message: PASSWORDS_DIFFER });
}
