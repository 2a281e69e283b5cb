import { z } from 'zod';
import type { Executor, Row } from './connection';

/**
 * What destroying a record removes, table by table, in the fixed order its content hash is
 * taken in (decision 0030). Each table's rows are read ordered by their key, so the same
 * records always give the same hash. Pupils named on an incident are not part of it: a
 * pupil's record is destroyed on its own.
 */
const INCIDENT_PARTS = [
  { table: 'incidents', key: 'id', where: 'id = ?1' },
  { table: 'incident_people', key: 'id', where: 'incident_id = ?1' },
  { table: 'incident_versions', key: 'id', where: 'incident_id = ?1' },
  { table: 'incident_status_changes', key: 'id', where: 'incident_id = ?1' },
  { table: 'entries', key: 'id', where: 'incident_id = ?1' },
  { table: 'entry_text', key: 'entry_id', where: 'entry_id IN (SELECT id FROM entries WHERE incident_id = ?1)' },
  { table: 'signatures', key: 'id', where: 'entry_id IN (SELECT id FROM entries WHERE incident_id = ?1)' },
  { table: 'drafts', key: 'id', where: 'incident_id = ?1' },
  { table: 'legal_holds', key: 'id', where: 'incident_id = ?1' },
  { table: 'retention_reviews', key: 'id', where: 'incident_id = ?1' },
  // Only ever in the practice records (decision 0032), where practising destruction must work too.
  { table: 'practice_sessions', key: 'id', where: 'incident_id = ?1' },
] as const;

const PUPIL_PARTS = [
  { table: 'pupils', key: 'id', where: 'id = ?1' },
  { table: 'transfers', key: 'id', where: 'pupil_id = ?1' },
  { table: 'received_files', key: 'id', where: 'pupil_id = ?1' },
  { table: 'legal_holds', key: 'id', where: 'pupil_id = ?1' },
  { table: 'retention_reviews', key: 'id', where: 'pupil_id = ?1' },
] as const;

export type DestructionTarget = { kind: 'incident'; id: number } | { kind: 'pupil'; id: number };

type Part = { readonly table: string; readonly key: string; readonly where: string };

function partsOf(target: DestructionTarget): readonly Part[] {
  return target.kind === 'incident' ? INCIDENT_PARTS : PUPIL_PARTS;
}

/** Every row that destroying the record removes, by table, in the hash's order. */
export async function rowsToDestroy(tx: Pick<Executor, 'all'>, target: DestructionTarget): Promise<{ table: string; rows: Row[] }[]> {
  const out: { table: string; rows: Row[] }[] = [];
  for (const part of partsOf(target)) {
    out.push({ table: part.table, rows: await tx.all(`SELECT * FROM ${part.table} WHERE ${part.where} ORDER BY ${part.key}`, [target.id]) });
  }
  return out;
}

/**
 * Deletes them. The search index is external-content FTS5 over entry_text, so its tokens are
 * taken out through the index's own 'delete' command with the text it was given (deleting the
 * content row alone would leave them in the index), and 'optimize' then merges the index's
 * segments so the old ones, which still hold the words, are freed
 * (https://www.sqlite.org/fts5.html, "The 'delete' command" and "The 'optimize' command").
 * Append-only rows are deleted under a permit for this incident, made first and removed last
 * (migration 016).
 */
export async function deleteDestroyedRows(tx: Executor, target: DestructionTarget): Promise<void> {
  if (target.kind === 'incident') {
    await tx.run('INSERT INTO destruction_permits (incident_id) VALUES (?)', [target.id]);
    await tx.run(
      `INSERT INTO entry_search (entry_search, rowid, text)
         SELECT 'delete', entry_id, text FROM entry_text WHERE entry_id IN (SELECT id FROM entries WHERE incident_id = ?) ORDER BY entry_id`,
      [target.id],
    );
  }
  // Children before what they refer to (signatures and words before entries, everything before the incident or pupil).
  for (const part of [...partsOf(target)].reverse()) await tx.run(`DELETE FROM ${part.table} WHERE ${part.where}`, [target.id]);
  if (target.kind === 'incident') {
    await tx.run("INSERT INTO entry_search (entry_search) VALUES ('optimize')");
    await tx.run('DELETE FROM destruction_permits WHERE incident_id = ?', [target.id]);
  }
}

const incidentDates = z.object({
  reference: z.string(),
  came_to_attention_on: z.string(),
  created_at: z.string(),
  status: z.string(),
  closed_at: z.string().nullable(),
});

/** What the certificate keeps of an incident: its reference and dates, never its title or content. */
export async function incidentForCertificate(tx: Pick<Executor, 'get'>, id: number): Promise<z.output<typeof incidentDates> | undefined> {
  const row = await tx.get(
    `SELECT i.reference, i.came_to_attention_on, i.created_at, i.status,
       (SELECT max(c.changed_at) FROM incident_status_changes c WHERE c.incident_id = i.id AND c.change = 'closed') AS closed_at
     FROM incidents i WHERE i.id = ?`,
    [id],
  );
  return row === undefined ? undefined : incidentDates.parse(row);
}

const pupilDates = z.object({ created_at: z.string(), left_on: z.string().nullable(), first_name: z.string(), last_name: z.string() });

/** A pupil's dates (and, for the typed confirmation only, their name: the certificate never holds it). */
export async function pupilForCertificate(tx: Pick<Executor, 'get'>, id: number): Promise<z.output<typeof pupilDates> | undefined> {
  const row = await tx.get('SELECT created_at, left_on, first_name, last_name FROM pupils WHERE id = ?', [id]);
  return row === undefined ? undefined : pupilDates.parse(row);
}

/** How many incidents still name the pupil, removed people included (their rows still refer to the pupil). */
export async function incidentsNamingPupil(tx: Pick<Executor, 'get'>, pupilId: number): Promise<number> {
  const row = await tx.get('SELECT count(DISTINCT incident_id) AS n FROM incident_people WHERE pupil_id = ?', [pupilId]);
  return z.object({ n: z.number().int() }).parse(row).n;
}

const review = z.object({ id: z.number().int(), next_review_on: z.string(), decided_at: z.string() });

/** The last retention decision on the record: the review the destruction was due under, if any. */
export async function lastRetentionReview(tx: Pick<Executor, 'get'>, target: DestructionTarget): Promise<z.output<typeof review> | undefined> {
  const column = target.kind === 'incident' ? 'incident_id' : 'pupil_id';
  const row = await tx.get(`SELECT id, next_review_on, decided_at FROM retention_reviews WHERE ${column} = ? ORDER BY id DESC LIMIT 1`, [target.id]);
  return row === undefined ? undefined : review.parse(row);
}

const certificateRow = z.object({ seq: z.number().int(), at: z.string(), hash: z.string(), signer_id: z.number().int().nullable(), details: z.string() });

/** The destruction certificates: the `records.destroyed` audit rows, newest first, or the one at `seq`. */
export async function destructionAuditRows(db: Pick<Executor, 'all'>, seq?: number): Promise<z.output<typeof certificateRow>[]> {
  const rows = await db.all(
    `SELECT seq, at, hash, signer_id, details FROM audit WHERE action = 'records.destroyed' AND (?1 IS NULL OR seq = ?1) ORDER BY seq DESC`,
    [seq ?? null],
  );
  return rows.map((r) => certificateRow.parse(r));
}
