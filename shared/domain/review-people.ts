import { ageOn } from './dates';
import type { OtherPersonKind, PersonRole } from './incidents';
import type { InitialReviewInput, PersonForReview } from './referral';
import { UNDER_AGE } from './referral';

/** What the five points need to know of a person on an incident. */
export type PersonFacts = {
  roles: readonly PersonRole[];
  pupil: { dateOfBirth: string } | null;
  other: { kind: OtherPersonKind; age: number | null; dateOfBirth: string } | null;
};

/**
 * What the five points read of someone on an incident. A group or an online account stands
 * for no one person: it has no age and is no known adult, so it counts for point 1 only by
 * the DSL's answer, and for point 4 not at all (it is not known to be under 13).
 */
export function personFacts(person: PersonFacts): PersonFacts {
  const { roles, pupil, other } = person;
  if (other === null || other.kind === 'online-account' || other.kind === 'group') return { roles, pupil, other: null };
  return { roles, pupil, other: { kind: other.kind, age: other.age, dateOfBirth: other.dateOfBirth } };
}

/** The incident's dates the review reads: when the imagery was made ('' when not known), when the school found out. */
export type ReviewDates = { imageryDate: string; cameToAttentionOn: string };

/**
 * Roles that are no part in the imagery itself: a person with only these "only reported it"
 * and does not make point 1 met by being an adult (the parent or grandparent who tells the
 * school in Annex F cases 2, 4, 6 and 15).
 */
const REPORTING_ROLES: readonly PersonRole[] = ['reported'];

function onlyReported(roles: readonly PersonRole[]): boolean {
  return roles.length > 0 && roles.every((role) => REPORTING_ROLES.includes(role));
}

/**
 * A date of birth when the imagery's date is not known: the imagery was made on or before
 * the day the school found out, so a child under 13 that day was under 13 when it was made.
 * Any other age that day says nothing certain, so no age is given and point 4 stays open.
 */
function ageWithoutImageryDate(dateOfBirth: string, cameToAttentionOn: string): Pick<PersonForReview, 'age'> {
  const age = ageOn(dateOfBirth, cameToAttentionOn);
  return age < UNDER_AGE ? { age } : {};
}

/** The people of an incident as `assessImmediateReferral` sees them. */
export function peopleForReview(people: readonly PersonFacts[], dates: ReviewDates): PersonForReview[] {
  return people.map(personFacts).map((person) => {
    const dateOfBirth = person.pupil?.dateOfBirth || person.other?.dateOfBirth || '';
    const knownAge = person.other?.age ?? null;
    const age: Pick<PersonForReview, 'dateOfBirth' | 'age'> =
      dateOfBirth === ''
        ? knownAge === null
          ? {}
          : dates.imageryDate === '' && knownAge >= UNDER_AGE
            ? {} // an age known now says, without the imagery's date, only that they were that age or younger
            : { age: knownAge }
        : dates.imageryDate === ''
          ? ageWithoutImageryDate(dateOfBirth, dates.cameToAttentionOn)
          : { dateOfBirth };
    return {
      ...age,
      ...(person.other?.kind === 'adult' ? { isAdult: true } : {}),
      inImagery: person.roles.includes('pictured'),
      ...(onlyReported(person.roles) ? { onlyReported: true } : {}),
    };
  });
}

/** The five points' input for an incident: what the core checks and the form shows are decided alike. */
export function reviewInput(dates: ReviewDates, people: readonly PersonFacts[], answers: InitialReviewInput['answers']): InitialReviewInput {
  return { imageryDate: dates.imageryDate, people: peopleForReview(people, dates), answers };
}
