import { ageOn } from './dates';
import { imageryItemBody } from './entries/imagery-item';
import type { OtherPersonKind, PersonRole } from './incidents';
import type { InitialReviewInput, PersonForReview } from './referral';
import { UNDER_AGE } from './referral';

/** What the five points need to know of a person on an incident. */
export type PersonFacts = {
  /** The person's id on the incident, which images name them by; absent, no image names them. */
  id?: number;
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
  const id = person.id === undefined ? {} : { id: person.id };
  if (other === null || other.kind === 'online-account' || other.kind === 'group') return { ...id, roles, pupil, other: null };
  return { ...id, roles, pupil, other: { kind: other.kind, age: other.age, dateOfBirth: other.dateOfBirth } };
}

/** An image or video recorded on the incident, as the five points read it: who is pictured, and when it was made ('' when not known). */
export type ImageryFacts = { pictured: readonly number[]; madeOn: string };

/** The date of the earliest dated image that pictures this person ('' when none is dated): their age is taken on it. */
export function earliestImageOf(personId: number, imagery: readonly ImageryFacts[]): string {
  return imagery.filter((item) => item.pictured.includes(personId) && item.madeOn !== '').map((item) => item.madeOn).sort()[0] ?? '';
}

/** The images and videos among an incident's current entries (each entry's latest version only). */
export function imageryOfEntries(entries: readonly { kind: string; body: unknown }[]): ImageryFacts[] {
  return entries.flatMap((entry) => {
    if (entry.kind !== 'imagery-item') return [];
    const parsed = imageryItemBody.safeParse(entry.body);
    return parsed.success ? [{ pictured: parsed.data.about ?? [], madeOn: parsed.data.madeOn }] : [];
  });
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

/**
 * The people of an incident as `assessImmediateReferral` sees them. Someone an image names as
 * pictured is in the imagery whatever their roles say (Annex F case 5: each girl is pictured in
 * her own photo and holds the other's); and when their images' dates are known, their age is
 * taken on the earliest of them, the youngest they were in any image of them, so an image made
 * before a child turned 13 counts for point 4 even when others were made later.
 */
export function peopleForReview(people: readonly PersonFacts[], dates: ReviewDates, imagery: readonly ImageryFacts[] = []): PersonForReview[] {
  return people.map(personFacts).map((person) => {
    const { id } = person;
    const picturedIn = id === undefined ? [] : imagery.filter((item) => item.pictured.includes(id));
    const madeOn = id === undefined ? '' : earliestImageOf(id, imagery);
    const dateOfBirth = person.pupil?.dateOfBirth || person.other?.dateOfBirth || '';
    const knownAge = person.other?.age ?? null;
    const age: Pick<PersonForReview, 'dateOfBirth' | 'age'> =
      dateOfBirth === ''
        ? knownAge === null
          ? {}
          : dates.imageryDate === '' && knownAge >= UNDER_AGE
            ? {} // an age known now says, without the imagery's date, only that they were that age or younger
            : { age: knownAge }
        : madeOn !== ''
          ? { age: ageOn(dateOfBirth, madeOn) }
          : dates.imageryDate === ''
            ? ageWithoutImageryDate(dateOfBirth, dates.cameToAttentionOn)
            : { dateOfBirth };
    return {
      ...age,
      ...(person.other?.kind === 'adult' ? { isAdult: true } : {}),
      inImagery: person.roles.includes('pictured') || picturedIn.length > 0,
      ...(onlyReported(person.roles) && picturedIn.length === 0 ? { onlyReported: true } : {}),
    };
  });
}

/** The five points' input for an incident: what the core checks and the form shows are decided alike. */
export function reviewInput(dates: ReviewDates, people: readonly PersonFacts[], answers: InitialReviewInput['answers'], imagery: readonly ImageryFacts[] = []): InitialReviewInput {
  return { imageryDate: dates.imageryDate, people: peopleForReview(people, dates, imagery), answers };
}
