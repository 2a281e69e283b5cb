import { z } from 'zod';
import { optionalText, requiredText } from '../text';
import { YES_OR_NO } from './common';

/** Section 2, "Viewing the imagery": the three situations in which viewing may be justified. */
export const VIEWING_REASONS = ['decide-referral', 'report-takedown', 'unavoidable'] as const;
export const VIEWING_REASON_LABELS: Record<(typeof VIEWING_REASONS)[number], string> = {
  'decide-referral': 'It was the only way to decide whether to involve other agencies (the facts could not be established from the young people)',
  'report-takedown': 'It was needed to report the imagery to a website, app or reporting agency to have it taken down, or to support the young person or parent in reporting it',
  unavoidable: 'It was unavoidable: a pupil showed it directly to a member of staff, or it was found on a school device or network',
};

export const VIEWER_AUTHORITIES = ['dsl', 'delegated'] as const;
export const VIEWER_AUTHORITY_LABELS: Record<(typeof VIEWER_AUTHORITIES)[number], string> = {
  dsl: 'The DSL',
  delegated: 'A member of the safeguarding team with authority delegated by the headteacher',
};

/** Whether the viewer was the same sex as the young person pictured; 'not_known', not the five points' 'unknown'. */
const YES_NO_OR_NOT_KNOWN = ['yes', 'no', 'not_known'] as const;

export const STAFF_SUPPORT = ['offered', 'not_needed', 'not_yet'] as const;
export const STAFF_SUPPORT_LABELS: Record<(typeof STAFF_SUPPORT)[number], string> = {
  offered: 'Yes, support was offered to staff who saw the imagery',
  not_needed: 'No one else saw it, or support was not needed',
  not_yet: 'Not yet',
};


/** The body of a viewing-log entry; the date and time are the entry's own "when it happened". */
export const viewingLogBody = z.object({
  place: requiredText('Enter where the imagery was viewed', 300),
  onPremises: z.enum(YES_OR_NO, { error: 'Say whether it was viewed on school premises' }),
  viewerStaffId: z.number({ error: 'Choose who viewed the imagery' }).int().positive(),
  viewerAuthority: z.enum(VIEWER_AUTHORITIES, { error: 'Say on whose authority they viewed it' }),
  presentStaffId: z.union([z.number().int().positive(), z.literal('none')], {
    error: 'Choose who else was in the room, or “No one else was present”',
  }),
  presentAlsoViewed: z.boolean().default(false),
  sameSex: z.enum(YES_NO_OR_NOT_KNOWN, { error: 'Say whether the viewer is the same sex as the young person pictured' }),
  notSameSexReason: optionalText(1000),
  reason: z.enum(VIEWING_REASONS, { error: 'Choose why the imagery had to be viewed' }),
  reasonFacts: requiredText('Describe the facts behind that reason', 4000),
  headConsulted: z.enum(YES_OR_NO, { error: 'Say whether the headteacher was consulted before viewing' }),
  nothingCopied: z.boolean().default(false),
  subsequentActions: optionalText(4000),
  staffSupport: z.enum(STAFF_SUPPORT).default('not_yet'),
});
export type ViewingLogBody = z.output<typeof viewingLogBody>;

/**
 * What the guidance asks for but a person may still have good reason to depart from: shown
 * plainly, never silently accepted, never blocking the record of what actually happened.
 */
export function viewingLogWarnings(body: Partial<ViewingLogBody>): string[] {
  const warnings: string[] = [];
  if (body.presentStaffId === 'none') {
    warnings.push('No one else was present. The guidance says another member of staff should be in the room, ideally the headteacher or a member of the senior leadership team (they need not view).');
  }
  if (body.onPremises === 'no') {
    warnings.push('The imagery was viewed off the school premises. The guidance says viewing should take place on school premises wherever possible, ideally in the headteacher’s or an SLT office.');
  }
  if (body.sameSex === 'no' && (body.notSameSexReason ?? '').trim() === '') {
    warnings.push('The viewer is not the same sex as the young person pictured, and no reason is given. The guidance says viewing should be by a member of staff of the same sex wherever possible: record why that was not possible.');
  }
  if (body.headConsulted === 'no') {
    warnings.push('The headteacher was not consulted. The guidance says the decision to view must be discussed with the headteacher.');
  }
  if (body.nothingCopied === false) {
    warnings.push('It is not confirmed that the imagery was not copied, printed or shared. Copying, printing or sharing it is illegal.');
  }
  return warnings;
}
