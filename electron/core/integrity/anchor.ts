import { z } from 'zod';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { signBytes, verifyBytes, type PersonKeys } from '../vault/person-keys';
import type { RosterVersion } from './roster';

/**
 * The end of the audit chain as someone signed in saw it: its last row's place and hash,
 * signed by them (decision 0017). Kept outside the database (the key file, a file of this
 * computer's outside the data folder, every backup's header, every printed PDF), so that
 * deleting rows from the end of the log, or putting an older copy of the folder back, shows.
 */
export const signedAnchor = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  rosterVersion: z.number().int().min(0),
  at: z.iso.datetime(),
  signerId: z.number().int().nullable(),
  signature: z.string(),
});
export type SignedAnchor = z.infer<typeof signedAnchor>;

function anchorText(anchor: Omit<SignedAnchor, 'signature'>): string {
  const { seq, hash, rosterVersion, at, signerId } = anchor;
  return canonicalJson({ kind: 'ypsi-records-anchor', seq, hash, rosterVersion, at, signerId });
}

export function makeAnchor(end: { seq: number; hash: string }, rosterVersion: number, at: Date, signer: { id: number | null; keys: PersonKeys }): SignedAnchor {
  const unsigned = { seq: end.seq, hash: end.hash, rosterVersion, at: at.toISOString(), signerId: signer.id };
  return { ...unsigned, signature: signBytes(signer.keys, anchorText(unsigned)) };
}

/** Whether the anchor is signed by a key some version of the roster gave its signer. */
export function verifyAnchor(anchor: SignedAnchor, versions: readonly RosterVersion[]): { ok: boolean } {
  const text = anchorText(anchor);
  for (const { roster } of versions) {
    const key = anchor.signerId === null ? roster.recovery?.sign : roster.members.find((m) => m.id === anchor.signerId)?.sign;
    if (key && verifyBytes(key, text, anchor.signature)) return { ok: true };
  }
  return { ok: false };
}

/** An anchor read from somewhere, or undefined if what is there is not one. */
export function parseAnchor(value: unknown): SignedAnchor | undefined {
  const parsed = signedAnchor.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
