import { z } from 'zod';

/** The documents the DSL can print for inter-agency meetings or a child-protection file transfer. */
export const EXPORT_DOCUMENTS = ['incident-report', 'incident-chronology', 'pupil-chronology', 'pupil-file'] as const;
export type ExportDocumentType = (typeof EXPORT_DOCUMENTS)[number];

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
export const childKey = z.string().regex(/^(pupil|person):[1-9]\d*$/, 'Choose the children to name from the list');
export type ChildKey = z.output<typeof childKey>;

export const exportRequest = z
  .object({
    document: exportDocument,
    /** The children named in full; every other child is printed as a label such as "Pupil B". */
    namedChildren: z.array(childKey).max(500).default([]),
    /** Who the copy is for, printed on the cover, e.g. "Strategy meeting, 24 November 2026". */
    preparedFor: z.string().trim().max(200, 'Keep who it is for to 200 characters').default(''),
  })
  .strict();
export type ExportRequest = z.output<typeof exportRequest>;
