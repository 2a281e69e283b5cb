import { z } from 'zod';
import { exportDocument, exportRequest, UNPRINTABLE_SHOWN } from '../domain/exports';
import type { Spec } from './spec';

/** Printing is for the people who hold the record: DSLs, their deputies and the headteacher. */
const printers = { roles: ['dsl', 'deputy', 'head'] } as const;

const exportChild = z.object({
  key: z.string(),
  name: z.string(),
  /** Who they are in the document, e.g. "Year 9, pictured and sent". */
  description: z.string(),
  /** Named unless the DSL chooses otherwise: only the subject of a pupil's document is. */
  namedByDefault: z.boolean(),
});

/** PDF documents of the record, with the redaction chosen per audience. */
export const exportChannels = {
  'exports.options': {
    access: printers,
    input: z.object({ document: exportDocument }).strict(),
    output: z.object({
      title: z.string(),
      /** The file name the save dialog offers: no pupil's name, only the reference or the pupil id. */
      suggestedFileName: z.string(),
      entryCount: z.number().int(),
      children: z.array(exportChild),
      /** Pupil documents: how many entries concern only other children or people (null for an incident's documents). */
      aboutOthersCount: z.number().int().nullable(),
    }),
  },
  'exports.pdf': {
    access: printers,
    input: exportRequest,
    output: z.discriminatedUnion('saved', [
      z.object({
        saved: z.literal(true),
        fileName: z.string(),
        pages: z.number().int(),
        bytes: z.number().int(),
        /** Characters no font in the app could print: they show as boxes, and the export page says so. */
        unprintable: z.array(z.string()).max(UNPRINTABLE_SHOWN),
      }),
      /** The save dialog was cancelled: nothing was written. */
      z.object({ saved: z.literal(false) }),
    ]),
  },
} as const satisfies Record<string, Spec>;

export type ExportOptions = z.output<(typeof exportChannels)['exports.options']['output']>;
export type ExportChild = z.output<typeof exportChild>;
export type ExportResult = z.output<(typeof exportChannels)['exports.pdf']['output']>;
