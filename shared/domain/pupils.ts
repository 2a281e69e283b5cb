import { z } from 'zod';
import { dateField } from './dates';
import { leaving } from './leaving';
import { normaliseUpn, upnProblem } from './pupils/upn';
import { nameText, optionalText } from './text';

export const SEXES = ['female', 'male', 'not_known'] as const;
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = { female: 'Female', male: 'Male', not_known: 'Not known' };

export const YEAR_GROUPS = ['N', 'R', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13'] as const;
export function yearGroupLabel(group: (typeof YEAR_GROUPS)[number]): string {
  if (group === 'N') return 'Nursery';
  if (group === 'R') return 'Reception';
  return `Year ${group}`;
}

/** Known to children's social care: the guidance asks the DSL to contact them if so, now or before. */
export const SOCIAL_CARE_STATUSES = ['none', 'current', 'past', 'not_known'] as const;
export const SOCIAL_CARE_LABELS: Record<(typeof SOCIAL_CARE_STATUSES)[number], string> = {
  none: 'Not known to children’s social care',
  current: 'Known now (open to children’s social care)',
  past: 'Known in the past',
  not_known: 'Not yet established',
};

/** Optional: '' when the school has not given one (pupils typed before issue 21 have none). */
const upnField = z
  .string()
  .default('')
  .transform(normaliseUpn)
  .superRefine((upn, ctx) => {
    const problem = upn === '' ? null : upnProblem(upn);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const name = (what: string) => nameText(what, { missing: `Enter the ${what}`, max: 80 });

export const pupilInput = z.object({
  firstName: name('first name'),
  lastName: name('last name'),
  dateOfBirth: dateField('Enter the date of birth'),
  sex: z.enum(SEXES, { error: 'Choose the pupil’s sex' }),
  yearGroup: z.enum(YEAR_GROUPS, { error: 'Choose the year group' }),
  sen: z.boolean({ error: 'Say whether the pupil has special educational needs or a disability' }),
  senDetails: optionalText(1000),
  lookedAfter: z.boolean({ error: 'Say whether the pupil is looked after' }),
  socialCare: z.enum(SOCIAL_CARE_STATUSES, { error: 'Say whether the pupil is known to children’s social care' }),
  upn: upnField,
});
export type PupilInput = z.output<typeof pupilInput>;

/** A pupil with, once they have left, when and where to (issue 20): null while on roll. */
export const pupil = pupilInput.extend({ id: z.number().int(), leaving });
export type Pupil = z.output<typeof pupil>;

export function pupilFullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}
