import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { GENESIS_HASH, type AuditAction } from '../../../shared/domain/audit';
import type { Executor } from '../db/connection';
import { auditRowsAfter, insertAuditRow, lastAuditLink, type AuditRow } from '../db/audit-queries';

export type AuditEvent = {
  action: AuditAction;
  actorId: number | null;
  at: Date;
  subjectType?: string;
  subjectId?: string | number;
  /** Never a pupil's name: ids and references only, so the log can be shown to a technician. */
  details?: Record<string, unknown>;
};

function hashRow(row: Omit<AuditRow, 'hash'>): string {
  const { prev_hash, ...content } = row;
  return createHash('sha256').update(prev_hash).update('\n').update(canonicalJson(content)).digest('hex');
}

/**
 * Appends one row, chained to the previous row's hash. Call inside the transaction that
 * makes the change, so the change and its audit row commit (or fail) together.
 */
export async function appendAudit(tx: Executor, event: AuditEvent): Promise<AuditLink> {
  const row = chainedRow(await lastAuditLink(tx), event);
  await insertAuditRow(tx, row);
  return { seq: row.seq, hash: row.hash };
}

/** The end of the chain: the newest row's place and hash. */
export type AuditLink = { seq: number; hash: string };

/** The row that follows `last` (undefined: the first row of the log), hashed. */
export function chainedRow(last: AuditLink | undefined, event: AuditEvent): AuditRow {
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: event.at.toISOString(),
    actor_id: event.actorId,
    action: event.action,
    subject_type: event.subjectType ?? null,
    subject_id: event.subjectId === undefined ? null : String(event.subjectId),
    details: canonicalJson(event.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  return { ...row, hash: hashRow(row) };
}

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBrokenSeq: number; reason: string };

/** Walks the whole chain and names the first row whose content, link or place is wrong. */
export async function verifyAuditChain(db: Pick<Executor, 'all'>): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await auditRowsAfter(db, expectedSeq - 1, 1000);
    if (page.length === 0) return { ok: true, rows };
    for (const row of page) {
      const broken = (reason: string): AuditVerification => ({ ok: false, rows, firstBrokenSeq: expectedSeq, reason });
      if (row.seq !== expectedSeq) return broken(`row ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return broken('it does not link to the row before it');
      const { hash, ...content } = row;
      if (hashRow(content) !== hash) return broken('its content does not match its hash');
      prevHash = hash;
      expectedSeq += 1;
      rows += 1;
    }
  }
}
