// Issue 18 item 5: financially motivated sexual extortion and the current reporting routes,
// as the NCA-CEOP alert of 29 April 2024 (S3), Report Remove (S4) and Take It Down (S5) describe
// them (docs/guidance-2024.md; decision 0021).
import { describe, expect, it } from 'vitest';
import { extortionBody, extortionSummary } from '../../shared/domain/entries/extortion';
import { ENTRY_KIND_DEFINITIONS, entryContent } from '../../shared/domain/entries/kinds';
import { ONLINE_ROUTE_LABELS, onlineReportBody } from '../../shared/domain/entries/online-report';
import { STEP_OF_KIND } from '../../shared/domain/completeness';
import { onlineReportSummary } from '../../shared/domain/phrases';
import { ENTRY_FORM_SPECS } from '../../shared/forms/specs';

const KNOWN_LITTLE = { paidOrSent: 'unknown', imageShared: 'unknown', blockedAndReported: 'unknown' };

describe('the extortion entry', () => {
  it('is recorded under referrals with a label in a DSL’s words', () => {
    expect(ENTRY_KIND_DEFINITIONS.extortion.label).toBe('Sexual extortion: the threat and demand');
    expect(STEP_OF_KIND.extortion).toBe('referrals');
  });

  it('can be recorded when the DSL knows almost nothing yet', () => {
    const body = extortionBody.parse(KNOWN_LITTLE);
    expect(body).toMatchObject({ demands: [], evidenceKept: [], threatOn: '', amount: '' });
    expect(extortionSummary(body)).toBe('Sexual extortion: demand not yet known; not known whether anything was paid or sent.');
  });

  it('asks what else was demanded when the demand is "something else"', () => {
    const result = extortionBody.safeParse({ ...KNOWN_LITTLE, demands: ['other'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['demandDetails', 'Say what else was demanded']]);
    expect(extortionBody.safeParse({ ...KNOWN_LITTLE, demands: ['other'], demandDetails: 'A video call' }).success).toBe(true);
  });

  it('refuses a demand or a kind of evidence it does not know, and a missing answer on what was paid', () => {
    expect(extortionBody.safeParse({ ...KNOWN_LITTLE, demands: ['crypto'] }).success).toBe(false);
    expect(extortionBody.safeParse({ ...KNOWN_LITTLE, evidenceKept: ['the-image'] }).success).toBe(false);
    expect(extortionBody.safeParse({ imageShared: 'unknown', blockedAndReported: 'unknown' }).success).toBe(false);
  });

  it('sums up the demand, the amount and whether anything was paid', () => {
    const body = extortionBody.parse({ ...KNOWN_LITTLE, demands: ['money', 'more-images'], amount: '£100', paidOrSent: 'no' });
    expect(extortionSummary(body)).toBe('Sexual extortion: demanded money, more nudes or semi-nudes (£100); nothing was paid or sent.');
  });

  it('is a kind the entry contract accepts', () => {
    expect(entryContent.safeParse({ kind: 'extortion', body: KNOWN_LITTLE }).success).toBe(true);
  });

  it('tells the DSL the NCA’s advice before anything is asked: do not pay, do not delete, report to the police and CEOP', () => {
    const note = ENTRY_FORM_SPECS.extortion?.[0]?.note ?? '';
    expect(note).toContain('29 April 2024');
    expect(note).toMatch(/do not pay/iu);
    expect(note).toContain('do not delete the conversation');
    expect(note).toContain('report to the police and to the CEOP Safety Centre');
    expect(note).toContain('never the image');
  });
});

describe('the online report’s routes', () => {
  it('adds Take It Down, and names Report Remove and the CEOP Safety Centre as they are known today', () => {
    expect(ONLINE_ROUTE_LABELS['take-it-down']).toBe('Take It Down (NCMEC): for an image of someone under 18, used by the young person on their own device');
    expect(ONLINE_ROUTE_LABELS['childline-iwf']).toBe('Report Remove (Childline and the Internet Watch Foundation)');
    expect(ONLINE_ROUTE_LABELS.ceop).toContain('online blackmail');
  });

  it('still reads reports stored with the old codes', () => {
    for (const route of ['service', 'childline-iwf', 'ceop', 'other']) {
      expect(onlineReportBody.safeParse({ service: 'Fictogram', reportedBy: 'The young person', route }).success).toBe(true);
    }
  });

  it('words a Take It Down report in the chronology', () => {
    const body = onlineReportBody.parse({ service: 'Fictogram', reportedBy: 'the young person', route: 'take-it-down' });
    expect(onlineReportSummary(body)).toBe('Fictogram reported through Take It Down (NCMEC) by the young person.');
  });

  it('warns, just above the routes, that staff never handle the imagery to make a report', () => {
    const section = ENTRY_FORM_SPECS['online-report']?.find((s) => s.fields.some((f) => f.name === 'route'));
    expect(section?.note).toBe('Do not view, download or upload the imagery: the young person uses these tools themselves.');
    const hint = section?.fields.find((f) => f.name === 'route')?.options?.find((o) => o.value === 'childline-iwf')?.hint ?? '';
    expect(hint).toContain('Yoti');
    expect(hint).not.toContain('adults can report to the IWF directly');
  });
});
