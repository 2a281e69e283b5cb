import { z } from 'zod';

/**
 * A transfer package's passphrase (issue 20): typed by the sending DSL, told to the receiving
 * DSL another way (by phone, never in the email with the file). It is all that stands between
 * a lost file and a child's record, and anyone holding the file can guess offline, so it is
 * long: at least five words or twenty characters. Never stored, never audited.
 */
const PASSPHRASE_MIN_WORDS = 5;
const PASSPHRASE_MIN_CHARACTERS = 20;
export const PASSPHRASE_RULE = `At least ${PASSPHRASE_MIN_WORDS} words or ${PASSPHRASE_MIN_CHARACTERS} characters`;

/** Why a passphrase is too short to protect a child's file, or null when it is long enough. */
export function passphraseProblem(passphrase: string): string | null {
  const trimmed = passphrase.trim();
  const words = trimmed.split(/\s+/u).filter(Boolean).length;
  if (words >= PASSPHRASE_MIN_WORDS || [...trimmed].length >= PASSPHRASE_MIN_CHARACTERS) return null;
  return `Use a longer passphrase: ${PASSPHRASE_RULE.toLowerCase()}, for example five unrelated words`;
}

export const newPassphrase = z
  .string()
  .max(1000, 'Use a passphrase of at most 1000 characters')
  .superRefine((value, ctx) => {
    const problem = passphraseProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
