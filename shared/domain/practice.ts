/**
 * Practice mode (issue 22, decision 0032): a separate data folder of made-up records for
 * training. This mark is on every screen, in the window's title and on every page of every
 * PDF made there, and is the practice folder's school name, so nothing from it passes for a
 * real record.
 */
export const PRACTICE_MARK = 'PRACTICE — not real records';

/** The window's title: the mark first, so a taskbar or a screenshot shows it too. */
export function windowTitle(practice: boolean): string {
  return practice ? `${PRACTICE_MARK} — Safeguarding records` : 'Safeguarding records';
}
