import { z } from 'zod';
import { optionalText, requiredText } from '../text';

export const POLICE_ROUTES = ['safer-schools-officer', 'pcso', 'neighbourhood', '101', '999', 'other'] as const;
export const POLICE_ROUTE_LABELS: Record<(typeof POLICE_ROUTES)[number], string> = {
  'safer-schools-officer': 'Safer schools officer',
  pcso: 'Police community support officer (PCSO)',
  neighbourhood: 'Local neighbourhood police',
  '101': '101',
  '999': '999 (emergency)',
  other: 'Another route',
};

/** Section 2, "Reporting incidents to the police". */
export const policeReportBody = z
  .object({
    route: z.enum(POLICE_ROUTES, { error: 'Say how the police were contacted' }),
    toWhom: requiredText('Enter who the report was made to (name, role, collar number)', 300),
    crimeReference: optionalText(80),
    /** The police do not always give one (advice only, or Outcome 21 before a crime is recorded). */
    noCrimeReference: z.boolean().default(false),
    noCrimeReferenceReason: optionalText(2000),
    advice: optionalText(4000),
    outcome: optionalText(4000),
  })
  .refine((b) => !b.noCrimeReference || b.crimeReference === '', {
    path: ['crimeReference'],
    message: 'Either enter the crime reference number, or say that none was given — not both',
  })
  .refine((b) => !b.noCrimeReference || b.noCrimeReferenceReason !== '', {
    path: ['noCrimeReferenceReason'],
    message: 'Say why no crime reference was given (for example “advice only: no crime recorded”)',
  });

/** The record of the report is finished on this point: a crime reference, or a reason there is none. */
export function crimeReferenceSettled(b: PoliceReportBody): boolean {
  return b.crimeReference !== '' || (b.noCrimeReference && b.noCrimeReferenceReason !== '');
}
export type PoliceReportBody = z.output<typeof policeReportBody>;
