import { describe, expect, it } from 'vitest';
import type { Answer } from '../../shared/domain/referral';
import { practiceFeedback } from '../../shared/practice/feedback';
import { findScenario } from '../../shared/practice/scenarios';

const NO = { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' } as const;

function reviewed(points: Record<keyof typeof NO, Answer>, maliciousSharing: Answer, decision: 'refer' | 'manage-in-school') {
  return {
    kind: 'initial-review',
    latest: true,
    body: { attendees: 'DSL', considerations: {}, points, maliciousSharing, pointNotes: {}, decision, referTo: decision === 'refer' ? ['police'] : [], reasons: 'Practice' },
  };
}

const sixteenYearOldPictured = { roles: ['pictured'] as const, pupil: null, other: { kind: 'young_person' as const, age: 16, dateOfBirth: '' } };
const six = findScenario('case-study-6');
if (!six) throw new Error('case study 6 is missing');

describe('feedback on a practice review', () => {
  it('is not given before an initial review is recorded', () => {
    expect(practiceFeedback(six, { incident: { imageryDate: '', cameToAttentionOn: '2026-11-23' }, people: [], entries: [] })).toBeNull();
  });

  it('case study 6 answered "no" to blackmail: says so beside point 2, and the rules on the answers as entered', () => {
    const feedback = practiceFeedback(six, {
      incident: { imageryDate: '2026-11-01', cameToAttentionOn: '2026-11-23' },
      people: [sixteenYearOldPictured],
      entries: [reviewed(NO, 'yes', 'refer')],
    });
    expect(feedback?.entered).toMatchObject({ outcome: 'should-refer', triggers: [] });
    expect(feedback?.facts).toMatchObject({ outcome: 'refer-now', triggers: ['coercion-or-grooming'] });
    expect(feedback?.differences.map((d) => [d.label, d.yours, d.facts])).toEqual([['Point 2', 'no', 'yes']]);
    expect(feedback?.differences[0]?.why).toMatch(/blackmail/);
    expect(feedback?.decision.differs).toBe(false);
    expect(feedback?.typology.name).toBe('Aggravated: youth only, intent to harm');
    expect(feedback?.typology.citation).toMatch(/Annex F, Resource Sheet 1/);
  });

  it('a decision to manage in school where the facts imply a referral is pointed out', () => {
    const feedback = practiceFeedback(six, {
      incident: { imageryDate: '', cameToAttentionOn: '2026-11-23' },
      people: [],
      entries: [reviewed({ ...NO, coercionOrGrooming: 'yes' }, 'yes', 'manage-in-school')],
    });
    expect(feedback?.differences).toEqual([]);
    expect(feedback?.decision).toEqual({ yours: 'Manage the incident in school, without referring', differs: true });
  });
});
