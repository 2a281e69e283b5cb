import { describe, expect, it } from 'vitest';
import { pupilInput } from '../../shared/domain/pupils';
import { isTemporaryUpn, normaliseUpn, upnCheckLetter, upnProblem } from '../../shared/domain/pupils/upn';

// Worked examples. The school census's error 1510 (Arbor's help,
// https://support.arbor-education.com/hc/en-us/articles/360010161153) works B207000016049 through:
// 2×2 + 4×7 + 9×1 + 10×6 + 12×4 + 13×9, which is 266 (the page says 267) = 11×23 + 13, and 13 is
// P in A–Z without I, O and S (the page's own table) — the page's "Q" follows its slip, so the
// letter here is computed, not copied. python-stdnum's gb.upn documents B801200005001 as valid
// (https://arthurdejong.org/python-stdnum/doc/1.19/stdnum.gb.upn).
describe('the UPN check letter (DfE data standard, modulo 23)', () => {
  it('corrects the census guidance’s wrong UPN B207000016049 to P', () => {
    expect(upnCheckLetter('207000016049')).toBe('P');
    expect(upnProblem('P207000016049')).toBeNull();
    expect(upnProblem('B207000016049')).toMatch(/check letter.*wrong.*P/);
  });

  it('accepts the published valid UPN B801200005001', () => {
    // 8×2 + 0×3 + 1×4 + 2×5 + 0×6 … + 5×10 + 0×11 + 0×12 + 1×13 = 16 + 4 + 10 + 50 + 13 = 93 = 4×23 + 1 → B
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(upnProblem('A801200005001')).toMatch(/wrong/);
  });

  it('counts a temporary UPN’s final letter as its place in the alphabet (A = 0, skipping I, O, S)', () => {
    // 8×2 + 1×4 + 2×5 + 5×10 = 80, plus the final letter × 13: with 'C' (2) 106 = 4×23 + 14 → Q.
    expect(upnCheckLetter('80120000500C')).toBe('Q');
    expect(upnProblem('Q80120000500C')).toBeNull();
    expect(isTemporaryUpn('Q80120000500C')).toBe(true);
    expect(isTemporaryUpn('B801200005001')).toBe(false);
  });

  it('refuses the wrong length, letters among the digits, and I, O or S as the final letter', () => {
    expect(upnProblem('B80120000500')).toMatch(/13 characters; this has 12/);
    expect(upnProblem('X80120000A001')).toMatch(/a letter, 11 digits/);
    expect(upnProblem('A80120000500O')).toMatch(/a letter, 11 digits/);
  });

  it('takes a UPN typed with spaces or in lower case as the same number', () => {
    expect(normaliseUpn(' q207 0000 16049 ')).toBe('Q207000016049');
  });
});

describe('the pupil form’s UPN', () => {
  const pupil = { firstName: 'Tansy', lastName: 'Wobblestone', dateOfBirth: '2012-03-04', sex: 'female', yearGroup: '9', sen: false, lookedAfter: false, socialCare: 'none' };

  it('is optional', () => {
    expect(pupilInput.parse(pupil).upn).toBe('');
  });

  it('is refused with the reason when its check letter is wrong', () => {
    const result = pupilInput.safeParse({ ...pupil, upn: 'B207000016049' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['upn']);
  });
});
