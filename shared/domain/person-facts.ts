import type { OtherPersonKind, PersonRole } from './incidents';
import type { PersonFacts } from './review-people';

type PersonOnIncident = {
  roles: readonly PersonRole[];
  pupil: { dateOfBirth: string } | null;
  other: { kind: OtherPersonKind; age: number | null; dateOfBirth: string } | null;
};

/**
 * What the five points read of someone on an incident. A group or an online account stands
 * for no one person: it has no age and is no known adult, so it counts for point 1 only by
 * the DSL's answer, and for point 4 not at all (it is not known to be under 13).
 */
export function personFacts(person: PersonOnIncident): PersonFacts {
  const { roles, pupil, other } = person;
  if (other === null || other.kind === 'online-account' || other.kind === 'group') return { roles, pupil, other: null };
  return { roles, pupil, other: { kind: other.kind, age: other.age, dateOfBirth: other.dateOfBirth } };
}
