import { z } from 'zod';

export const YES_NO = ['yes', 'no'] as const;
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export const ANSWER_LABELS: Record<string, string> = { yes: 'Yes', no: 'No', unknown: 'Not known', not_known: 'Not known' };

export const yesNo = (message: string) => z.enum(YES_NO, { error: message });
export const yesNoUnknown = (message: string) => z.enum(YES_NO_UNKNOWN, { error: message });

/** An optional calendar date, or blank. */
export const optionalDate = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a real date'), z.literal('')]).default('');

/** The incident person an entry is about (a row of incident_people). */
export const personRef = (message: string) => z.number({ error: message }).int().positive();

/**
 * Whom an entry is about: people on the incident (incident_people ids), several allowed;
 * none (or absent) means the incident as a whole. Optional, so entries recorded before it
 * existed still parse; in the body, so a signature's content hash covers it.
 */
export const aboutPeople = z
  .array(personRef('Choose people on this incident'), { error: 'Choose people on this incident' })
  .max(50, 'Choose at most 50 people')
  .refine((ids) => new Set(ids).size === ids.length, 'Choose each person once')
  .optional();
