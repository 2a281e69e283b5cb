import { describe, expect, it } from 'vitest';
import { SCENARIO_ID_PATTERN } from '../../shared/domain/practice-session';
import type { ReferralOutcome, Trigger } from '../../shared/domain/referral';
import { suggestTypology, type TypologyCategory } from '../../shared/domain/typology';
import { findScenario, SCENARIO_IDS, SCENARIOS, scenarioAssessment, scenarioTypology } from '../../shared/practice/scenarios';

/**
 * What each case's facts imply under section 2's five points and aggravating factor, worked
 * by hand from the advice's text (UKCCIS 2016, section 2 case studies A and B; Annex F,
 * Resource Sheet 2), written here rather than read from the scenario data so that a wrong fact
 * in the data fails. The typology column follows the trainer's grouping in Annex F
 * ("The 15 case studies … match the six typology categories as follows"), and A and B, which
 * it does not group, by Resource Sheet 1's definitions.
 */
const EXPECTED: Record<string, { outcome: ReferralOutcome; triggers: Trigger[]; typology: TypologyCategory }> = {
  'case-study-a': { outcome: 'school-may-manage', triggers: [], typology: 'experimental-romantic' },
  'case-study-b': { outcome: 'school-may-manage', triggers: [], typology: 'experimental-other' },
  'case-study-1': { outcome: 'in-doubt-refer', triggers: [], typology: 'experimental-attention-seeking' },
  'case-study-2': { outcome: 'school-may-manage', triggers: [], typology: 'experimental-romantic' },
  'case-study-3': { outcome: 'should-refer', triggers: [], typology: 'aggravated-intent-to-harm' },
  'case-study-4': { outcome: 'refer-now', triggers: ['adult-involved', 'coercion-or-grooming'], typology: 'aggravated-adult' },
  'case-study-5': { outcome: 'should-refer', triggers: [], typology: 'aggravated-intent-to-harm' },
  'case-study-6': { outcome: 'refer-now', triggers: ['coercion-or-grooming'], typology: 'aggravated-intent-to-harm' },
  'case-study-7': { outcome: 'refer-now', triggers: ['adult-involved'], typology: 'aggravated-adult' },
  'case-study-8': { outcome: 'refer-now', triggers: ['unusual-or-violent', 'under-13-sexual-acts', 'immediate-risk'], typology: 'aggravated-intent-to-harm' },
  'case-study-9': { outcome: 'school-may-manage', triggers: [], typology: 'aggravated-reckless-misuse' },
  'case-study-10': { outcome: 'school-may-manage', triggers: [], typology: 'aggravated-reckless-misuse' },
  'case-study-11': { outcome: 'refer-now', triggers: ['under-13-sexual-acts'], typology: 'experimental-romantic' },
  'case-study-12': { outcome: 'school-may-manage', triggers: [], typology: 'experimental-romantic' },
  'case-study-13': { outcome: 'refer-now', triggers: ['adult-involved'], typology: 'experimental-attention-seeking' },
  'case-study-14': { outcome: 'school-may-manage', triggers: [], typology: 'experimental-attention-seeking' },
  'case-study-15': { outcome: 'school-may-manage', triggers: [], typology: 'experimental-other' },
};

describe('practice scenarios through the real referral rules', () => {
  it('ships section 2’s A and B and all fifteen of Annex F, once each, in the advice’s order', () => {
    expect(SCENARIO_IDS).toEqual(['a', 'b', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'].map((n) => `case-study-${n}`));
  });

  it.each(SCENARIOS.map((s) => [s.name, s.id] as const))('%s: the facts as given lead to the outcome they imply', (_name, id) => {
    const scenario = findScenario(id);
    const expected = EXPECTED[id];
    if (!scenario || !expected) throw new Error(`No scenario or expectation for ${id}`);
    const assessment = scenarioAssessment(scenario);
    expect(assessment.outcome).toBe(expected.outcome);
    expect(assessment.triggers).toEqual(expected.triggers);
    expect(scenarioTypology(scenario).category).toBe(expected.typology);
  });

  it('case study 6: blackmail alone is point 2, so refer now, and the boy’s sharing is malicious', () => {
    const six = findScenario('case-study-6');
    if (!six) throw new Error('case study 6 is missing');
    const assessment = scenarioAssessment(six);
    expect(assessment).toMatchObject({ outcome: 'refer-now', triggers: ['coercion-or-grooming'], aggravating: ['malicious-sharing'] });
  });

  it('case studies 2 and 15: adults who only found it and told the school do not make point 1 met', () => {
    for (const id of ['case-study-2', 'case-study-15']) {
      const scenario = findScenario(id);
      if (!scenario) throw new Error(`case study ${id} is missing`);
      expect(scenario.people.some((p) => p.kind === 'adult')).toBe(true);
      expect(scenarioAssessment(scenario).triggers).not.toContain('adult-involved');
    }
  });

  it('case study 13: the 18-year-old who received the pictures meets point 1 by his age, though the typology sees no adult offender', () => {
    const thirteen = findScenario('case-study-13');
    if (!thirteen) throw new Error('case study 13 is missing');
    expect(scenarioAssessment({ ...thirteen, answers: { ...thirteen.answers, adultInvolved: 'no' } }).triggers).toEqual(['adult-involved']);
  });

  it('every scenario’s id is a stored code of the form the IPC contract accepts', () => {
    for (const id of SCENARIO_IDS) expect(id).toMatch(SCENARIO_ID_PATTERN);
  });

  it('every scenario is retold briefly in the app’s words and cites where it comes from', () => {
    for (const s of SCENARIOS) {
      expect(s.retelling.length).toBeLessThan(450);
      expect(s.citation).toMatch(s.group === 'section-2' ? /^UKCCIS 2016, section 2, case study [AB]/ : new RegExp(`^UKCCIS 2016, Annex F, Resource Sheet 2, case study ${s.id.replace('case-study-', '')} `));
    }
  });
});

describe('the typology of Resource Sheet 1', () => {
  const none = { adultOffender: false, intentToHarm: false, withoutPicturedConsent: false, romantic: false, sentOrPosted: false };
  it('puts any aggravating element before the experimental kinds, an adult first', () => {
    expect(suggestTypology({ ...none, adultOffender: true, intentToHarm: true, romantic: true }).category).toBe('aggravated-adult');
    expect(suggestTypology({ ...none, intentToHarm: true, withoutPicturedConsent: true, romantic: true }).category).toBe('aggravated-intent-to-harm');
    expect(suggestTypology({ ...none, withoutPicturedConsent: true, romantic: true }).category).toBe('aggravated-reckless-misuse');
  });
  it('tells romantic, attention seeking and other apart', () => {
    expect(suggestTypology({ ...none, romantic: true, sentOrPosted: true }).category).toBe('experimental-romantic');
    expect(suggestTypology({ ...none, sentOrPosted: true }).category).toBe('experimental-attention-seeking');
    expect(suggestTypology(none).category).toBe('experimental-other');
  });
});
