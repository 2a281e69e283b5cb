import type { Citation } from './citations';
import type { HelpSection } from './blocks';

const OVERVIEW: Citation = { advice: 'current', source: 'S2' };
const INITIAL_RESPONSE: Citation = { advice: 'ukccis-2016', part: 'section 2', heading: 'Initial response' };
const SECURING: Citation = { advice: 'ukccis-2016', part: 'section 2', heading: 'Securing and handing over devices to the police' };

/**
 * The one page for staff who are not DSLs ("Other members of staff should see a one-page
 * summary on how to manage incidents", S1): shown on the Help page and printed, with the
 * school's DSLs, by the main process (electron/core/pdf/staff-summary.ts) for any role.
 */
export const STAFF_SUMMARY = {
  title: 'Nudes and semi-nudes: what every member of staff does',
  gloss: "If you learn that a pupil's nude or semi-nude image, video or live stream has been made or shared (called 'youth produced sexual imagery' in the 2016 advice):",
  toDo: [
    'Tell the DSL at once. Do not wait until you know more.',
    'If a phone or other device is involved, confiscate it, switch it off and hand it to the DSL without looking at it.',
    'Write down what was said, in the words used, with the date and time and who was there, and give it to the DSL.',
    'Reassure the pupil that telling was right and that the school will help. Do not promise to keep it secret.',
  ],
  neverDo: [
    'Never view, copy, print, forward, save or delete the imagery, even if a pupil offers to show it to you.',
    'Never ask a pupil to send, show or download it.',
    'Never investigate yourself: do not question the pupils involved or search their devices. The DSL decides what happens next.',
  ],
  ifSeen: 'If you saw it by accident, tell the DSL: that is not your fault, and support is there for you.',
  quote: { text: 'Never view, copy, print, share, store or save the imagery yourself, or ask a child to share or download – this is illegal', cite: OVERVIEW },
  citations: [OVERVIEW, INITIAL_RESPONSE, SECURING],
} as const;

export const STAFF_SUMMARY_SECTION = {
  id: 'staff-summary',
  title: 'For all staff: a one-page summary',
  citations: STAFF_SUMMARY.citations,
  blocks: [
    { type: 'paragraph', text: STAFF_SUMMARY.gloss },
    { type: 'heading', text: 'What to do' },
    { type: 'list', ordered: true, items: STAFF_SUMMARY.toDo.map((text) => ({ text })) },
    { type: 'heading', text: 'What never to do' },
    { type: 'list', ordered: false, items: STAFF_SUMMARY.neverDo.map((text) => ({ text })) },
    { type: 'paragraph', text: STAFF_SUMMARY.ifSeen },
    { type: 'quote', ...STAFF_SUMMARY.quote },
  ],
} as const satisfies HelpSection;
