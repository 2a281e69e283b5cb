import { z } from 'zod';
import { dateField, formatDate } from './dates';

/**
 * Pupils who leave (issue 20): where they went, as the DSL knows it. A school or another
 * setting (a college, an alternative provision) is named, so the child-protection file can be
 * sent there; the other kinds have no receiving school and the DSL follows the local
 * authority's procedures for children missing education or home-educated instead.
 */
export const DESTINATION_KINDS = ['school', 'other-setting', 'not-known', 'elective-home-education', 'moved-abroad'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

export const DESTINATION_LABELS: Record<DestinationKind, string> = {
  school: 'Another school',
  'other-setting': 'Another setting (a college or alternative provision)',
  'not-known': 'Not known',
  'elective-home-education': 'Elective home education',
  'moved-abroad': 'Moved abroad',
};

/** Whether a destination of this kind is named, and can receive the child-protection file. */
export function destinationIsNamed(kind: DestinationKind): boolean {
  return kind === 'school' || kind === 'other-setting';
}

export const leavingInput = z.object({
  pupilId: z.number({ error: 'Choose the pupil' }).int().positive(),
  leftOn: dateField('Enter the date the pupil left'),
  destinationKind: z.enum(DESTINATION_KINDS, { error: 'Choose where the pupil has gone' }),
  destination: z.string().trim().max(200, 'Keep this to 200 characters').default(''),
});
export type LeavingInput = z.output<typeof leavingInput>;

/** A former pupil as the read model carries it; null while still on roll. */
export const leaving = z.object({ leftOn: z.string(), destinationKind: z.enum(DESTINATION_KINDS), destination: z.string() }).nullable();
export type Leaving = z.output<typeof leaving>;

/**
 * What is wrong with a leaving, per field, or null: the date may not be after today (the
 * school's clock) nor before the pupil was born, and a school or setting must be named.
 */
export function leavingErrors(input: Pick<LeavingInput, 'leftOn' | 'destinationKind' | 'destination'>, context: { today: string; dateOfBirth: string }): Record<string, string> | null {
  const errors: Record<string, string> = {};
  if (input.leftOn > context.today) errors.leftOn = 'The date the pupil left cannot be in the future';
  else if (input.leftOn < context.dateOfBirth) errors.leftOn = 'The date the pupil left cannot be before their date of birth';
  if (destinationIsNamed(input.destinationKind) && input.destination.trim() === '') {
    errors.destination = input.destinationKind === 'school' ? 'Enter the name of the new school' : 'Enter the name of the new setting';
  }
  return Object.keys(errors).length === 0 ? null : errors;
}

/** What is stored for the destination's name: only a school or setting has one. */
export function destinationToStore(input: Pick<LeavingInput, 'destinationKind' | 'destination'>): string {
  return destinationIsNamed(input.destinationKind) ? input.destination.trim() : '';
}

/** "Left 20 Nov 2026", beside a former pupil's name in lists, searches and the picker. */
export function leftLabel(leftOn: string): string {
  return `Left ${formatDate(leftOn)}`;
}

/** "Left 20 Nov 2026 for Larkspur High School" or "… (elective home education)". */
export function leavingInWords(left: NonNullable<Leaving>): string {
  const where = destinationIsNamed(left.destinationKind) ? ` for ${left.destination}` : ` (${DESTINATION_LABELS[left.destinationKind].toLowerCase()})`;
  return `${leftLabel(left.leftOn)}${where}`;
}
