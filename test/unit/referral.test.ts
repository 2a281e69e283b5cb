import { describe, expect, it } from 'vitest';
import { assessImmediateReferral, type Answer, type InitialReviewInput, type PersonForReview } from '../../shared/domain/referral';

const allNo = { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' } as const;
const fifteen: PersonForReview = { dateOfBirth: '2011-01-10', inImagery: true };

function review(overrides: Partial<InitialReviewInput['answers']> = {}, people: PersonForReview[] = [fifteen], imageryDate = '2026-11-20'): InitialReviewInput {
  return { imageryDate, people, answers: { ...allNo, ...overrides } };
}

describe('assessImmediateReferral: the five points', () => {
  it('lets the school manage case study A: two 15-year-olds, one consensual image, all points ruled out', () => {
    const result = assessImmediateReferral(review({}, [fifteen, { dateOfBirth: '2011-05-02', inImagery: false }]));
    expect(result).toEqual({ outcome: 'school-may-manage', triggers: [], unknown: [], aggravating: [] });
  });

  it.each([
    ['adultInvolved', 'adult-involved'],
    ['coercionOrGrooming', 'coercion-or-grooming'],
    ['unusualOrViolent', 'unusual-or-violent'],
    ['immediateRisk', 'immediate-risk'],
  ] as const)('refers now when %s is yes', (answer, trigger) => {
    const result = assessImmediateReferral(review({ [answer]: 'yes' }));
    expect(result.outcome).toBe('refer-now');
    expect(result.triggers).toEqual([trigger]);
  });

  it.each([
    ['adultInvolved', 'adult-involved'],
    ['coercionOrGrooming', 'coercion-or-grooming'],
    ['unusualOrViolent', 'unusual-or-violent'],
    ['immediateRisk', 'immediate-risk'],
  ] as const)('says "if in doubt, refer" when %s is not known', (answer, trigger) => {
    const result = assessImmediateReferral(review({ [answer]: 'unknown' }));
    expect(result).toEqual({ outcome: 'in-doubt-refer', triggers: [], unknown: [trigger], aggravating: [] });
  });

  it('lists every point met, in the guidance order, and keeps unknown points separate', () => {
    const result = assessImmediateReferral(review({ immediateRisk: 'yes', coercionOrGrooming: 'yes', unusualOrViolent: 'unknown' }));
    expect(result).toEqual({ outcome: 'refer-now', triggers: ['coercion-or-grooming', 'immediate-risk'], unknown: ['unusual-or-violent'], aggravating: [] });
  });
});

describe('point 1: an adult is involved', () => {
  it('is met by anyone 18 or over by date of birth, whatever was answered', () => {
    const adult = { dateOfBirth: '1990-02-02', inImagery: false };
    expect(assessImmediateReferral(review({ adultInvolved: 'no' }, [fifteen, adult])).triggers).toEqual(['adult-involved']);
  });

  it('is met by someone known to be an adult without a date of birth', () => {
    expect(assessImmediateReferral(review({}, [fifteen, { isAdult: true, inImagery: false }])).triggers).toEqual(['adult-involved']);
  });

  it('turns 18 on the birthday itself, not the day before', () => {
    const born = { dateOfBirth: '2008-11-20', inImagery: true };
    expect(assessImmediateReferral(review({}, [born], '2026-11-19')).triggers).toEqual([]);
    expect(assessImmediateReferral(review({}, [born], '2026-11-20')).triggers).toEqual(['adult-involved']);
  });

  it('counts an adult who is not pictured', () => {
    expect(assessImmediateReferral(review({}, [fifteen, { dateOfBirth: '1980-01-01', inImagery: false }])).outcome).toBe('refer-now');
  });
});

describe('point 4: sexual acts and anyone pictured under 13', () => {
  const twelve = (inImagery: boolean): PersonForReview => ({ dateOfBirth: '2014-06-01', inImagery });

  it('is met when sexual acts are involved and someone pictured is under 13', () => {
    expect(assessImmediateReferral(review({ sexualActs: 'yes' }, [twelve(true), fifteen])).triggers).toEqual(['under-13-sexual-acts']);
  });

  it('is not met when the only under-13 is not pictured', () => {
    expect(assessImmediateReferral(review({ sexualActs: 'yes' }, [twelve(false), fifteen]))).toEqual({
      outcome: 'school-may-manage',
      triggers: [],
      unknown: [],
      aggravating: [],
    });
  });

  it('is not met when no sexual acts are involved, even with a pictured under-13', () => {
    expect(assessImmediateReferral(review({ sexualActs: 'no' }, [twelve(true)])).outcome).toBe('school-may-manage');
  });

  it('turns 13 on the birthday: the day before counts as under 13, the day itself does not', () => {
    const born = { dateOfBirth: '2013-11-20', inImagery: true };
    expect(assessImmediateReferral(review({ sexualActs: 'yes' }, [born], '2026-11-19')).triggers).toEqual(['under-13-sexual-acts']);
    expect(assessImmediateReferral(review({ sexualActs: 'yes' }, [born], '2026-11-20')).triggers).toEqual([]);
  });

  it('handles a 29 February birthday in a non-leap year', () => {
    const leapling = { dateOfBirth: '2012-02-29', inImagery: true };
    expect(assessImmediateReferral(review({ sexualActs: 'yes' }, [leapling], '2025-02-28')).triggers).toEqual(['under-13-sexual-acts']);
    expect(assessImmediateReferral(review({ sexualActs: 'yes' }, [leapling], '2025-03-01')).triggers).toEqual([]);
  });

  it('stays open when sexual acts are involved and a pictured person’s date of birth is not known', () => {
    const result = assessImmediateReferral(review({ sexualActs: 'yes' }, [fifteen, { inImagery: true }]));
    expect(result).toEqual({ outcome: 'in-doubt-refer', triggers: [], unknown: ['under-13-sexual-acts'], aggravating: [] });
  });

  it('stays open when it is not known whether sexual acts are involved and someone pictured is under 13', () => {
    expect(assessImmediateReferral(review({ sexualActs: 'unknown' }, [twelve(true)])).unknown).toEqual(['under-13-sexual-acts']);
  });

  it('is ruled out when acts are not known but everyone pictured is known to be 13 or over', () => {
    expect(assessImmediateReferral(review({ sexualActs: 'unknown' }, [fifteen])).outcome).toBe('school-may-manage');
  });

  it('stays open when sexual acts are involved but no one pictured has been identified', () => {
    expect(assessImmediateReferral(review({ sexualActs: 'yes' }, [{ dateOfBirth: '2011-01-10', inImagery: false }])).unknown).toEqual([
      'under-13-sexual-acts',
    ]);
  });

  it('does not treat a pictured adult as under 13', () => {
    const result = assessImmediateReferral(review({ sexualActs: 'yes' }, [{ isAdult: true, inImagery: true }]));
    expect(result.triggers).toEqual(['adult-involved']);
    expect(result.unknown).toEqual([]);
  });
});

describe('unknown dates of birth', () => {
  it('do not make anyone an adult', () => {
    const answers: Answer = 'no';
    expect(assessImmediateReferral(review({ adultInvolved: answers }, [{ inImagery: false }])).triggers).toEqual([]);
  });
});
