import { z } from 'zod';
import { optionalText, requiredText } from '../text';

export const DISCLOSURE_SOURCES = ['young_person', 'friend', 'parent', 'staff', 'other'] as const;
export const DISCLOSURE_SOURCE_LABELS: Record<(typeof DISCLOSURE_SOURCES)[number], string> = {
  young_person: 'The young person affected',
  friend: 'A friend or another pupil',
  parent: 'A parent or carer',
  staff: 'A member of staff (for example found on a school device)',
  other: 'Someone else (for example the police)',
};
export const DISCLOSURE_MEANS = ['in_person', 'phone', 'email', 'online_report', 'other'] as const;
export const DISCLOSURE_MEANS_LABELS: Record<(typeof DISCLOSURE_MEANS)[number], string> = {
  in_person: 'In person',
  phone: 'By phone',
  email: 'By email or letter',
  online_report: 'Through the school’s reporting system',
  other: 'Another way',
};

/** Section 2, "Disclosure": who told whom, when, how, and what was said. */
export const disclosureBody = z.object({
  source: z.enum(DISCLOSURE_SOURCES, { error: 'Say who told the school' }),
  sourceName: optionalText(160),
  toldTo: requiredText('Enter who they told', 160),
  means: z.enum(DISCLOSURE_MEANS, { error: 'Say how they told the school' }),
  whatWasSaid: requiredText('Record what was said, in their words where possible', 8000),
  immediateActions: optionalText(4000),
});
export type DisclosureBody = z.output<typeof disclosureBody>;
