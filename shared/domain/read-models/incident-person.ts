import { z } from 'zod';
import { OTHER_PERSON_KINDS, PERSON_ROLES } from '../incidents';
import { pupil, SEXES } from '../pupils';

/** Someone on an incident: a pupil of the school or another person, with their roles in it. */
export const incidentPerson = z.object({
  id: z.number().int(),
  roles: z.array(z.enum(PERSON_ROLES)),
  /** Whole years on the imagery's date; null when unknown, and when that date is not known. */
  ageOnImageryDate: z.number().int().nullable(),
  /** Whole years the day the school found out, given only when the imagery's date is not known. */
  ageWhenReported: z.number().int().nullable(),
  pupil: pupil.nullable(),
  other: z
    .object({
      kind: z.enum(OTHER_PERSON_KINDS),
      name: z.string(),
      age: z.number().int().nullable(),
      dateOfBirth: z.string(),
      sex: z.enum(SEXES),
      setting: z.string(),
      relationship: z.string(),
      /** A group's approximate number of people; null for anyone else. */
      groupSize: z.number().int().nullable(),
    })
    .nullable(),
  addedAt: z.string(),
  addedByName: z.string(),
  /** Set when they were removed from the incident (added in error); the roles are those they had. */
  removal: z.object({ at: z.string(), byName: z.string(), reason: z.string() }).nullable(),
});

export type IncidentPerson = z.output<typeof incidentPerson>;

/** A person's age in a table's cell: "14", "14 when reported (imagery's date not known)" or "Not known". */
export function personAgeText(person: Pick<IncidentPerson, 'ageOnImageryDate' | 'ageWhenReported'>): string {
  if (person.ageOnImageryDate !== null) return String(person.ageOnImageryDate);
  if (person.ageWhenReported !== null) return `${person.ageWhenReported} when reported (the imagery’s date is not known)`;
  return 'Not known';
}
