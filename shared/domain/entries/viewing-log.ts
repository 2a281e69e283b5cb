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

// 'saw-it-unavoidably' came with staff without an account: a teacher shown the imagery by a
// pupil viewed it on no one's authority, and the record should not pretend otherwise.
export const VIEWER_AUTHORITIES = ['dsl', 'delegated', 'saw-it-unavoidably'] as const;
export const VIEWER_AUTHORITY_LABELS: Record<(typeof VIEWER_AUTHORITIES)[number], string> = {
  dsl: 'The DSL',
  delegated: 'A member of the safeguarding team with authority delegated by the headteacher',
  'saw-it-unavoidably': 'No one’s: they saw it unavoidably (a pupil showed it to them, or it was found on a school device or network)',
};

/** Whether the viewer was the same sex as the young person pictured; 'not_known', not the five points' 'unknown'. */
const YES_NO_OR_NOT_KNOWN = ['yes', 'no', 'not_known'] as const;

export const STAFF_SUPPORT = ['offered', 'not_needed', 'not_yet'] as const;
export const STAFF_SUPPORT_LABELS: Record<(typeof STAFF_SUPPORT)[number], string> = {
  offered: 'Yes, support was offered to staff who saw the imagery',
  not_needed: 'No one else saw it, or support was not needed',
  not_yet: 'Not yet',
};


/** Chosen in place of a staff id when the person has no account in the app; their name and role are then given. */
export const NO_ACCOUNT = 'no-account';

function sameName(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLocaleLowerCase('en-GB') === b.toLocaleLowerCase('en-GB');
}

/** A name or role typed for someone without an account; absent, not '', when not asked, so older bodies parse unchanged. */
const noAccountText = z.string().trim().max(200, 'Keep this to 200 characters').optional();

/**
 * The body of a viewing-log entry; the date and time are the entry's own "when it happened".
 *
 * Staff without an account in the app (a class teacher shown the imagery, the IT technician
 * who found it) may view it or be present (section 2, "Viewing the imagery"). They are
 * recorded as `viewerStaffId: 'no-account'` (or `presentStaffId`) with `viewerName` and
 * `viewerRole` beside it, rather than by reshaping the field into `viewer: {staffId} |
 * {name, role}`: entries already stored are signed over their exact body, so the old fields
 * must keep their names and meaning, and every new field is optional with no default, so an
 * older body parses to exactly what was signed.
 */
export const viewingLogBody = z
  .object({
    place: requiredText('Enter where the imagery was viewed', 300),
    onPremises: z.enum(YES_OR_NO, { error: 'Say whether it was viewed on school premises' }),
    viewerStaffId: z.union([z.number().int().positive(), z.literal(NO_ACCOUNT)], {
      error: 'Choose who viewed the imagery, or “Someone without an account”',
    }),
    viewerName: noAccountText,
    viewerRole: noAccountText,
    viewerAuthority: z.enum(VIEWER_AUTHORITIES, { error: 'Say on whose authority they viewed it' }),
    presentStaffId: z.union([z.number().int().positive(), z.literal('none'), z.literal(NO_ACCOUNT)], {
      error: 'Choose who else was in the room, “Someone without an account” or “No one else was present”',
    }),
    presentName: noAccountText,
    presentRole: noAccountText,
    presentAlsoViewed: z.boolean().default(false),
    sameSex: z.enum(YES_NO_OR_NOT_KNOWN, { error: 'Say whether the viewer is the same sex as the young person pictured' }),
    notSameSexReason: optionalText(1000),
    reason: z.enum(VIEWING_REASONS, { error: 'Choose why the imagery had to be viewed' }),
    reasonFacts: requiredText('Describe the facts behind that reason', 4000),
    headConsulted: z.enum(YES_OR_NO, { error: 'Say whether the headteacher was consulted before viewing' }),
    nothingCopied: z.boolean().default(false),
    subsequentActions: optionalText(4000),
    staffSupport: z.enum(STAFF_SUPPORT).default('not_yet'),
  })
  // Run even while other answers are missing, so the name and role are asked for on the same submit.
  // The body may then be partly invalid, so every value is checked before it is used.
  .superRefine((body, ctx) => {
    const blank = (text: unknown) => typeof text !== 'string' || text === '';
    if (body.viewerStaffId === NO_ACCOUNT) {
      if (blank(body.viewerName)) ctx.addIssue({ code: 'custom', path: ['viewerName'], message: 'Enter the name of the person who viewed the imagery' });
      if (blank(body.viewerRole)) ctx.addIssue({ code: 'custom', path: ['viewerRole'], message: 'Enter their role, for example “class teacher” or “IT technician”' });
    }
    if (body.presentStaffId === NO_ACCOUNT) {
      if (blank(body.presentName)) ctx.addIssue({ code: 'custom', path: ['presentName'], message: 'Enter the name of the person who was present' });
      if (blank(body.presentRole)) ctx.addIssue({ code: 'custom', path: ['presentRole'], message: 'Enter their role, for example “class teacher” or “IT technician”' });
      if (body.viewerStaffId === NO_ACCOUNT && !blank(body.presentName) && sameName(body.viewerName, body.presentName)) {
        ctx.addIssue({ code: 'custom', path: ['presentName'], message: 'The person present must be someone other than the viewer' });
      }
    }
  }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });
export type ViewingLogBody = z.output<typeof viewingLogBody>;

/** Whether the record names someone without an account, whose part only a DSL's signature can attest. */
export function namesSomeoneWithoutAccount(body: { viewerStaffId?: unknown; presentStaffId?: unknown }): boolean {
  return body.viewerStaffId === NO_ACCOUNT || body.presentStaffId === NO_ACCOUNT;
}

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
