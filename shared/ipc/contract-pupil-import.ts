import { z } from 'zod';
import { columnMapping, IMPORT_FIELDS } from '../domain/pupils/import-fields';
import { YEAR_GROUPS } from '../domain/pupils';
import type { Spec } from './spec';

/**
 * Pupils from the school's MIS (issue 21): read a file, preview what it would change, apply
 * exactly that. Whoever may add pupils today may import them (the DSL and a deputy).
 */
const importers = { roles: ['dsl', 'deputy'] } as const;

const fileId = z.string().min(1).max(100);
const candidate = z.object({ id: z.number().int(), name: z.string(), dateOfBirth: z.string(), upn: z.string() });
const problem = z.object({ line: z.number().int(), reason: z.string() });

const importPreview = z.object({
  newPupils: z.array(z.object({ line: z.number().int(), name: z.string(), dateOfBirth: z.string(), yearGroup: z.enum(YEAR_GROUPS), upn: z.string() })),
  changes: z.array(z.object({ line: z.number().int(), pupilId: z.number().int(), name: z.string(), changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })) })),
  unchanged: z.number().int(),
  duplicates: z.array(
    z.object({ line: z.number().int(), name: z.string(), dateOfBirth: z.string(), upn: z.string(), reason: z.string(), candidates: z.array(candidate), mayBeNew: z.boolean() }),
  ),
  problems: z.array(problem),
  notInFile: z.array(candidate),
  /** What the preview showed, so the apply can refuse when the register changed in between. */
  planHash: z.string(),
});
export type ImportPreview = z.output<typeof importPreview>;

const duplicateChoice = z.object({
  line: z.number().int().positive(),
  choice: z.discriminatedUnion('kind', [z.object({ kind: z.literal('pupil'), pupilId: z.number().int().positive() }), z.object({ kind: z.literal('new') }), z.object({ kind: z.literal('skip') })]),
});

export const pupilImportChannels = {
  /** Asks for the file (the open-file dialog), reads it, and offers a mapping of its headings. Null when cancelled. */
  'pupilImport.read': {
    access: importers,
    input: z.object({}).strict(),
    output: z
      .object({
        fileId,
        fileName: z.string(),
        format: z.enum(['csv', 'ctf']),
        rowCount: z.number().int(),
        headings: z.array(z.object({ heading: z.string(), field: z.enum(IMPORT_FIELDS).nullable(), example: z.string() })),
        needsMapping: z.boolean(),
      })
      .nullable(),
  },
  'pupilImport.preview': {
    access: importers,
    input: z.object({ fileId, mapping: columnMapping }).strict(),
    output: importPreview,
  },
  'pupilImport.apply': {
    access: importers,
    input: z
      .object({ fileId, mapping: columnMapping, planHash: z.string(), choices: z.array(duplicateChoice).max(5000), stopIfAnyWrong: z.boolean() })
      .strict(),
    output: z.object({ added: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), skipped: z.number().int(), notTaken: z.number().int() }),
  },
} as const satisfies Record<string, Spec>;
