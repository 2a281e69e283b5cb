// Recovery codes use Crockford's base32 alphabet (no I, L, O, U) so that a code copied by
// hand from paper survives the usual misreadings.
export const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_GROUPS = 7;
const RECOVERY_GROUP_LENGTH = 4;
/** 28 symbols of 5 bits each: 140 bits, above the 128 the design requires. */
export const RECOVERY_SYMBOLS = RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH;

/** Upper-cases, drops separators and maps the look-alike letters to their digits. */
export function normaliseRecoveryCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

export function isWellFormedRecoveryCode(input: string): boolean {
  const code = normaliseRecoveryCode(input);
  return code.length === RECOVERY_SYMBOLS && [...code].every((c) => RECOVERY_ALPHABET.includes(c));
}

export function groupRecoveryCode(input: string): string[] {
  const code = normaliseRecoveryCode(input);
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += RECOVERY_GROUP_LENGTH) {
    groups.push(code.slice(i, i + RECOVERY_GROUP_LENGTH));
  }
  return groups;
}

export function formatRecoveryCode(input: string): string {
  return groupRecoveryCode(input).join('-');
}
