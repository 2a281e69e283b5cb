import { z } from 'zod';
import { definitionOf, type EntryKind } from './entries/kinds';

/**
 * Drafts (issue 19 item 1, decision 0023): what a person has typed into a form and not yet
 * saved, kept in the encrypted records database per person and per form, so a lock, a
 * crash or a restart loses at most the last two seconds. A draft is a working copy, never a
 * record: unsigned, outside the chronology, search, PDFs and exports.
 */

/** How long a draft is kept, a school setting in days (Settings, DSL only). */
export const DRAFT_DAYS_MIN = 1;
export const DRAFT_DAYS_MAX = 365;
export const DRAFT_DAYS_DEFAULT = 30;

export const draftDays = z
  .number({ error: 'Enter a number of days' })
  .int('Enter a whole number of days')
  .min(DRAFT_DAYS_MIN, `Keep drafts for at least ${DRAFT_DAYS_MIN} day`)
  .max(DRAFT_DAYS_MAX, `Keep drafts for at most ${DRAFT_DAYS_MAX} days`);

/** Which form a draft belongs to. One draft per person and form: saving again replaces it. */
export type DraftForm =
  | { form: 'entry'; kind: EntryKind; incidentId: number }
  | { form: 'amend'; entryId: number; kind: EntryKind; incidentId: number }
  | { form: 'new-incident' }
  | { form: 'correct-incident'; incidentId: number };

/**
 * The bespoke forms keep the names issue 19 gives them; every other entry kind shares the
 * spec engine's key. The core derives the same key from a save's input (draftFormOfSave),
 * so saving a record deletes its draft without the renderer having to say which.
 */
export function draftKey(form: DraftForm): string {
  switch (form.form) {
    case 'entry':
      if (form.kind === 'initial-review' || form.kind === 'viewing-log') return `${form.kind}:${form.incidentId}`;
      return `entry:${form.kind}:incident:${form.incidentId}`;
    case 'amend':
      return `amend:${form.entryId}`;
    case 'new-incident':
      return 'incident:new';
    case 'correct-incident':
      return `incident:${form.incidentId}:correct`;
  }
}

const KEY_PATTERN = /^(entry:[a-z][a-z-]*:incident:\d+|amend:\d+|incident:new|incident:\d+:correct|initial-review:\d+|viewing-log:\d+)$/;

export const draftFormKey = z.string().regex(KEY_PATTERN, 'Not a form of this app');

/** "a disclosure", "an initial review meeting": the kind as a DSL would say it in a sentence. */
function withArticle(words: string): string {
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

/** The short description kept beside a draft: "a disclosure on YPSI-2026-004". No pupil's name. */
export function draftDescription(form: DraftForm, reference: string | null): string {
  const on = reference ? ` on ${reference}` : '';
  switch (form.form) {
    case 'entry':
      return `${withArticle(definitionOf(form.kind).label.toLowerCase())}${on}`;
    case 'amend':
      return `an amendment to ${withArticle(definitionOf(form.kind).label.toLowerCase())}${on}`;
    case 'new-incident':
      return 'a new incident';
    case 'correct-incident':
      return `a correction to the details${on}`;
  }
}

/** The largest draft kept: far more than any form holds, small enough that a runaway renderer cannot fill the disk. */
const MAX_DRAFT_CHARS = 200_000;

export const draftValues = z
  .record(z.string(), z.json())
  .refine((values) => JSON.stringify(values).length <= MAX_DRAFT_CHARS, 'This draft is too long to keep');

/** The incident a form is about, if any: what the home page links back to. */
export function draftIncidentId(form: DraftForm): number | null {
  return form.form === 'new-incident' ? null : form.incidentId;
}

export const draftSummary = z.object({
  id: z.number().int(),
  formKey: z.string(),
  incidentId: z.number().int().nullable(),
  description: z.string(),
  savedAt: z.string(),
});
export const draft = draftSummary.extend({ values: z.record(z.string(), z.json()) });

export type DraftSummary = z.output<typeof draftSummary>;
export type Draft = z.output<typeof draft>;

/** Drafts saved before this moment have outlived the school's setting and are deleted. */
export function draftsExpireBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 24 * 60 * 60_000).toISOString();
}
