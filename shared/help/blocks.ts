import type { Citation } from './citations';

/** One point of a list; a point may hold its own list (the flowchart's questions and outcomes). */
export type HelpListItem = { text: string; items?: readonly HelpListItem[]; ordered?: boolean };

/** What a help section is made of, in reading order; one component draws them all. */
export type HelpBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: readonly HelpListItem[] }
  /** The guidance's own words, copied exactly (the unit test finds them in the source). */
  | { type: 'quote'; text: string; cite: Citation };

export type HelpSection = {
  /** The address fragment forms link to: /help#<id>. */
  id: string;
  title: string;
  blocks: readonly HelpBlock[];
  /** Every part of the advice the section draws on. */
  citations: readonly Citation[];
};
