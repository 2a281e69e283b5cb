import { ageOn } from './dates';

export type Answer = 'yes' | 'no' | 'unknown';

export type PersonForReview = {
  dateOfBirth?: string; // ISO yyyy-mm-dd; absent when not known
  age?: number; // whole years at the imagery's date, when the date of birth is not known
  isAdult?: boolean; // true when known to be 18 or over though neither is known
  inImagery: boolean; // pictured in the imagery
  onlyReported?: boolean; // their only part is reporting it or supporting a child (a parent, a friend who told)
};

export type InitialReviewInput = {
  /**
   * ISO date the imagery was made. Empty when it is not known: then a date of birth alone
   * says nothing of a person's age when it was made, so callers pass `age` for what is
   * certain (review-people.ts: a child under 13 when the school found out was under 13 then).
   */
  imageryDate: string;
  people: PersonForReview[];
  answers: {
    adultInvolved: Answer;
    coercionOrGrooming: Answer;
    unusualOrViolent: Answer;
    sexualActs: Answer; // does the imagery, as described, involve sexual acts?
    immediateRisk: Answer;
    /**
     * Someone shared another young person's imagery without consent and with intent to harm,
     * humiliate or get even (section 2: an aggravating factor). Absent means 'no'.
     */
    maliciousSharing?: Answer;
  };
};

export type Trigger = 'adult-involved' | 'coercion-or-grooming' | 'unusual-or-violent' | 'under-13-sexual-acts' | 'immediate-risk';

type AggravatingFactor = 'malicious-sharing';

export type ReferralOutcome = 'refer-now' | 'should-refer' | 'in-doubt-refer' | 'school-may-manage';

export type ReferralAssessment = {
  outcome: ReferralOutcome;
  triggers: Trigger[]; // points met
  unknown: Trigger[]; // points not met but not ruled out
  aggravating: AggravatingFactor[]; // present whenever maliciousSharing is 'yes'
};

/** The five points in the guidance's order (section 2, "Initial review meeting"). */
export const TRIGGERS: readonly Trigger[] = ['adult-involved', 'coercion-or-grooming', 'unusual-or-violent', 'under-13-sexual-acts', 'immediate-risk'];

const ADULT_AGE = 18;
/** Annex B: point 4 applies to anyone pictured who is not yet 13. */
export const UNDER_AGE = 13;

type State = 'met' | 'unknown' | 'ruled-out';

function fromAnswer(answer: Answer): State {
  if (answer === 'yes') return 'met';
  return answer === 'unknown' ? 'unknown' : 'ruled-out';
}

/** Age in whole years when the imagery was made, or null when nothing says. */
export function ageAtImagery(person: PersonForReview, imageryDate: string): number | null {
  if (person.dateOfBirth && imageryDate !== '') return ageOn(person.dateOfBirth, imageryDate);
  return person.age ?? null;
}

/** Known to be 18 or over: by date of birth at the imagery's date, by `age`, or by `isAdult`. */
export function knownAdult(person: PersonForReview, imageryDate: string): boolean {
  const age = ageAtImagery(person, imageryDate);
  return person.isAdult === true || (age !== null && age >= ADULT_AGE);
}

/** Whether this person makes point 1 met: an adult, unless they only reported it or supported a child. */
export function countsForPointOne(person: PersonForReview, imageryDate: string): boolean {
  return knownAdult(person, imageryDate) && person.onlyReported !== true;
}

/**
 * Point 1: an adult involved. Anyone known to be 18 or over makes it met unless their only
 * part is reporting it or supporting a child (the parent who tells the school is not "an
 * adult involved"); otherwise it follows the DSL's answer.
 */
function adultInvolved(input: InitialReviewInput): State {
  if (input.people.some((p) => countsForPointOne(p, input.imageryDate))) return 'met';
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
  const ages = pictured.map((p) => (knownAdult(p, input.imageryDate) ? ADULT_AGE : ageAtImagery(p, input.imageryDate)));
  const someoneUnder13 = ages.some((age) => age !== null && age < UNDER_AGE);
  const ageNotKnown = pictured.length === 0 || ages.some((age) => age === null);
  if (someoneUnder13) return acts === 'met' ? 'met' : 'unknown';
  return ageNotKnown ? 'unknown' : 'ruled-out';
}

/**
 * The five points for immediate referral to police and/or children's social care, then the
 * aggravating factors. Any point met: refer now. Otherwise malicious sharing: the guidance
 * says such incidents "should generally be referred". Otherwise any point not ruled out, or
 * malicious sharing not known: "if in doubt, refer". Only when all of it is ruled out may the
 * school consider managing it in school.
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
  const malicious = input.answers.maliciousSharing ?? 'no';
  const aggravating: AggravatingFactor[] = malicious === 'yes' ? ['malicious-sharing'] : [];
  const outcome: ReferralOutcome =
    triggers.length > 0 ? 'refer-now' : malicious === 'yes' ? 'should-refer' : unknown.length > 0 || malicious === 'unknown' ? 'in-doubt-refer' : 'school-may-manage';
  return { outcome, triggers, unknown, aggravating };
}
