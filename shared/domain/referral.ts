import { ageOn } from './dates';

export type Answer = 'yes' | 'no' | 'unknown';

export type PersonForReview = {
  dateOfBirth?: string; // ISO yyyy-mm-dd; absent when not known
  isAdult?: boolean; // true when known to be 18 or over though the date of birth is not known
  inImagery: boolean; // pictured in the imagery
};

export type InitialReviewInput = {
  imageryDate: string; // ISO date the imagery was made; the date it came to attention when not known
  people: PersonForReview[];
  answers: {
    adultInvolved: Answer;
    coercionOrGrooming: Answer;
    unusualOrViolent: Answer;
    sexualActs: Answer; // does the imagery, as described, involve sexual acts?
    immediateRisk: Answer;
  };
};

export type Trigger = 'adult-involved' | 'coercion-or-grooming' | 'unusual-or-violent' | 'under-13-sexual-acts' | 'immediate-risk';

export type ReferralAssessment = {
  outcome: 'refer-now' | 'in-doubt-refer' | 'school-may-manage';
  triggers: Trigger[]; // points met
  unknown: Trigger[]; // points not met but not ruled out
};

/** The five points in the guidance's order (section 2, "Initial review meeting"). */
export const TRIGGERS: readonly Trigger[] = ['adult-involved', 'coercion-or-grooming', 'unusual-or-violent', 'under-13-sexual-acts', 'immediate-risk'];

export const ADULT_AGE = 18;
/** Annex B: point 4 applies to anyone pictured who is not yet 13. */
export const UNDER_AGE = 13;

type State = 'met' | 'unknown' | 'ruled-out';

function fromAnswer(answer: Answer): State {
  if (answer === 'yes') return 'met';
  return answer === 'unknown' ? 'unknown' : 'ruled-out';
}

function ageOf(person: PersonForReview, onDate: string): number | null {
  return person.dateOfBirth ? ageOn(person.dateOfBirth, onDate) : null;
}

function isAdult(person: PersonForReview, onDate: string): boolean {
  const age = ageOf(person, onDate);
  return person.isAdult === true || (age !== null && age >= ADULT_AGE);
}

/** Point 1: anyone known to be 18 or over makes it met, whatever was answered. */
function adultInvolved(input: InitialReviewInput): State {
  if (input.people.some((p) => isAdult(p, input.imageryDate))) return 'met';
  return fromAnswer(input.answers.adultInvolved);
}

/**
 * Point 4: sexual acts and someone pictured under 13. Only people in the imagery count;
 * a pictured person whose age is not known leaves it open unless sexual acts are ruled out.
 */
function under13SexualActs(input: InitialReviewInput): State {
  const acts = fromAnswer(input.answers.sexualActs);
  if (acts === 'ruled-out') return 'ruled-out';
  const pictured = input.people.filter((p) => p.inImagery);
  const ages = pictured.map((p) => (isAdult(p, input.imageryDate) ? ADULT_AGE : ageOf(p, input.imageryDate)));
  const someoneUnder13 = ages.some((age) => age !== null && age < UNDER_AGE);
  const ageNotKnown = pictured.length === 0 || ages.some((age) => age === null);
  if (someoneUnder13) return acts === 'met' ? 'met' : 'unknown';
  return ageNotKnown ? 'unknown' : 'ruled-out';
}

/**
 * The five points for immediate referral to police and/or children's social care. Any
 * point met: refer now. Otherwise any point not ruled out: "if in doubt, refer". Only
 * when all five are ruled out may the school consider managing it in school.
 */
export function assessImmediateReferral(input: InitialReviewInput): ReferralAssessment {
  const states: Record<Trigger, State> = {
    'adult-involved': adultInvolved(input),
    'coercion-or-grooming': fromAnswer(input.answers.coercionOrGrooming),
    'unusual-or-violent': fromAnswer(input.answers.unusualOrViolent),
    'under-13-sexual-acts': under13SexualActs(input),
    'immediate-risk': fromAnswer(input.answers.immediateRisk),
  };
  const triggers = TRIGGERS.filter((t) => states[t] === 'met');
  const unknown = TRIGGERS.filter((t) => states[t] === 'unknown');
  const outcome = triggers.length > 0 ? 'refer-now' : unknown.length > 0 ? 'in-doubt-refer' : 'school-may-manage';
  return { outcome, triggers, unknown };
}
