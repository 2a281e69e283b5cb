import { describe, expect, it } from 'vitest';
import type { OtherPersonKind, PersonRole } from '../../shared/domain/incidents';
import { assessImmediateReferral } from '../../shared/domain/referral';
import { peopleForReview, reviewInput, type PersonFacts } from '../../shared/domain/review-people';

const known = { imageryDate: '2026-11-01', cameToAttentionOn: '2026-11-20' };
const notKnown = { imageryDate: '', cameToAttentionOn: '2026-11-20' };

const pupil = (dateOfBirth: string, roles: PersonRole[] = ['pictured']): PersonFacts => ({ roles, pupil: { dateOfBirth }, other: null });
const other = (kind: OtherPersonKind, age: number | null, roles: PersonRole[], dateOfBirth = ''): PersonFacts => ({ roles, pupil: null, other: { kind, age, dateOfBirth } });

describe('peopleForReview', () => {
  it('passes a date of birth when the imagery’s date is known, and whether they are pictured', () => {
    expect(peopleForReview([pupil('2011-03-14'), pupil('2010-09-01', ['received'])], known)).toEqual([
      { dateOfBirth: '2011-03-14', inImagery: true },
      { dateOfBirth: '2010-09-01', inImagery: false },
    ]);
  });

  it('passes the age of someone known only by age', () => {
    expect(peopleForReview([other('young_person', 12, ['pictured'])], known)).toEqual([{ age: 12, inImagery: true }]);
  });

  it('marks an adult whose only part is reporting it, and no one else', () => {
    expect(peopleForReview([other('adult', null, ['reported']), other('adult', 37, ['received', 'reported'])], known)).toEqual([
      { isAdult: true, inImagery: false, onlyReported: true },
      { age: 37, isAdult: true, inImagery: false },
    ]);
  });

  it('the imagery’s date not known: a pictured pupil under 13 when the school found out is passed as that age', () => {
    // 12 on 20 November 2026, so 12 or younger whenever it was made.
    expect(peopleForReview([pupil('2014-05-20')], notKnown)).toEqual([{ age: 12, inImagery: true }]);
  });

  it('the imagery’s date not known: someone known only by an age of 13 or over is given no age; under 13, that age', () => {
    // A young person from another school, 14 when the school found out, may have been 12 when it was made.
    expect(peopleForReview([other('young_person', 14, ['pictured']), other('young_person', 12, ['pictured'])], notKnown)).toEqual([
      { inImagery: true },
      { age: 12, inImagery: true },
    ]);
  });

  it('the imagery’s date not known: a pupil 13 or over when the school found out is given no age, so point 4 stays open', () => {
    expect(peopleForReview([pupil('2013-10-01')], notKnown)).toEqual([{ inImagery: true }]);
    const decided = assessImmediateReferral(
      reviewInput(notKnown, [pupil('2013-10-01')], { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'yes', immediateRisk: 'no' }),
    );
    // The old rule (the date the school found out standing in) would have said 13 and ruled it out.
    expect(decided.outcome).toBe('in-doubt-refer');
    expect(decided.unknown).toEqual(['under-13-sexual-acts']);
  });

  it('reviewInput passes the imagery’s date as it is, empty when not known', () => {
    expect(reviewInput(notKnown, [], { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' }).imageryDate).toBe('');
  });
});
