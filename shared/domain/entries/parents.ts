import { z } from 'zod';
import { optionalText, requiredText } from '../text';
import { personRef } from './common';

export const PARENT_MEANS = ['in_person', 'phone', 'letter_email', 'pupil_told_them', 'other'] as const;
export const PARENT_MEANS_LABELS: Record<(typeof PARENT_MEANS)[number], string> = {
  in_person: 'In a meeting',
  phone: 'By phone',
  letter_email: 'By letter or email',
  pupil_told_them: 'The pupil told them, with the school’s support',
  other: 'Another way',
};

/**
 * Section 2 and Annex C, per pupil: informed (who, by whom, how) or not informed with
 * the reasons and who decided. Either answer closes the gap; neither leaves it open.
 */
export const parentsBody = z.discriminatedUnion(
  'informed',
  [
    z.object({
      pupilPersonId: personRef('Choose the pupil whose parents or carers this is about'),
      informed: z.literal('yes'),
      whoWasTold: requiredText('Enter which parent or carer was told', 300),
      toldBy: requiredText('Enter who told them', 160),
      means: z.enum(PARENT_MEANS, { error: 'Say how they were told' }),
      pupilSupported: z.boolean().default(false),
      notes: optionalText(4000),
    }),
    z.object({
      pupilPersonId: personRef('Choose the pupil whose parents or carers this is about'),
      informed: z.literal('no'),
      reasons: requiredText('Record why the parents or carers are not being told', 4000),
      decidedBy: requiredText('Enter who took the decision (usually with children’s social care or the police)', 300),
      notes: optionalText(4000),
    }),
  ],
  { error: 'Say whether the parents or carers have been told' },
);
export type ParentsBody = z.output<typeof parentsBody>;
