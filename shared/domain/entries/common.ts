import { z } from 'zod';

export const YES_OR_NO = ['yes', 'no'] as const;
/**
 * A yes/no answer that may not be known yet, stored as 'unknown' (the five points, social
 * care already involved). The viewing log stores its own 'not_known' (YES_NO_OR_NOT_KNOWN in
 * viewing-log.ts): both are in signed records, so neither can change (decision 0020).
 */
export const YES_NO_OR_UNKNOWN = ['yes', 'no', 'unknown'] as const;

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
