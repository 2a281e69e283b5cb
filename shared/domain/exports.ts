import { z } from 'zod';
import { confirmingPassword } from './staff';

/** At most this many characters that cannot be printed are named back to the person exporting. */
export const UNPRINTABLE_SHOWN = 40;

/** The documents the DSL can print for inter-agency meetings or a child-protection file transfer. */
export type ExportDocumentType = 'incident-report' | 'incident-chronology' | 'pupil-chronology' | 'pupil-file';

export const EXPORT_DOCUMENT_LABELS: Record<ExportDocumentType, string> = {
  'incident-report': 'Incident report',
  'incident-chronology': 'Chronology of the incident',
  'pupil-chronology': 'Chronology of the pupil',
  'pupil-file': 'Pupil file (every incident, for a child-protection file transfer)',
};

const id = (what: string) => z.number({ error: `Choose the ${what}` }).int().positive();

export const exportDocument = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('incident-report'), incidentId: id('incident') }).strict(),
    z.object({ type: z.literal('incident-chronology'), incidentId: id('incident') }).strict(),
    z.object({ type: z.literal('pupil-chronology'), pupilId: id('pupil') }).strict(),
    z.object({ type: z.literal('pupil-file'), pupilId: id('pupil') }).strict(),
  ],
  { error: 'Choose which document to print' },
);
export type ExportDocument = z.output<typeof exportDocument>;

/**
 * A child in a document, by a key that is stable across the whole document: `pupil:<id>`
 * for a pupil on roll, `person:<id>` for a young person not on roll (an incident person).
 */
const childKey = z.string().regex(/^(pupil|person):[1-9]\d*$/, 'Choose the children to name from the list');

/**
 * In a pupil's documents: whether entries that concern only other people (other children,
 * or adults on the incident; shared/domain/whose-entry.ts) are printed. A pupil's file goes
 * whole by default: a child-protection file sent to a new school normally includes
 * third-party information (Keeping Children Safe in Education; local transfer protocols).
 */
export const OTHER_ENTRIES_CHOICES = ['include', 'leave-out'] as const;
export type OtherEntriesChoice = (typeof OTHER_ENTRIES_CHOICES)[number];
export const DEFAULT_OTHER_ENTRIES: OtherEntriesChoice = 'include';

export const OTHER_ENTRIES_LABELS: Record<OtherEntriesChoice, string> = {
  include: 'Include them: the whole record',
  'leave-out': 'Leave them out',
};

/** "3 entries that concern only other children or people are", or the singular. */
function entriesAboutOthers(n: number): string {
  return n === 1 ? '1 entry that concerns only other children or people is' : `${n} entries that concern only other children or people are`;
}

/** The sentence on a pupil document's cover saying which was chosen, and what it meant for this copy. */
export function otherEntriesStatement(choice: OtherEntriesChoice, count: number): string {
  if (choice === 'include') {
    return count === 0 ? 'Included, as chosen; there are none in this record.' : `Included, as chosen: ${entriesAboutOthers(count)} in this copy, each saying whom it is about.`;
  }
  return count === 0 ? 'Left out, as chosen; there were none in this record.' : `Left out, as chosen: ${entriesAboutOthers(count)} not in this copy.`;
}

export const exportRequest = z
  .object({
    document: exportDocument,
    /** The children named in full; every other child is printed as a label such as "Pupil B". */
    namedChildren: z.array(childKey).max(500).default([]),
    /** Who the copy is for, printed on the cover, e.g. "Strategy meeting, 24 November 2026". */
    preparedFor: z.string().trim().max(200, 'Keep who it is for to 200 characters').default(''),
    /** Pupil documents only: entries about other people only (OTHER_ENTRIES_CHOICES); DEFAULT_OTHER_ENTRIES when left out. */
    otherEntries: z.enum(OTHER_ENTRIES_CHOICES, { error: 'Choose whether to include entries about other children' }).optional(),
    /** The person printing re-enters their own password: a printed record leaves the app's protection (decision 0016). */
    currentPassword: confirmingPassword,
  })
  .strict()
  .refine((r) => r.otherEntries === undefined || r.document.type === 'pupil-file' || r.document.type === 'pupil-chronology', {
    path: ['otherEntries'],
    message: 'Only a pupil’s documents can leave out entries about other children',
  });
