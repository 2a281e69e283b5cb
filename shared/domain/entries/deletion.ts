import { z } from 'zod';
import { dateField } from '../dates';
import { optionalText, requiredText } from '../text';
import { aboutPeople, optionalDate } from './common';

/**
 * Section 2, "Deletion of images": usually pupils are asked to delete by a deadline and
 * confirm; a search and deletion by staff needs the headteacher's formal authorisation.
 */
/**
 * The DSL's word that the police or children's social care, when involved, agreed to the
 * deletion or know of it; whether it is needed depends on the incident, so the core checks it
 * (other-agencies.ts). Absent in bodies stored before it was asked: false.
 */
const otherAgencyAgreed = z.boolean().default(false);

export const deletionBody = z.discriminatedUnion(
  'mode',
  [
    z.object({
      about: aboutPeople,
      mode: z.literal('pupils-asked'),
      pupils: requiredText('Enter which pupils were asked to delete the imagery', 600),
      where: requiredText('List the devices, cloud storage and services to delete it from', 2000),
      deadline: dateField('Enter the deadline for deletion'),
      toldOfLaw: z.literal(true, { error: 'Confirm the pupils were told that keeping the imagery is illegal' }),
      confirmedOn: optionalDate,
      confirmedHow: optionalText(2000),
      otherAgencyAgreed,
    }),
    z.object({
      about: aboutPeople,
      mode: z.literal('staff-search'),
      authorisedBy: requiredText('Enter who authorised the search (the headteacher’s formal authorisation)', 300),
      searchedBy: requiredText('Enter who carried out the search', 300),
      devices: requiredText('List the devices searched', 2000),
      found: requiredText('Record what was found', 4000),
      action: z.enum(['deleted', 'retained-as-evidence'], { error: 'Say whether the imagery was deleted or kept as evidence' }),
      why: requiredText('Record the reasons for the decision', 4000),
      otherAgencyAgreed,
    }),
  ],
  { error: 'Say whether pupils were asked to delete, or staff searched and deleted' },
);
export type DeletionBody = z.output<typeof deletionBody>;

/** A deadline in the past with no confirmation yet. */
export function deletionOverdue(body: DeletionBody, today: string): boolean {
  return body.mode === 'pupils-asked' && body.confirmedOn === '' && body.deadline < today;
}
