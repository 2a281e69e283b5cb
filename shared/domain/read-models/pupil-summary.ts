import { z } from 'zod';
import { SEXES, YEAR_GROUPS } from '../pupils';

/** A pupil as the pupil lists and searches show them, with how many incidents they are on. */
export const pupilSummary = z.object({
  id: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  yearGroup: z.enum(YEAR_GROUPS),
  sex: z.enum(SEXES),
  incidentCount: z.number().int(),
  /** The date a former pupil left (issue 20), for "Left 20 Nov 2026" beside their name; null while on roll. */
  leftOn: z.string().nullable(),
});

export type PupilSummary = z.output<typeof pupilSummary>;
