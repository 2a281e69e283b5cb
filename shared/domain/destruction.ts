import { z } from 'zod';

/**
 * Destroying a record (issue 20 item 5, decision 0030): what the DSL confirms, what the
 * certificate keeps (the `records.destroyed` audit row's details: reference, dates, who, why,
 * counts and the content hash, never a name or anything recorded), and what they are told.
 */
export const DESTRUCTION_KINDS = ['incident', 'pupil'] as const;
export type DestructionKind = (typeof DESTRUCTION_KINDS)[number];

/** How the content hash is taken, named in every certificate so it can be recomputed. */
export const CONTENT_HASH_METHOD = 'SHA-256 of the canonical JSON of [{table, rows}] in the fixed order of decision 0030, rows by key';

export const destructionCertificate = z.object({
  kind: z.enum(DESTRUCTION_KINDS),
  /** The incident's reference, or "Pupil <id>": the certificate never holds a name. */
  reference: z.string(),
  recordId: z.number().int(),
  /** When it came to the school's attention (incident) — none for a pupil. */
  cameToAttentionOn: z.string().nullable(),
  /** When the record was first made. */
  recordedAt: z.string(),
  /** When the incident was last closed, or the pupil left; null if never. */
  closedOn: z.string().nullable(),
  decidedBy: z.number().int(),
  reason: z.string(),
  /** The last retention decision the record was due for review under, if any. */
  dueUnder: z.object({ reviewId: z.number().int(), nextReviewOn: z.string() }).nullable(),
  rows: z.record(z.string(), z.number().int().min(0)),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  hashMethod: z.string(),
});
export type DestructionCertificate = z.output<typeof destructionCertificate>;

/** The certificate as the screens and PDF show it: the audit row's place and fingerprint beside it. */
export const destructionCertificateView = destructionCertificate.extend({
  auditSeq: z.number().int(),
  at: z.string(),
  fingerprint: z.string(),
  decidedByName: z.string(),
});
export type DestructionCertificateView = z.output<typeof destructionCertificateView>;

/** The typed confirmation: the reference exactly as shown, ignoring case and surrounding spaces. */
export function confirmationMatches(typed: string, expected: string): boolean {
  return typed.trim().toLowerCase() === expected.trim().toLowerCase();
}

/** "Pupil 12": how a pupil's destruction is named where a name may not go. */
export function pupilReference(id: number): string {
  return `Pupil ${id}`;
}

/** What backups still hold, said before and after: a destruction cannot reach into them. */
export function backupsWarning(backups: { count: number; oldest: string | null }): string {
  const held =
    backups.count === 0
      ? 'No backups were found in the backup folder.'
      : `${backups.count === 1 ? 'One backup' : `${backups.count} backups`} in the backup folder${backups.oldest ? ` (the oldest made ${backups.oldest.slice(0, 10)})` : ''} may hold it.`;
  return `Backups made before today still hold this record until they age out of the backup folder (or are deleted): destruction cannot reach into them. ${held}`;
}

/** What the certificate proves, printed on it and shown beside it. */
export const CERTIFICATE_PROVES =
  'This certificate is an audit row in the records’ signed, hash-chained log: Verify checks its signature against the DSL who signed it and its place in the chain. The content hash identifies exactly what was destroyed: anyone holding an earlier copy (a backup) can recompute it from that copy’s rows and show it matches, without this certificate holding any of the content.';

/** Words for the tables a destruction counts, as a DSL would name them. */
const REMOVED_WORDS: Record<string, string> = {
  incidents: 'Incident record',
  incident_people: 'People on the incident',
  incident_versions: 'Corrections of its details',
  incident_status_changes: 'Closures, reopenings and voiding',
  entries: 'Entries (every version)',
  entry_text: 'Entries’ words in the search index',
  signatures: 'Signatures',
  drafts: 'Unsaved drafts about it',
  legal_holds: 'Released legal holds',
  retention_reviews: 'Retention decisions',
  practice_sessions: 'Practice scenario worked on it (practice records only)',
  pupils: 'Pupil record',
  transfers: 'Transfers of the child-protection file',
  received_files: 'Files received from other schools',
};

/** What a destruction removed (or would remove), kind by kind, in words with their counts: the page and the certificate's PDF alike. */
export function removedRows(rows: Record<string, number>): [string, string][] {
  return Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => [REMOVED_WORDS[table] ?? table, String(n)]);
}
