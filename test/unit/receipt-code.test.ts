import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { receiptCheckOf, receiptCodeFor } from '../../electron/core/transfers/receipt';
import { formatReceiptCode, normaliseReceiptCode } from '../../shared/domain/transfers/receipt-code';

describe('receipt codes', () => {
  it('are sixteen unambiguous characters, the same for the same package and different for another', () => {
    const secret = randomBytes(32);
    const code = receiptCodeFor(secret, 'package-1');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(receiptCodeFor(secret, 'package-1')).toBe(code);
    expect(receiptCodeFor(secret, 'package-2')).not.toBe(code);
    expect(receiptCodeFor(randomBytes(32), 'package-1')).not.toBe(code);
  });

  it('read back however the receiving DSL typed them: case, spaces, dashes and look-alike letters', () => {
    const code = receiptCodeFor(randomBytes(32), 'package-1');
    const shown = formatReceiptCode(code);
    expect(shown).toMatch(/^.{4}-.{4}-.{4}-.{4}$/);
    expect(normaliseReceiptCode(shown.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseReceiptCode('7kq2-m9xd-4htb-orwe')).toBe('7KQ2M9XD4HTB0RWE');
    expect(normaliseReceiptCode('7KQ2-M9XD-4HTB-IRWL')).toBe('7KQ2M9XD4HTB1RW1');
  });

  it('refuse what cannot be a code: too short, too long, or a letter base32 leaves out', () => {
    expect(normaliseReceiptCode('7KQ2-M9XD-4HTB')).toBeNull();
    expect(normaliseReceiptCode('7KQ2-M9XD-4HTB-0RWE-1')).toBeNull();
    expect(normaliseReceiptCode('7KQ2-M9XD-4HTB-0RWU')).toBeNull();
  });

  it('are kept at the sending school only as a hash that the right code matches', () => {
    const code = receiptCodeFor(randomBytes(32), 'package-1');
    expect(receiptCheckOf(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(receiptCheckOf(code)).not.toContain(code);
    expect(receiptCheckOf(normaliseReceiptCode(formatReceiptCode(code).toLowerCase())!)).toBe(receiptCheckOf(code));
  });
});
