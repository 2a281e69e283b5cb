// Sentences built from parts read as written English: the exact words each function gives.
import { describe, expect, it } from 'vitest';
import { ENTRY_KIND_DEFINITIONS } from '../../shared/domain/entries/kinds';
import { policeReportBody } from '../../shared/domain/entries/police-report';
import {
  actionSummary,
  asSentence,
  awaitingSignatureLine,
  decisionInWords,
  disclosureSummary,
  firstLineOf,
  listInWords,
  onlineReportSummary,
  overdueLine,
  policeReportSummary,
  referralTargets,
  signatoryInWords,
} from '../../shared/domain/phrases';
import { TRIGGER_TEXT } from '../../shared/domain/referral-text';

describe('phrases', () => {
  it('lists in words', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['the police'])).toBe('the police');
    expect(listInWords(['the police', 'the MASH'])).toBe('the police and the MASH');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('ends a sentence once', () => {
    expect(asSentence('Send the report.')).toBe('Send the report.');
    expect(asSentence('Is she safe?')).toBe('Is she safe?');
    expect(asSentence('Send the report ')).toBe('Send the report.');
  });

  it('names whom an incident is referred to in lower case, with articles', () => {
    expect(referralTargets(['police', 'social-care', 'mash'])).toBe('the police, children’s social care and the Multi-Agency Safeguarding Hub (MASH)');
    expect(decisionInWords('refer', ['police', 'mash'])).toBe('Refer to the police and the Multi-Agency Safeguarding Hub (MASH)');
    expect(decisionInWords('manage-in-school', [])).toBe('Manage the incident in school, without referring');
    expect(ENTRY_KIND_DEFINITIONS['initial-review'].summary({ decision: 'refer', referTo: ['police', 'social-care'] } as never)).toBe(
      'Decision: refer to the police and children’s social care.',
    );
    expect(ENTRY_KIND_DEFINITIONS.escalation.summary({ referTo: ['social-care'], reasons: 'x' })).toBe('Escalated to children’s social care.');
  });

  it('says whose signature is awaited', () => {
    const names = (id: number) => (id === 7 ? 'Barnaby Hollowell' : undefined);
    expect(awaitingSignatureLine(signatoryInWords({ role: 'head' }, names), 'authorise-no-referral')).toBe(
      'Awaiting the signature of the headteacher: “I authorise the decision not to refer”',
    );
    expect(signatoryInWords({ role: 'dsl' }, names)).toBe('a DSL');
    expect(signatoryInWords({ staffId: 7 }, names)).toBe('Barnaby Hollowell');
  });

  it('words a report to the police, with or without a crime reference', () => {
    const base = { route: 'safer-schools-officer', toWhom: 'PC Rowan Ashby (collar 4471)', advice: '', outcome: '' } as const;
    expect(policeReportSummary(policeReportBody.parse({ ...base, crimeReference: 'CR/2026/0042' }))).toBe(
      'Reported to PC Rowan Ashby (collar 4471) through the safer schools officer. Crime reference: CR/2026/0042.',
    );
    expect(policeReportSummary(policeReportBody.parse({ ...base, crimeReference: '' }))).toBe(
      'Reported to PC Rowan Ashby (collar 4471) through the safer schools officer. Crime reference not yet recorded.',
    );
    expect(policeReportSummary(policeReportBody.parse({ ...base, route: '101', noCrimeReference: true, noCrimeReferenceReason: 'Advice only; no crime recorded' }))).toBe(
      'Reported to PC Rowan Ashby (collar 4471) through a call to 101. No crime reference was given: Advice only; no crime recorded.',
    );
  });

  it('refuses a crime reference and "none was given" together, and "none" without a reason', () => {
    const base = { route: '101', toWhom: 'Call handler', advice: '', outcome: '' } as const;
    expect(policeReportBody.safeParse({ ...base, crimeReference: 'CR/1', noCrimeReference: true, noCrimeReferenceReason: 'x' }).success).toBe(false);
    const noReason = policeReportBody.safeParse({ ...base, crimeReference: '', noCrimeReference: true });
    expect(noReason.success).toBe(false);
    expect(noReason.error?.issues[0]?.path).toEqual(['noCrimeReferenceReason']);
  });

  it('words an online report', () => {
    expect(onlineReportSummary({ service: 'Snapchat', route: 'service', reportedBy: 'the young person', outcome: '' })).toBe(
      'Snapchat reported through the service’s own reporting tool by the young person.',
    );
  });

  it('words a disclosure without the form’s explanations', () => {
    expect(
      disclosureSummary({ source: 'staff', sourceName: '', toldTo: 'the DSL', means: 'in_person', whatWasSaid: 'x', immediateActions: '' }),
    ).toBe('A member of staff told the DSL in person.');
    expect(disclosureSummary({ source: 'parent', sourceName: 'Jo Brackenbury', toldTo: 'the form tutor', means: 'phone', whatWasSaid: 'x', immediateActions: '' })).toBe(
      'A parent or carer (Jo Brackenbury) told the form tutor by phone.',
    );
  });

  it('says what an action is, not only its kind and date', () => {
    const body = { type: 'follow-up', description: 'Ring the MASH back about the referral.\nAsk for the social worker.', dueOn: '2026-12-04', completedOn: '' } as const;
    expect(actionSummary(body)).toBe('Follow-up: Ring the MASH back about the referral. Due 4 Dec 2026.');
    expect(actionSummary({ ...body, completedOn: '2026-12-03' })).toBe('Follow-up: Ring the MASH back about the referral. Done 3 Dec 2026.');
    expect(actionSummary({ ...body, dueOn: '' })).toBe('Follow-up: Ring the MASH back about the referral.');
  });

  it('cuts a long first line at a word', () => {
    const long = 'Arrange a meeting with the parents of both pupils and the head of year to talk through the online safety plan together';
    expect(firstLineOf(long, 40)).toBe('Arrange a meeting with the parents of…');
  });

  it('words an overdue item without a stray full stop', () => {
    expect(overdueLine('Send the written report.', '2026-12-04')).toBe('Send the written report — due 4 Dec 2026');
  });

  it('states point 2 as a sentence', () => {
    expect(TRIGGER_TEXT['coercion-or-grooming'].met).toBe(
      'There is reason to believe a young person has been coerced, blackmailed or groomed, or there are concerns about their capacity to consent.',
    );
  });
});
