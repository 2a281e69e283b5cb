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
