import { describe, expect, it } from 'vitest';
import { assessImmediateReferral, type InitialReviewInput, type PersonForReview } from '../../shared/domain/referral';

// Issue 18 item 1's rules, against the exact interface: age and onlyReported on a person,
// malicious sharing as section 2's aggravating factor, an empty imagery date meaning not known.

const allNo = { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' } as const;
const fifteen: PersonForReview = { dateOfBirth: '2011-01-10', inImagery: true };

function review(overrides: Partial<InitialReviewInput['answers']> = {}, people: PersonForReview[] = [fifteen], imageryDate = '2026-11-20'): InitialReviewInput {
  return { imageryDate, people, answers: { ...allNo, ...overrides } };
}

describe('point 1: who makes it met', () => {
  it('is met by an adult by date of birth at the imagery’s date, by age, or known to be an adult', () => {
    for (const adult of [{ dateOfBirth: '1989-04-01', inImagery: false }, { age: 37, inImagery: false }, { isAdult: true, inImagery: false }]) {
      expect(assessImmediateReferral(review({}, [fifteen, adult])).triggers).toEqual(['adult-involved']);
    }
  });

  it('is met by an age of exactly 18 and not by 17', () => {
    expect(assessImmediateReferral(review({}, [fifteen, { age: 18, inImagery: false }])).triggers).toEqual(['adult-involved']);
    expect(assessImmediateReferral(review({}, [fifteen, { age: 17, inImagery: false }])).triggers).toEqual([]);
  });

  it('is not met by an adult who only reported it: it follows the answer', () => {
    const parent: PersonForReview = { isAdult: true, inImagery: false, onlyReported: true };
    expect(assessImmediateReferral(review({ adultInvolved: 'no' }, [fifteen, parent])).outcome).toBe('school-may-manage');
    expect(assessImmediateReferral(review({ adultInvolved: 'unknown' }, [fifteen, parent])).unknown).toEqual(['adult-involved']);
    expect(assessImmediateReferral(review({ adultInvolved: 'yes' }, [fifteen, parent])).triggers).toEqual(['adult-involved']);
  });

  it('an adult by date of birth or age who only reported it does not count either', () => {
    const byBirth: PersonForReview = { dateOfBirth: '1970-01-01', inImagery: false, onlyReported: true };
    const byAge: PersonForReview = { age: 52, inImagery: false, onlyReported: true };
    expect(assessImmediateReferral(review({}, [fifteen, byBirth, byAge])).outcome).toBe('school-may-manage');
  });

  it('a reporting parent and another adult involved: the other adult still makes it met', () => {
    const parent: PersonForReview = { isAdult: true, inImagery: false, onlyReported: true };
    expect(assessImmediateReferral(review({}, [fifteen, parent, { age: 24, inImagery: false }])).triggers).toEqual(['adult-involved']);
  });
});

describe('point 4 from an age without a date of birth', () => {
  it('is met by a pictured child aged 12 with sexual acts, and ruled out at 13', () => {
    expect(assessImmediateReferral(review({ sexualActs: 'yes' }, [{ age: 12, inImagery: true }])).triggers).toEqual(['under-13-sexual-acts']);
    expect(assessImmediateReferral(review({ sexualActs: 'yes' }, [{ age: 13, inImagery: true }])).outcome).toBe('school-may-manage');
  });

  it('prefers the date of birth to an age when both are given and the imagery’s date is known', () => {
    // Born 2011: 15 on the imagery's date, whatever stale age was typed.
    expect(assessImmediateReferral(review({ sexualActs: 'yes' }, [{ dateOfBirth: '2011-01-10', age: 12, inImagery: true }])).outcome).toBe('school-may-manage');
  });

  it('with sexual acts not known and a pictured child aged 12: not ruled out', () => {
    expect(assessImmediateReferral(review({ sexualActs: 'unknown' }, [{ age: 12, inImagery: true }])).unknown).toEqual(['under-13-sexual-acts']);
  });
});

describe('the imagery’s date not known (imageryDate empty)', () => {
  it('a date of birth alone gives no age: a pictured pupil leaves point 4 open rather than being taken as 13 or over', () => {
    const result = assessImmediateReferral(review({ sexualActs: 'yes' }, [{ dateOfBirth: '2013-10-01', inImagery: true }], ''));
    expect(result).toEqual({ outcome: 'in-doubt-refer', triggers: [], unknown: ['under-13-sexual-acts'], aggravating: [] });
  });

  it('an age passed for what is certain (under 13 when the school found out) decides point 4', () => {
    expect(assessImmediateReferral(review({ sexualActs: 'yes' }, [{ dateOfBirth: '2014-06-01', age: 12, inImagery: true }], '')).triggers).toEqual(['under-13-sexual-acts']);
  });

  it('a date of birth alone does not make anyone an adult: point 1 follows the answer', () => {
    expect(assessImmediateReferral(review({}, [fifteen, { dateOfBirth: '1980-01-01', inImagery: false }], '')).triggers).toEqual([]);
    expect(assessImmediateReferral(review({}, [fifteen, { isAdult: true, inImagery: false }], '')).triggers).toEqual(['adult-involved']);
  });
});

describe('malicious sharing and the order of outcomes', () => {
  it('absent means no: the answers of callers that do not ask it are unchanged', () => {
    expect(assessImmediateReferral(review())).toEqual({ outcome: 'school-may-manage', triggers: [], unknown: [], aggravating: [] });
    expect(assessImmediateReferral(review({ maliciousSharing: 'no' }))).toEqual(assessImmediateReferral(review()));
  });

  it('yes, with every point ruled out: should refer, with the aggravating factor', () => {
    expect(assessImmediateReferral(review({ maliciousSharing: 'yes' }))).toEqual({ outcome: 'should-refer', triggers: [], unknown: [], aggravating: ['malicious-sharing'] });
  });

  it('not known, with every point ruled out: if in doubt, refer, with no aggravating factor listed', () => {
    expect(assessImmediateReferral(review({ maliciousSharing: 'unknown' }))).toEqual({ outcome: 'in-doubt-refer', triggers: [], unknown: [], aggravating: [] });
  });

  it('refer now outranks should refer, and the aggravating factor is still listed', () => {
    expect(assessImmediateReferral(review({ maliciousSharing: 'yes', immediateRisk: 'yes' }))).toEqual({
      outcome: 'refer-now',
      triggers: ['immediate-risk'],
      unknown: [],
      aggravating: ['malicious-sharing'],
    });
  });

  it('should refer outranks if in doubt: a point not ruled out with malicious sharing yes', () => {
    expect(assessImmediateReferral(review({ maliciousSharing: 'yes', coercionOrGrooming: 'unknown' }))).toEqual({
      outcome: 'should-refer',
      triggers: [],
      unknown: ['coercion-or-grooming'],
      aggravating: ['malicious-sharing'],
    });
  });

  it('if in doubt outranks the school may manage: one point not known is enough', () => {
    expect(assessImmediateReferral(review({ unusualOrViolent: 'unknown', maliciousSharing: 'no' })).outcome).toBe('in-doubt-refer');
  });
});
