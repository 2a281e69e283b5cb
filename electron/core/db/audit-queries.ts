import { z } from 'zod';
import type { Database, Executor, SqlValue } from './connection';

const auditLinkRow = z.object({ seq: z.number().int(), hash: z.string() });

const auditRow = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor_id: z.number().int().nullable(),
  action: z.string(),
  subject_type: z.string().nullable(),
  subject_id: z.string().nullable(),
  details: z.string(),
  prev_hash: z.string(),
  hash: z.string(),
});
export type AuditRow = z.infer<typeof auditRow>;

export async function lastAuditLink(tx: Executor): Promise<{ seq: number; hash: string } | undefined> {
  const row = await tx.get('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  return row ? auditLinkRow.parse(row) : undefined;
}

const INSERT_AUDIT_ROW = `INSERT INTO audit (seq, at, actor_id, action, subject_type, subject_id, details, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function auditParams(row: AuditRow): SqlValue[] {
  return [row.seq, row.at, row.actor_id, row.action, row.subject_type, row.subject_id, row.details, row.prev_hash, row.hash];
}

export async function insertAuditRow(tx: Executor, row: AuditRow): Promise<void> {
  await tx.run(INSERT_AUDIT_ROW, auditParams(row));
}

/** The row as a statement of its own: an audit-only append, so the records are unchanged. */
export async function insertAuditRowAlone(db: Database, row: AuditRow): Promise<void> {
  await db.runAlone(INSERT_AUDIT_ROW, auditParams(row), { recordsUnchanged: true });
}

/** Rows in sequence order, a page at a time, so verifying a long log holds little in memory. */
export async function auditRowsAfter(tx: Pick<Executor, 'all'>, afterSeq: number, limit: number): Promise<AuditRow[]> {
  const rows = await tx.all('SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?', [afterSeq, limit]);
  return rows.map((row) => auditRow.parse(row));
}

/** Newest first, for the Audit screen, with the acting person's name. */
export async function recentAuditRows(db: Pick<Executor, 'all'>, beforeSeq: number | undefined, limit: number) {
  const rows = await db.all(
    `SELECT a.*, s.name AS actor_name FROM audit a LEFT JOIN staff s ON s.id = a.actor_id
     WHERE (?1 IS NULL OR a.seq < ?1) ORDER BY a.seq DESC LIMIT ?2`,
    [beforeSeq ?? null, limit],
  );
  return rows.map((row) => ({ ...auditRow.parse(row), actor_name: z.string().nullable().parse(row.actor_name) }));
}

/** Whether anything but reading has been recorded since the newest `backup` row (or ever, without one). */
export async function changedSinceLastBackup(db: Pick<Executor, 'get'>, nonChanging: readonly string[]): Promise<boolean> {
  const placeholders = nonChanging.map(() => '?').join(', ');
  const row = await db.get(
    `SELECT EXISTS (
       SELECT 1 FROM audit
       WHERE seq > COALESCE((SELECT MAX(seq) FROM audit WHERE action = 'backup'), 0)
         AND action NOT IN (${placeholders})
     ) AS changed`,
    [...nonChanging],
  );
  return row?.changed === 1;
}
