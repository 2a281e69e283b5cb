import { describe, expect, it } from 'vitest';
import type { OtherPersonKind, PersonRole } from '../../shared/domain/incidents';
import { assessImmediateReferral } from '../../shared/domain/referral';
import { imageryOfEntries, peopleForReview, reviewInput, type PersonFacts } from '../../shared/domain/review-people';

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

  describe('images and videos recorded on the incident', () => {
    const withId = (id: number, person: PersonFacts): PersonFacts => ({ ...person, id });
    const answers = { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'yes', immediateRisk: 'no' } as const;

    it('someone an image names as pictured is in the imagery, whatever their roles on the incident say', () => {
      // Annex F case 5: each girl holds the other's photo and is pictured in her own.
      const ella = withId(1, pupil('2011-03-14', ['holds']));
      const fay = withId(2, pupil('2011-06-02', ['holds']));
      expect(peopleForReview([ella, fay], known, [{ pictured: [1], madeOn: '' }])).toEqual([
        { dateOfBirth: '2011-03-14', inImagery: true },
        { dateOfBirth: '2011-06-02', inImagery: false },
      ]);
    });

    it('a parent who reported it but is pictured in an image is not "only reported"', () => {
      const parent = withId(3, other('adult', 40, ['reported']));
      expect(peopleForReview([parent], known, [{ pictured: [3], madeOn: '' }])).toEqual([{ age: 40, isAdult: true, inImagery: true }]);
    });

    it('an image made before a child turned 13 counts for point 4, though the incident’s date is not known and they are 13 now', () => {
      const dev = withId(4, pupil('2013-10-01', ['made', 'sent']));
      const imagery = [
        { pictured: [4], madeOn: '2026-11-10' },
        { pictured: [4], madeOn: '2026-09-05' }, // before his 13th birthday
      ];
      expect(peopleForReview([dev], notKnown, imagery)).toEqual([{ age: 12, inImagery: true }]);
      const decided = assessImmediateReferral(reviewInput(notKnown, [dev], answers, imagery));
      expect(decided.outcome).toBe('refer-now');
      expect(decided.triggers).toEqual(['under-13-sexual-acts']);
    });

    it('without a date on any image of them, ages are decided as before', () => {
      const dev = withId(4, pupil('2013-10-01', ['pictured']));
      expect(peopleForReview([dev], notKnown, [{ pictured: [4], madeOn: '' }])).toEqual([{ inImagery: true }]);
    });

    it('imageryOfEntries reads who is pictured and when from image entries only', () => {
      const entries = [
        { kind: 'imagery-item', body: { about: [1, 2], form: 'photo', nature: 'real', madeOn: '2026-10-01', madeOnNote: '', description: 'A photo in a bedroom mirror', sharedHow: '' } },
        { kind: 'disclosure', body: { about: [3] } },
        { kind: 'imagery-item', body: { form: 'live-stream', nature: 'not-known', madeOn: '', madeOnNote: '', description: 'A live stream, not seen by staff', sharedHow: '' } },
      ];
      expect(imageryOfEntries(entries)).toEqual([
        { pictured: [1, 2], madeOn: '2026-10-01' },
        { pictured: [], madeOn: '' },
      ]);
    });
  });
});
