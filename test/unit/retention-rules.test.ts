// The review date of a record under each retention rule (decision 0029), a keep decision
// overriding it, and whether it is due; legal holds reaching a record through its pupils or
// incidents, and the words destruction refuses with.
import { describe, expect, it } from 'vitest';
import { destructionBlockedBy, isHeld, type LegalHold } from '../../shared/domain/legal-holds';
import {
  addYears,
  DEFAULT_RETENTION_RULE,
  incidentReviewDate,
  isDueForReview,
  isDueWithin,
  parseRetentionRule,
  pupilReviewDate,
  type IncidentRetentionFacts,
} from '../../shared/domain/retention';

const INCIDENT: IncidentRetentionFacts = { recordedOn: '2026-11-23', closedOn: '2027-02-01', pupilDatesOfBirth: ['2011-03-04', '2012-07-29'], latestKeep: null };
const KEEP = { nextReviewOn: '2040-01-31', decidedAt: '2030-01-31T10:00:00Z', decidedBy: 'Fictional DSL', reason: 'Civil claim expected' };

describe('review dates', () => {
  it('by default reviews an incident 75 years after it was recorded', () => {
    expect(incidentReviewDate(DEFAULT_RETENTION_RULE, INCIDENT)).toEqual({ reviewOn: '2101-11-23', why: '75 years after the incident was recorded (recorded 23 Nov 2026)' });
  });

  it('counts from closure, and an open incident has no review date yet', () => {
    const rule = { kind: 'closed-plus', years: 6 } as const;
    expect(incidentReviewDate(rule, INCIDENT).reviewOn).toBe('2033-02-01');
    expect(incidentReviewDate(rule, { ...INCIDENT, closedOn: null })).toEqual({ reviewOn: null, why: 'Still open: reviewed once it is closed' });
  });

  it("counts from the youngest pupil's date of birth, or from recording when no pupil is on it", () => {
    const rule = { kind: 'dob-plus', years: 25 } as const;
    expect(incidentReviewDate(rule, INCIDENT).reviewOn).toBe('2037-07-29');
    expect(incidentReviewDate(rule, { ...INCIDENT, pupilDatesOfBirth: [] }).reviewOn).toBe('2051-11-23');
  });

  it("lets the DSL's latest keep decision override the rule, saying who kept it and why", () => {
    const review = incidentReviewDate(DEFAULT_RETENTION_RULE, { ...INCIDENT, latestKeep: KEEP });
    expect(review.reviewOn).toBe('2040-01-31');
    expect(review.why).toBe('Kept on 31 Jan 2030 by Fictional DSL: Civil claim expected');
  });

  it('reviews a pupil with incidents with them, and one without from their birth or from when they were added', () => {
    const pupil = { dateOfBirth: '2012-02-29', addedOn: '2026-11-23', incidentCount: 0, latestKeep: null };
    expect(pupilReviewDate({ kind: 'dob-plus', years: 25 }, pupil).reviewOn).toBe('2037-02-28');
    expect(pupilReviewDate(DEFAULT_RETENTION_RULE, pupil).reviewOn).toBe('2101-11-23');
    expect(pupilReviewDate(DEFAULT_RETENTION_RULE, { ...pupil, incidentCount: 1 }).reviewOn).toBeNull();
    expect(pupilReviewDate(DEFAULT_RETENTION_RULE, { ...pupil, latestKeep: KEEP }).reviewOn).toBe('2040-01-31');
  });

  it('is due on and after its review date, and within the months the page asks about', () => {
    expect(isDueForReview('2026-11-23', '2026-11-22')).toBe(false);
    expect(isDueForReview('2026-11-23', '2026-11-23')).toBe(true);
    expect(isDueForReview(null, '2999-01-01')).toBe(false);
    expect(isDueWithin('2027-05-23', '2026-11-23', 6)).toBe(true);
    expect(isDueWithin('2027-05-24', '2026-11-23', 6)).toBe(false);
  });

  it('adds years to 29 February as 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('falls back to the default for a stored rule it cannot read', () => {
    expect(parseRetentionRule('{"kind":"dob-plus","years":30}')).toEqual({ kind: 'dob-plus', years: 30 });
    expect(parseRetentionRule('{"kind":"forever"}')).toEqual(DEFAULT_RETENTION_RULE);
    expect(parseRetentionRule('not json')).toEqual(DEFAULT_RETENTION_RULE);
  });
});

function hold(fields: Partial<LegalHold>): LegalHold {
  return { id: 1, incidentId: null, pupilId: null, reasonKind: 'police-investigation', reason: 'Fictional operation', placedAt: '2026-11-03T10:00:00Z', placedBy: 'Fictional DSL', releasedAt: null, releasedBy: null, releaseReason: '', ...fields };
}

describe('legal holds', () => {
  const incident = { kind: 'incident', id: 7, pupilIds: [3, 4] } as const;
  const pupil = { kind: 'pupil', id: 3, incidentIds: [7, 8] } as const;

  it('holds an incident through its own hold or a hold on any pupil on it', () => {
    expect(isHeld(incident, [hold({ incidentId: 7 })])).toBe(true);
    expect(isHeld(incident, [hold({ pupilId: 4 })])).toBe(true);
    expect(isHeld(incident, [hold({ pupilId: 5 }), hold({ incidentId: 8 })])).toBe(false);
  });

  it('holds a pupil through their own hold or a hold on any of their incidents', () => {
    expect(isHeld(pupil, [hold({ pupilId: 3 })])).toBe(true);
    expect(isHeld(pupil, [hold({ incidentId: 8 })])).toBe(true);
    expect(isHeld(pupil, [hold({ pupilId: 4 })])).toBe(false);
  });

  it('no longer holds once the hold is released', () => {
    expect(isHeld(incident, [hold({ incidentId: 7, releasedAt: '2026-11-20T10:00:00Z', releasedBy: 'Fictional DSL', releaseReason: 'Case closed' })])).toBe(false);
  });

  it('refuses destruction in words naming the earliest active hold', () => {
    expect(destructionBlockedBy([])).toBeNull();
    expect(destructionBlockedBy([hold({ incidentId: 7 })])).toBe('This incident is on legal hold (police investigation) since 3 Nov 2026, so it cannot be destroyed: a DSL must first release the hold, with a reason.');
    expect(destructionBlockedBy([hold({ pupilId: 3, reasonKind: 'litigation', placedAt: '2026-11-05T10:00:00Z' }), hold({ incidentId: 7, placedAt: '2026-11-01T10:00:00Z', reasonKind: 'statutory-inquiry' })])).toBe(
      "This incident is on legal hold (a statutory inquiry's request not to destroy records) since 1 Nov 2026 (and 1 more), so it cannot be destroyed: a DSL must first release the hold, with a reason.",
    );
    expect(destructionBlockedBy([hold({ pupilId: 3, releasedAt: '2026-11-20T10:00:00Z' })])).toBeNull();
  });
});
