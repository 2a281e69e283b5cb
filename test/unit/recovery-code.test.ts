// The recovery code is typed back from paper, perhaps years later: it must carry enough
// randomness, survive the usual misreadings, and be checked for shape before any key work.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newRecoveryCode } from '../../electron/core/vault/keyslots';
import {
  formatRecoveryCode,
  groupRecoveryCode,
  isWellFormedRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_ALPHABET,
  RECOVERY_SYMBOLS,
} from '../../shared/domain/recovery-code';

const symbol = fc.constantFrom(...RECOVERY_ALPHABET);
const code = fc.array(symbol, { minLength: RECOVERY_SYMBOLS, maxLength: RECOVERY_SYMBOLS }).map((s) => s.join(''));

describe('a new recovery code', () => {
  it('carries at least 128 bits: 28 symbols of a 32-letter alphabet', () => {
    expect(RECOVERY_ALPHABET).toHaveLength(32);
    expect(new Set(RECOVERY_ALPHABET).size).toBe(32);
    expect(RECOVERY_SYMBOLS * Math.log2(RECOVERY_ALPHABET.length)).toBeGreaterThanOrEqual(128);
  });

  it('is well formed, uses only the alphabet, and is different every time', () => {
    const codes = Array.from({ length: 200 }, () => newRecoveryCode());
    for (const c of codes) {
      expect(c).toHaveLength(RECOVERY_SYMBOLS);
      expect([...c].every((ch) => RECOVERY_ALPHABET.includes(ch))).toBe(true);
      expect(isWellFormedRecoveryCode(c)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses every symbol of the alphabet across many codes (no symbol is unreachable)', () => {
    const seen = new Set(Array.from({ length: 100 }, () => newRecoveryCode()).join(''));
    expect([...seen].sort().join('')).toBe([...RECOVERY_ALPHABET].sort().join(''));
  });

  it('leaves out the letters that are easily misread (I, L, O, U)', () => {
    expect(RECOVERY_ALPHABET).not.toMatch(/[ILOU]/);
  });
});

describe('typing a code back', () => {
  it('is printed as 7 groups of 4, separated by hyphens', () => {
    expect(formatRecoveryCode('0123456789ABCDEFGHJKMNPQRSTV')).toBe('0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV');
    expect(groupRecoveryCode('0123456789ABCDEFGHJKMNPQRSTV')).toHaveLength(7);
  });

  it('accepts lower case, spaces, hyphens and the look-alikes O→0 and I/L→1', () => {
    expect(normaliseRecoveryCode(' 0l2i-o5ab ')).toBe('01210 5AB'.replace(' ', ''));
    expect(normaliseRecoveryCode('abcd efgh\tjkmn')).toBe('ABCDEFGHJKMN');
    expect(isWellFormedRecoveryCode('olil-4567-89ab-cdef-ghjk-mnpq-rstv')).toBe(true);
  });

  it('refuses codes of the wrong length or with letters outside the alphabet', () => {
    expect(isWellFormedRecoveryCode('')).toBe(false);
    expect(isWellFormedRecoveryCode('0123-4567-89AB-CDEF-GHJK-MNPQ-RST')).toBe(false);
    expect(isWellFormedRecoveryCode('0123-4567-89AB-CDEF-GHJK-MNPQ-RSTVW')).toBe(false);
    expect(isWellFormedRecoveryCode('0123-4567-89AB-CDEF-GHJK-MNPQ-RSTU')).toBe(false);
    expect(isWellFormedRecoveryCode('0123-4567-89AB-CDEF-GHJK-MNPQ-RST!')).toBe(false);
  });

  it('normalises any printed code, however it is cased or grouped, back to itself', () => {
    fc.assert(
      fc.property(code, fc.boolean(), fc.constantFrom('-', ' ', '  ', ''), (c, lower, separator) => {
        const printed = groupRecoveryCode(c).join(separator);
        const typed = lower ? printed.toLowerCase() : printed;
        expect(normaliseRecoveryCode(typed)).toBe(c);
        expect(isWellFormedRecoveryCode(typed)).toBe(true);
        expect(normaliseRecoveryCode(formatRecoveryCode(c))).toBe(c);
      }),
    );
  });
});
