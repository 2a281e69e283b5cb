import { assessImmediateReferral, type ReferralAssessment } from '../../domain/referral';
import { reviewInput, type PersonFacts } from '../../domain/review-people';
import { suggestTypology, type TypologySuggestion } from '../../domain/typology';
import { ANNEX_F_AGGRAVATED } from './annex-f-aggravated';
import { ANNEX_F_EXPERIMENTAL } from './annex-f-experimental';
import { SECTION_2_SCENARIOS } from './section-2';
import type { Scenario } from './types';

export type { Scenario, ScenarioAnswers } from './types';

const caseNumber = (s: Scenario) => Number(s.id.replace('case-study-', ''));
const byNumber = (a: Scenario, b: Scenario) => caseNumber(a) - caseNumber(b);

/** Every practice scenario: section 2's A and B, then Annex F's fifteen in the advice's order. */
export const SCENARIOS: readonly Scenario[] = [...SECTION_2_SCENARIOS, ...[...ANNEX_F_AGGRAVATED, ...ANNEX_F_EXPERIMENTAL].sort(byNumber)];

export const SCENARIO_IDS = SCENARIOS.map((s) => s.id);

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/**
 * The ages the case studies give are ages when the imagery was made; one made-up date stands
 * for that day, so the rules take each age as given (review-people.ts drops an age of 13 or
 * over when the imagery's date is not known).
 */
const IMAGERY_DAY = { imageryDate: '2026-01-15', cameToAttentionOn: '2026-01-15' };

/** The scenario's people as the five points read an incident's people. */
function scenarioPeople(scenario: Scenario): PersonFacts[] {
  return scenario.people.map((p) => ({ roles: p.roles, pupil: null, other: { kind: p.kind, age: p.age, dateOfBirth: '' } }));
}

/** What the referral rules make of the scenario's facts, through the same functions as a real review. */
export function scenarioAssessment(scenario: Scenario): ReferralAssessment {
  return assessImmediateReferral(reviewInput(IMAGERY_DAY, scenarioPeople(scenario), scenario.answers));
}

export function scenarioTypology(scenario: Scenario): TypologySuggestion {
  return suggestTypology(scenario.typology);
}
