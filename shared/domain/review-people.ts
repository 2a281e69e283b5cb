import type { PersonRole } from './incidents';
import type { PersonForReview } from './referral';
import { ADULT_AGE } from './referral';

/** What the five points need to know of a person on an incident. */
export type PersonFacts = {
  roles: readonly PersonRole[];
  pupil: { dateOfBirth: string } | null;
  other: { kind: 'young_person' | 'adult'; age: number | null; dateOfBirth: string } | null;
};

/** The people of an incident as `assessImmediateReferral` sees them. */
export function peopleForReview(people: readonly PersonFacts[]): PersonForReview[] {
  return people.map((person) => {
    const dateOfBirth = person.pupil?.dateOfBirth || person.other?.dateOfBirth || undefined;
    const isAdult = person.other?.kind === 'adult' || (person.other?.age ?? 0) >= ADULT_AGE;
    return {
      ...(dateOfBirth ? { dateOfBirth } : {}),
      ...(isAdult ? { isAdult: true } : {}),
      inImagery: person.roles.includes('pictured'),
    };
  });
}
