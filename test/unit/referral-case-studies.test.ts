import { describe, expect, it } from 'vitest';
import { assessImmediateReferral, type Answer, type InitialReviewInput, type PersonForReview } from '../../shared/domain/referral';

/*
 * The guidance's case studies (UKCCIS 2016: section 2, case studies A and B; Annex F, Resource
 * Sheet 2, cases 1-15) as the initial review sees them: the people from each case's facts and
 * the answers a DSL would give from those facts, decided as the guidance implies. Ages given
 * in a case are used as `age` (people from other settings are often known only by age); the
 * parent, grandparent, friend or officer whose only part is telling the school is `onlyReported`.
 */

const IMAGERY_DATE = '2026-11-20';
type Answers = InitialReviewInput['answers'];
const allNo: Answers = { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no', maliciousSharing: 'no' };

const child = (age: number, inImagery: boolean): PersonForReview => ({ age, inImagery });
const reporter = (extra: Partial<PersonForReview> = { isAdult: true }): PersonForReview => ({ ...extra, inImagery: false, onlyReported: true });
/** A group of recipients ("over 200 students"): not pictured, ages not needed. */
const recipients: PersonForReview = { inImagery: false };

function decide(people: PersonForReview[], answers: Partial<Record<keyof Answers, Answer>> = {}) {
  return assessImmediateReferral({ imageryDate: IMAGERY_DATE, people, answers: { ...allNo, ...answers } });
}

describe('section 2 case studies', () => {
  it('A: two 15-year-olds in a relationship, one topless photo, friends told a tutor: the school may manage it', () => {
    const people = [child(15, true), child(15, false), reporter({ age: 15 })];
    expect(decide(people).outcome).toBe('school-may-manage');
  });

  it('B: a boy of 11 dared by two others to photograph his bottom, no sexual acts: the school may manage it under local under-13 procedures', () => {
    const people = [child(11, true), child(11, false), child(11, false)];
    expect(decide(people).outcome).toBe('school-may-manage');
    // Had sexual acts not been ruled out, a pictured 11-year-old leaves point 4 open.
    expect(decide(people, { sexualActs: 'unknown' }).unknown).toEqual(['under-13-sexual-acts']);
  });
});

describe('Annex F, Resource Sheet 2', () => {
  it('2: a girl of 11 sends a covered topless photo to her 12-year-old boyfriend; his mother found it, her parents told the school: the parents do not make point 1 met', () => {
    const people = [child(11, true), child(12, false), reporter(), reporter(), reporter()];
    expect(decide(people)).toEqual({ outcome: 'school-may-manage', triggers: [], unknown: [], aggravating: [] });
  });

  it('3: a 14-year-old forwards his ex-girlfriend’s (13) topless photo to friends after the break-up, over 200 pupils receive it, a parent told the school: should refer', () => {
    // Facts: pictured girl 13; boyfriend 14 sent it on when they broke up (malicious sharing);
    // the recipients are a group; the parent only reported it.
    const people = [child(13, true), child(14, false), recipients, reporter()];
    expect(decide(people, { maliciousSharing: 'yes' })).toEqual({ outcome: 'should-refer', triggers: [], unknown: [], aggravating: ['malicious-sharing'] });
    // Without the question answered, the same people would have let the school manage it.
    expect(decide(people, { maliciousSharing: 'no' }).outcome).toBe('school-may-manage');
  });

  it('4: a 14-year-old sends nude pictures to a 37-year-old man she met online; her parents came to the school: refer now on point 1 from his age, not from the parents', () => {
    const girl = child(14, true);
    const man: PersonForReview = { age: 37, inImagery: false };
    const parents = [reporter(), reporter()];
    expect(decide([girl, man, ...parents], { adultInvolved: 'no' }).triggers).toEqual(['adult-involved']);
    // The man is what makes it met: the parents alone do not.
    expect(decide([girl, ...parents], { adultInvolved: 'no' }).triggers).toEqual([]);
    // Grooming is also a DSL's reasonable answer here ("in love with the offender").
    expect(decide([girl, man, ...parents], { coercionOrGrooming: 'yes' }).triggers).toEqual(['adult-involved', 'coercion-or-grooming']);
  });

  it('5: two Year 9 girls (13-14) fall out and each shares the other’s nude photo to get even, one to a girl, one to several boys: should refer', () => {
    const girlA: PersonForReview = { age: 14, inImagery: true };
    const girlB: PersonForReview = { age: 13, inImagery: true };
    const people = [girlA, girlB, child(14, false), recipients];
    expect(decide(people, { maliciousSharing: 'yes' })).toEqual({ outcome: 'should-refer', triggers: [], unknown: [], aggravating: ['malicious-sharing'] });
  });

  it('6: a boy from another school (age not known) blackmails a 16-year-old for more images and sends hers to about 100 people; her parents told the school: refer now on point 2', () => {
    const people = [child(16, true), { inImagery: false }, recipients, reporter(), reporter()];
    const result = decide(people, { coercionOrGrooming: 'yes', maliciousSharing: 'yes' });
    expect(result).toEqual({ outcome: 'refer-now', triggers: ['coercion-or-grooming'], unknown: [], aggravating: ['malicious-sharing'] });
  });

  it('7: a 16-year-old sends sexually explicit photos of herself to numerous men; her parents found the conversations: refer now on point 1 (the men), not on the parents', () => {
    const men: PersonForReview = { isAdult: true, inImagery: false };
    expect(decide([child(16, true), men, reporter(), reporter()]).triggers).toEqual(['adult-involved']);
    expect(decide([child(16, true), reporter(), reporter()]).triggers).toEqual([]);
  });

  it('8: a 13-year-old takes sexual pictures of her sisters aged 5, 6 and 8 and touches them; a classmate told a teacher: refer now on point 4 from the sisters’ ages alone', () => {
    // The sisters attend no school of ours: known only by age, no date of birth.
    const people = [child(13, false), child(5, true), child(6, true), child(8, true), reporter({ age: 13 })];
    const result = decide(people, { sexualActs: 'yes', unusualOrViolent: 'yes' });
    expect(result.outcome).toBe('refer-now');
    expect(result.triggers).toEqual(['unusual-or-violent', 'under-13-sexual-acts']);
    // Even if the DSL answered point 3 no, the ages decide point 4.
    expect(decide(people, { sexualActs: 'yes' }).triggers).toEqual(['under-13-sexual-acts']);
  });

  it('9: at a party a 17-year-old films three 15-year-old boys without their knowing and sends it to six people: a 17-year-old is not an adult; reckless, not malicious', () => {
    // Resource Sheet 1 types this as "reckless misuse": no intent to harm, so the DSL answers no;
    // if the intent is not yet known, if in doubt, refer.
    const people = [child(15, true), child(15, true), child(15, true), child(17, false), recipients];
    expect(decide(people).outcome).toBe('school-may-manage');
    expect(decide(people, { maliciousSharing: 'unknown' }).outcome).toBe('in-doubt-refer');
  });

  it('10: a classmate sends a bullied 16-year-old’s picture on to four girls without permission: intent not known, so if in doubt, refer', () => {
    const people = [child(16, true), child(16, false), recipients];
    expect(decide(people, { maliciousSharing: 'unknown' })).toEqual({ outcome: 'in-doubt-refer', triggers: [], unknown: [], aggravating: [] });
  });

  it('11: a 14-year-old boy and a 12-year-old girl exchange pictures showing masturbation; her mother told the head: refer now on point 4', () => {
    const people = [child(14, true), child(12, true), reporter()];
    expect(decide(people, { sexualActs: 'yes' }).triggers).toEqual(['under-13-sexual-acts']);
  });

  it('12: a 16-year-old receives a video of his 17-year-old boyfriend masturbating; his parents came to the school: no point is met by the parents or the ages', () => {
    const people = [child(16, false), child(17, true), reporter(), reporter()];
    expect(decide(people, { sexualActs: 'yes' }).outcome).toBe('school-may-manage');
  });

  it('13: a 15-year-old sends unsolicited naked pictures to three boys, one of them 18; she and a friend told a teacher: refer now on point 1 (the 18-year-old received it)', () => {
    const people = [child(15, true), child(15, false), child(16, false), { age: 18, inImagery: false }, reporter({ age: 15 })];
    expect(decide(people).triggers).toEqual(['adult-involved']);
  });

  it('14: a 17-year-old posts nude pictures of herself; the site reports to NCA-CEOP, the local police come to the school: the officer who told the school is no "adult involved"', () => {
    const officer = reporter();
    expect(decide([child(17, true), officer])).toEqual({ outcome: 'school-may-manage', triggers: [], unknown: [], aggravating: [] });
  });

  it('15: an 11-year-old photographs her own breasts and sends them to no one; her grandparents brought the phone in: the grandparents do not make point 1 met', () => {
    const people = [child(11, true), reporter(), reporter()];
    expect(decide(people).outcome).toBe('school-may-manage');
    // She is under 13: with sexual acts not ruled out, point 4 is open.
    expect(decide(people, { sexualActs: 'unknown' }).outcome).toBe('in-doubt-refer');
  });
});
