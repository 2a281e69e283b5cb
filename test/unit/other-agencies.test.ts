// Issue 18 item 4: deletion and the other agencies (UKCCIS 2016, section 2, "Deletion of
// images": deletion is considered "if the school has decided that other agencies do not need
// to be involved").
import { describe, expect, it } from 'vitest';
import type { LatestEntry } from '../../shared/domain/completeness';
import { policeReportBody } from '../../shared/domain/entries/police-report';
import { socialCareBody } from '../../shared/domain/entries/social-care';
import { policeInvolvement } from '../../shared/domain/police-involvement';
import { agenciesInWords, deletionAgreementRefusal, otherAgenciesInvolved } from '../../shared/domain/other-agencies';

const at = '2026-11-20T10:00:00.000Z';
const schoolAlone = { kind: 'self-shared', policeMatter: false };

const report: LatestEntry = { kind: 'police-report', occurredAt: at, signatures: [], body: policeReportBody.parse({ route: '101', toWhom: 'PC Fictional Quillon', crimeReference: 'FIC/1' }) };

function socialCare(referralMade: 'yes' | 'no', alreadyInvolved: 'yes' | 'no' | 'unknown'): LatestEntry {
  const body = socialCareBody.parse({ alreadyInvolved, referralMade, ...(referralMade === 'yes' ? { target: 'mash', contact: 'Duty desk (fictional)' } : {}) });
  return { kind: 'social-care', occurredAt: at, signatures: [], body };
}

describe('which other agencies are involved', () => {
  it('is none for an incident the school manages alone', () => {
    expect(otherAgenciesInvolved({ incident: schoolAlone, entries: [] })).toEqual([]);
  });

  it('is the police from the outset when an adult is involved, before any report is recorded', () => {
    expect(otherAgenciesInvolved({ incident: { kind: 'adult-shared', policeMatter: true }, entries: [] })).toEqual(['police']);
  });

  it('is the police once a report to them is recorded', () => {
    expect(otherAgenciesInvolved({ incident: schoolAlone, entries: [report] })).toEqual(['police']);
  });

  it('is children’s social care after a referral, or when they were already involved, but not after a contact that found neither', () => {
    expect(otherAgenciesInvolved({ incident: schoolAlone, entries: [socialCare('yes', 'no')] })).toEqual(['childrens-social-care']);
    expect(otherAgenciesInvolved({ incident: schoolAlone, entries: [socialCare('no', 'yes')] })).toEqual(['childrens-social-care']);
    expect(otherAgenciesInvolved({ incident: schoolAlone, entries: [socialCare('no', 'unknown')] })).toEqual([]);
  });

  it('is the police from the outset when the police told the school (Annex F case 14), in words that say so', () => {
    const incident = { kind: 'possessed', policeMatter: false, source: 'police' as const, sourceReference: 'FIC/2026/0042' };
    expect(otherAgenciesInvolved({ incident, entries: [] })).toEqual(['police']);
    expect(policeInvolvement({ incident, entries: [] })).toEqual({ involved: true, words: 'Yes, from the outset: the police told the school (their reference FIC/2026/0042).' });
  });

  it('is children’s social care when they told the school', () => {
    expect(otherAgenciesInvolved({ incident: { ...schoolAlone, source: 'childrens-social-care' }, entries: [] })).toEqual(['childrens-social-care']);
  });

  it('names both, in words a DSL uses', () => {
    expect(agenciesInWords(otherAgenciesInvolved({ incident: schoolAlone, entries: [report, socialCare('yes', 'no')] }))).toBe('The police and children’s social care');
  });
});

describe('recording a deletion', () => {
  it('needs no acknowledgment when no other agency is involved', () => {
    expect(deletionAgreementRefusal([], false)).toBeUndefined();
  });

  it('is refused without the acknowledgment when the police or social care are involved', () => {
    expect(deletionAgreementRefusal(['police'], false)).toBe('The police are involved: confirm they have agreed to the deletion, or know of it, before recording it');
    expect(deletionAgreementRefusal(['police', 'childrens-social-care'], false)).toMatch(/^The police and children’s social care are involved/);
  });

  it('is allowed with it', () => {
    expect(deletionAgreementRefusal(['childrens-social-care'], true)).toBeUndefined();
  });
});
