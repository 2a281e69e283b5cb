import type { OtherPersonKind, PersonRole } from '../../domain/incidents';
import type { InitialReviewInput } from '../../domain/referral';
import type { TypologyFacts } from '../../domain/typology';

/** Someone in a scenario, as a DSL would add them to the incident. */
type ScenarioPerson = {
  /** A description, never a name: "Girl, 16 (the young person pictured)". */
  label: string;
  kind: Extract<OtherPersonKind, 'young_person' | 'adult'>;
  /** Age in years when the imagery was made, as the case study gives it; null when it does not say. */
  age: number | null;
  yearGroup?: string;
  roles: readonly PersonRole[];
};

/** What the case study says of each of the five points and the aggravating factor. */
export type ScenarioAnswers = Required<InitialReviewInput['answers']>;

export type Scenario = {
  /** 'case-study-a', 'case-study-b' (section 2) or 'case-study-1' to 'case-study-15' (Annex F, Resource Sheet 2): stored, and the address's last part. */
  id: string;
  /** "Case study 6", as the advice numbers it. */
  name: string;
  group: 'section-2' | 'annex-f';
  /** Where it comes from, e.g. "UKCCIS 2016, Annex F, Resource Sheet 2, case study 6". */
  citation: string;
  /** The app's own short retelling: not the advice's text. */
  retelling: string;
  people: ScenarioPerson[];
  /** What the imagery is, as far as the case study says. */
  imagery: string;
  /** Agencies already involved, as the case study says ('' when none). */
  otherAgencies: string;
  answers: ScenarioAnswers;
  /** Why each answer is what the facts imply, where it is not plain. */
  answerNotes: Partial<Record<keyof ScenarioAnswers, string>>;
  typology: TypologyFacts;
};
