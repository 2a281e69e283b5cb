import { describe, expect, it } from 'vitest';
import { closureReadiness, incidentGaps, STEP_IDS, STEP_OF_KIND, STEPS, type CompletenessInput, type Gap, type LatestEntry } from '../../shared/domain/completeness';
import { ENTRY_KINDS } from '../../shared/domain/entries/kinds';
import { initialReviewBody } from '../../shared/domain/entries/initial-review';
import { isPoliceMatter } from '../../shared/domain/incidents';

const at = '2026-11-20T10:00:00.000Z';
const HEAD = 2;

const disclosure: LatestEntry = {
  kind: 'disclosure',
  occurredAt: at,
  signatures: [],
  body: { source: 'friend', sourceName: '', toldTo: 'Form tutor', means: 'in_person', whatWasSaid: 'She is worried he will share it.', immediateActions: '' },
};

function review(decision: 'refer' | 'manage-in-school', referTo: ('police' | 'social-care' | 'mash')[] = [], signedByHead = false): LatestEntry {
  return {
    kind: 'initial-review',
    occurredAt: at,
    signatures: signedByHead ? [{ meaning: 'authorise-no-referral', signerId: HEAD }] : [],
    body: initialReviewBody.parse({
      attendees: 'DSL, head of year',
      considerations: {},
      points: { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' },
      pointNotes: {},
      decision,
      referTo,
      reasons: 'Consensual image between two 15-year-olds.',
    }),
  };
}

const riskAssessment: LatestEntry = {
  kind: 'risk-assessment',
  occurredAt: at,
  signatures: [],
  body: {
    vulnerability: 'None known',
    whyShared: 'Romantic relationship',
    sharedBeyond: 'No',
    sharedOnline: 'No',
    ages: 'Both 15',
    moreThanOne: 'No',
    understanding: 'Yes, after discussion',
    parentConcerns: 'None',
    typology: 'experimental-romantic',
    hackett: '',
    conclusion: '',
  },
};

function parents(personId: number): LatestEntry {
  return { kind: 'parents', occurredAt: at, signatures: [], body: { pupilPersonId: personId, informed: 'yes', whoWasTold: 'Mother', toldBy: 'DSL', means: 'phone', pupilSupported: true, notes: '' } };
}

function deletion(confirmedOn: string): LatestEntry {
  return {
    kind: 'deletion',
    occurredAt: at,
    signatures: [],
    body: { mode: 'pupils-asked', pupils: 'Both pupils', where: 'Phone and cloud', deadline: '2026-11-21', toldOfLaw: true, confirmedOn, confirmedHow: confirmedOn ? 'Shown to the DSL' : '', otherAgencyAgreed: false },
  };
}

function input(entries: LatestEntry[], policeMatter = false): CompletenessInput {
  return {
    incident: { kind: policeMatter ? 'adult-shared' : 'self-shared', policeMatter },
    pupils: [
      { personId: 1, name: 'Amelia Brackenridge' },
      { personId: 2, name: 'Tobias Wrenfield' },
    ],
    entries,
    staffName: (id) => (id === HEAD ? 'Barnaby Hollowell' : 'Marigold Thistlewood'),
  };
}

describe('what the record still lacks', () => {
  it('asks for the disclosure, the initial review and each pupil’s parents on a new incident', () => {
    expect(incidentGaps(input([])).map((g) => g.message)).toEqual([
      'The disclosure has not been recorded: who told whom, when, and what was said.',
      'The initial review meeting and its decision have not been recorded.',
      'Parents or carers of Amelia Brackenridge: not recorded whether they were told, or why not.',
      'Parents or carers of Tobias Wrenfield: not recorded whether they were told, or why not.',
    ]);
  });

  it('needs the headteacher’s sign-off and a risk assessment when the school manages it', () => {
    const messages = incidentGaps(input([disclosure, review('manage-in-school'), parents(1), parents(2)])).map((g) => g.message);
    expect(messages).toEqual([
      'The decision not to refer has not been signed off by the headteacher.',
      'No risk assessment (Annex A) has been recorded for an incident managed in school.',
    ]);
  });

  it('is complete for case study A once signed, assessed, parents told and deletion confirmed', () => {
    const unconfirmed = incidentGaps(input([disclosure, review('manage-in-school', [], true), riskAssessment, parents(1), parents(2), deletion('')]));
    expect(unconfirmed.map((g) => g.message)).toEqual(['Deletion by pupils (deadline 21 Nov 2026) has not been confirmed.']);
    expect(incidentGaps(input([disclosure, review('manage-in-school', [], true), riskAssessment, parents(1), parents(2), deletion('2026-11-21')]))).toEqual([]);
  });

  it('needs the police report and its crime reference when the police are involved', () => {
    const referred = [disclosure, review('refer', ['police']), parents(1), parents(2)];
    expect(incidentGaps(input(referred)).map((g) => g.message)).toEqual(['The report to the police has not been recorded.']);
    const report = (crimeReference: string, noCrimeReferenceReason = ''): LatestEntry => ({
      kind: 'police-report',
      occurredAt: at,
      signatures: [],
      body: { route: '101', toWhom: 'Call handler', crimeReference, noCrimeReference: noCrimeReferenceReason !== '', noCrimeReferenceReason, advice: '', outcome: '' },
    });
    expect(incidentGaps(input([...referred, report('')])).map((g) => g.message)).toEqual([
      'The report to the police has no crime reference number, and no reason is recorded for there being none.',
    ]);
    expect(incidentGaps(input([...referred, report('CR/2026/0042')]))).toEqual([]);
    // The police do not always give one: the DSL records that, with the reason, and the record is complete.
    expect(incidentGaps(input([...referred, report('', 'Advice only from the safer schools officer; no crime recorded.')]))).toEqual([]);
  });

  it('treats an adult-shared incident as a police matter whatever the review said', () => {
    expect(incidentGaps(input([disclosure, review('refer', ['social-care']), parents(1), parents(2)], true)).map((g) => g.message)).toEqual([
      'The report to the police has not been recorded.',
      'The referral to children’s social care or the MASH has not been recorded.',
    ]);
  });

  it('expects a police report for a sexual extortion incident whatever the review said (decision 0021)', () => {
    const sextortion = { ...input([disclosure, review('refer', ['social-care']), parents(1), parents(2)]), incident: { kind: 'sexual-extortion', policeMatter: isPoliceMatter('sexual-extortion') } };
    expect(incidentGaps(sextortion).map((g) => g.message)).toEqual([
      'The report to the police has not been recorded.',
      'The referral to children’s social care or the MASH has not been recorded.',
    ]);
  });

  it('allows closing only with nothing missing and a DSL-signed closure', () => {
    const complete = [disclosure, review('manage-in-school', [], true), riskAssessment, parents(1), parents(2)];
    expect(closureReadiness(input(complete))).toEqual({ ready: false, gaps: [], closureSigned: false });
    const closure: LatestEntry = { kind: 'closure', occurredAt: at, signatures: [{ meaning: 'approve-closure', signerId: 1 }], body: { outcome: 'Handled in school', lessons: '' } };
    expect(closureReadiness(input([...complete, closure])).ready).toBe(true);
  });
});

const heldDevice: LatestEntry = {
  kind: 'device',
  occurredAt: at,
  signatures: [],
  body: {
    description: 'Blue test phone in a striped case',
    owner: 'Tobias Wrenfield',
    confiscatedBy: 'Form tutor',
    switchedOff: 'yes',
    storedWhere: 'The DSL’s locked cabinet',
    outcome: 'held',
    handedToOfficer: '',
    handedOverOn: '',
    notes: '',
  },
};

const staffSearch: LatestEntry = {
  kind: 'deletion',
  occurredAt: at,
  signatures: [],
  body: { mode: 'staff-search', authorisedBy: 'Barnaby Hollowell', searchedBy: 'Marigold Thistlewood', devices: 'One phone', found: 'One image', action: 'deleted', why: 'Not needed as evidence', otherAgencyAgreed: false },
};

const unfinishedAction: LatestEntry = {
  kind: 'action',
  occurredAt: at,
  signatures: [],
  body: { type: 'follow-up', description: 'Check in with Amelia after the half-term break', dueOn: '2026-12-01', completedOn: '' },
};

function kindsOf(gaps: Gap[]): [string, string][] {
  return gaps.map((g) => [g.kind, g.message]);
}

describe('what kind of gap each one is', () => {
  it('calls what was never recorded missing', () => {
    const police = [disclosure, review('refer', ['police', 'social-care'])];
    expect(kindsOf(incidentGaps(input(police)))).toEqual([
      ['missing', 'The report to the police has not been recorded.'],
      ['missing', 'The referral to children’s social care or the MASH has not been recorded.'],
      ['missing', 'Parents or carers of Amelia Brackenridge: not recorded whether they were told, or why not.'],
      ['missing', 'Parents or carers of Tobias Wrenfield: not recorded whether they were told, or why not.'],
    ]);
    expect(kindsOf(incidentGaps(input([])).slice(0, 2))).toEqual([
      ['missing', 'The disclosure has not been recorded: who told whom, when, and what was said.'],
      ['missing', 'The initial review meeting and its decision have not been recorded.'],
    ]);
    expect(kindsOf(incidentGaps(input([disclosure, review('manage-in-school', [], true), parents(1), parents(2)])))).toEqual([
      ['missing', 'No risk assessment (Annex A) has been recorded for an incident managed in school.'],
    ]);
  });

  it('calls a police report without its crime reference missing, not a task', () => {
    const report: LatestEntry = {
      kind: 'police-report',
      occurredAt: at,
      signatures: [],
      body: { route: '101', toWhom: 'Call handler', crimeReference: '', noCrimeReference: false, noCrimeReferenceReason: '', advice: '', outcome: '' },
    };
    expect(incidentGaps(input([disclosure, review('refer', ['police']), parents(1), parents(2), report])).map((g) => g.kind)).toEqual(['missing']);
  });

  it('calls a recorded entry without its signature awaiting a signature, the head’s sign-off of a decision not to refer included', () => {
    const base = [disclosure, riskAssessment, parents(1), parents(2)];
    expect(kindsOf(incidentGaps(input([...base, review('manage-in-school'), staffSearch])))).toEqual([
      ['awaiting-signature', 'The decision not to refer has not been signed off by the headteacher.'],
      ['awaiting-signature', 'Searching and deletion on 20 Nov 2026: awaiting the signature of the headteacher.'],
    ]);
  });

  it('calls a device still held, a deletion unconfirmed and an action not done open tasks', () => {
    const base = [disclosure, review('manage-in-school', [], true), riskAssessment, parents(1), parents(2)];
    expect(incidentGaps(input([...base, heldDevice, deletion(''), unfinishedAction])).map((g) => [g.step, g.kind])).toEqual([
      ['imagery', 'open-task'],
      ['imagery', 'open-task'],
      ['actions', 'open-task'],
    ]);
  });
});

describe('reviewing the decision while the incident stays open (section 2: “the decision should be reviewed throughout the process”)', () => {
  const complete = [disclosure, review('manage-in-school', [], true), riskAssessment, parents(1), parents(2)];
  const decisionReview = (occurredAt: string, nextReviewBy: string): LatestEntry => ({
    kind: 'decision-review',
    occurredAt,
    signatures: [],
    body: { decisionStands: 'stands', reasons: 'Both pupils seen again; nothing new.', nextReviewBy },
  });

  it('shows an open task once the review date has passed, and none on the day itself', () => {
    const entries = [...complete, decisionReview(at, '2026-11-27')];
    expect(incidentGaps({ ...input(entries), today: '2026-11-27' })).toEqual([]);
    expect(incidentGaps({ ...input(entries), today: '2026-11-28' })).toEqual([
      { step: 'initial-review', kind: 'open-task', message: 'The decision was due to be reviewed by 27 Nov 2026: record the review.' },
    ]);
  });

  it('is moved on by a later review, and ended by one that plans no further review', () => {
    const first = decisionReview('2026-11-20T10:00:00.000Z', '2026-11-27');
    expect(incidentGaps({ ...input([...complete, first, decisionReview('2026-11-28T09:00:00.000Z', '2026-12-11')]), today: '2026-11-30' })).toEqual([]);
    expect(incidentGaps({ ...input([...complete, first, decisionReview('2026-11-28T09:00:00.000Z', '')]), today: '2026-12-30' })).toEqual([]);
  });

  it('is chased from the date the initial review set, until a review of the decision records another', () => {
    const reviewed = review('manage-in-school', [], true);
    if (reviewed.kind !== 'initial-review') throw new Error('review() makes an initial review');
    const withDate: LatestEntry = { ...reviewed, body: { ...reviewed.body, nextReviewBy: '2026-11-25' } };
    const base = [disclosure, withDate, riskAssessment, parents(1), parents(2)];
    expect(incidentGaps({ ...input(base), today: '2026-11-26' })).toEqual([
      { step: 'initial-review', kind: 'open-task', message: 'The decision was due to be reviewed by 25 Nov 2026: record the review.' },
    ]);
    expect(incidentGaps({ ...input([...base, decisionReview('2026-11-26T09:00:00.000Z', '2026-12-10')]), today: '2026-11-26' })).toEqual([]);
  });

  it('checks no date when it is not told today’s', () => {
    expect(incidentGaps(input([...complete, decisionReview(at, '2026-11-21')]))).toEqual([]);
  });
});

describe('the steps of the incident page', () => {
  it('puts every kind of entry under a step that exists, and lists each kind once', () => {
    for (const kind of ENTRY_KINDS) expect(STEP_IDS).toContain(STEP_OF_KIND[kind]);
    const offered = STEPS.flatMap((step) => step.kinds);
    expect([...offered].sort()).toEqual([...ENTRY_KINDS].sort());
  });

  it('offers each step’s kinds in the guidance’s order', () => {
    expect(STEPS.map((step) => [step.id, step.kinds])).toEqual([
      ['disclosure', ['disclosure']],
      ['initial-review', ['initial-review', 'escalation', 'decision-review']],
      ['risk-assessment', ['risk-assessment']],
      ['referrals', ['police-report', 'social-care', 'extortion']],
      ['parents', ['parents']],
      ['imagery', ['imagery-item', 'viewing-log', 'deletion', 'device', 'online-report']],
      ['conversations', ['conversation', 'staff-welfare']],
      ['actions', ['action']],
      ['closure', ['closure']],
    ]);
  });
});
