import { z } from 'zod';
import { ENTRY_KINDS } from '../entries/kinds';
import { SIGNATURE_MEANING_KEYS } from '../signatures';

/** A signature on one version of an entry, with the hash of the content it signed. */
export const signature = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  signerId: z.number().int(),
  signerName: z.string(),
  signerRole: z.string(),
  meaning: z.enum(SIGNATURE_MEANING_KEYS),
  signedAt: z.string(),
  contentHash: z.string(),
  witnessedByName: z.string(),
});

/** One version of an entry: a change is a new version that supersedes the last, never an edit. */
export const entryVersion = z.object({
  id: z.number().int(),
  entryKey: z.string(),
  incidentId: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  version: z.number().int(),
  supersedesId: z.number().int().nullable(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  authorId: z.number().int(),
  authorName: z.string(),
  body: z.record(z.string(), z.unknown()),
  amendmentReason: z.string().nullable(),
  contentHash: z.string(),
  latest: z.boolean(),
  backdated: z.boolean(),
  summary: z.string(),
  signatures: z.array(signature),
});

export type Signature = z.output<typeof signature>;
export type EntryVersion = z.output<typeof entryVersion>;
