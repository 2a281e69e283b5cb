import { z } from 'zod';
import type { AuditEntryName, AuditNameKind, AuditNames } from '../../../shared/domain/audit-subjects';
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
  // Null on rows written before signing began (decision 0017).
  states: z.string().nullable().default(null),
  signer_id: z.number().int().nullable().default(null),
  signature: z.string().nullable().default(null),
});
export type AuditRow = z.infer<typeof auditRow>;

export async function lastAuditLink(tx: Pick<Executor, 'get'>): Promise<{ seq: number; hash: string } | undefined> {
  const row = await tx.get('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  return row ? auditLinkRow.parse(row) : undefined;
}

/** The hash of the row at `seq`, or undefined if there is none: whether the chain holds an anchor. */
export async function auditHashAt(db: Pick<Executor, 'get'>, seq: number): Promise<string | undefined> {
  const row = await db.get('SELECT seq, hash FROM audit WHERE seq = ?', [seq]);
  return row ? auditLinkRow.parse(row).hash : undefined;
}

const INSERT_AUDIT_ROW = `INSERT INTO audit (seq, at, actor_id, action, subject_type, subject_id, details, prev_hash, hash, states, signer_id, signature)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function auditParams(row: AuditRow): SqlValue[] {
  return [row.seq, row.at, row.actor_id, row.action, row.subject_type, row.subject_id, row.details, row.prev_hash, row.hash, row.states, row.signer_id, row.signature];
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

const auditNameRow = z.object({
  type: z.enum(['incidents', 'entries', 'pupils', 'people', 'staff']),
  id: z.number().int(),
  name: z.string().nullable(),
  reference: z.string().nullable(),
  kind: z.string().nullable(),
  occurred_at: z.string().nullable(),
  version: z.number().int().nullable(),
});

/**
 * What the ids on a page of audit rows name, in one query for the whole page: incidents'
 * references, entries' incident, kind, date and version, pupils', people's and staff names.
 */
export async function auditNames(db: Pick<Executor, 'all'>, ids: Readonly<Record<AuditNameKind, readonly number[]>>): Promise<AuditNames> {
  const rows = await db.all(
    `SELECT 'incidents' AS type, id, NULL AS name, reference, NULL AS kind, NULL AS occurred_at, NULL AS version
       FROM incidents WHERE id IN (SELECT value FROM json_each(?1))
     UNION ALL
     SELECT 'entries', e.id, NULL, i.reference, e.kind, e.occurred_at, e.version
       FROM entries e JOIN incidents i ON i.id = e.incident_id WHERE e.id IN (SELECT value FROM json_each(?2))
     UNION ALL
     SELECT 'pupils', id, first_name || ' ' || last_name, NULL, NULL, NULL, NULL
       FROM pupils WHERE id IN (SELECT value FROM json_each(?3))
     UNION ALL
     SELECT 'people', p.id, coalesce(u.first_name || ' ' || u.last_name, p.other_name), NULL, NULL, NULL, NULL
       FROM incident_people p LEFT JOIN pupils u ON u.id = p.pupil_id WHERE p.id IN (SELECT value FROM json_each(?4))
     UNION ALL
     SELECT 'staff', id, name, NULL, NULL, NULL, NULL
       FROM staff WHERE id IN (SELECT value FROM json_each(?5))`,
    [ids.incidents, ids.entries, ids.pupils, ids.people, ids.staff].map((list) => JSON.stringify(list)),
  );
  const names = { incidents: new Map<number, string>(), entries: new Map<number, AuditEntryName>(), pupils: new Map<number, string>(), people: new Map<number, string>(), staff: new Map<number, string>() };
  for (const row of rows.map((r) => auditNameRow.parse(r))) {
    if (row.type === 'entries') {
      names.entries.set(row.id, { reference: row.reference ?? '', kind: row.kind ?? '', occurredAt: row.occurred_at ?? '', version: row.version ?? 1 });
    } else if (row.type === 'incidents') {
      names.incidents.set(row.id, row.reference ?? '');
    } else {
      names[row.type].set(row.id, row.name ?? '');
    }
  }
  return names;
}

const failedSignInRow = z.object({ at: z.string(), details: z.string(), subject_id: z.string().nullable(), staff_name: z.string().nullable() });

/**
 * The failed sign-ins written since `staffId` last signed in, newest first: the rows after
 * their previous `login.success` and before `beforeSeq` (this sign-in's own row).
 */
export async function failedSignInsSince(db: Pick<Executor, 'all' | 'get'>, staffId: number, beforeSeq: number, limit: number) {
  const where = `a.action = 'login.failed' AND a.seq < ?2 AND a.seq > COALESCE(
      (SELECT MAX(seq) FROM audit WHERE action = 'login.success' AND actor_id = ?1 AND seq < ?2), 0)`;
  const total = z.object({ n: z.number().int() }).parse(await db.get(`SELECT COUNT(*) AS n FROM audit a WHERE ${where}`, [staffId, beforeSeq]));
  const rows = await db.all(
    `SELECT a.at, a.details, a.subject_id, s.name AS staff_name FROM audit a
     LEFT JOIN staff s ON a.subject_type = 'staff' AND s.id = CAST(a.subject_id AS INTEGER)
     WHERE ${where} ORDER BY a.seq DESC LIMIT ?3`,
    [staffId, beforeSeq, limit],
  );
  return { count: total.n, rows: rows.map((row) => failedSignInRow.parse(row)) };
}

/** When `action` was last recorded, or null if never. */
export async function lastActionAt(db: Pick<Executor, 'get'>, action: string): Promise<string | null> {
  const row = await db.get('SELECT at FROM audit WHERE action = ? ORDER BY seq DESC LIMIT 1', [action]);
  return typeof row?.at === 'string' ? row.at : null;
}
