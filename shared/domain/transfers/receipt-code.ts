/**
 * A receipt code (issue 20): what the receiving school's app shows once it has opened a
 * transfer package, for its DSL to send back; entered at the sending school it marks the
 * transfer received. Sixteen characters of Crockford's base32 (80 bits, no I, L, O or U, so
 * nothing read aloud or copied by hand is ambiguous), written in four groups of four.
 * See https://www.crockford.com/base32.html for the alphabet and its decoding of look-alikes.
 */
export const RECEIPT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_CODE_LENGTH = 16;

/** "7KQ2M9XD4HTB0RWE" → "7KQ2-M9XD-4HTB-0RWE": how the code is shown and printed. */
export function formatReceiptCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * What the person typed, as the code's sixteen characters, or null when it cannot be one.
 * Case, spaces and dashes do not matter, and the letters Crockford's base32 leaves out are read
 * as the digits they look like (O → 0, I and L → 1).
 */
export function normaliseReceiptCode(typed: string): string | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== RECEIPT_CODE_LENGTH) return null;
  for (const c of plain) if (!RECEIPT_CODE_ALPHABET.includes(c)) return null;
  return plain;
}
