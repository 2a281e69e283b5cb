import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { GENESIS_HASH, type AuditAction } from '../../../shared/domain/audit';
import type { AuditSigner, Executor } from '../db/connection';
import { auditRowsAfter, insertAuditRow, lastAuditLink, type AuditRow } from '../db/audit-queries';
import { takeChangedRows } from '../db/protected-rows';
import { DELETED, rowStateHash, stateKey } from '../integrity/row-state';

export type AuditEvent = {
  action: AuditAction;
  actorId: number | null;
  at: Date;
  subjectType?: string;
  subjectId?: string | number;
  /** Never a pupil's name: ids and references only, so the log can be shown to a technician. */
  details?: Record<string, unknown>;
  /** States of rows this row vouches for beyond those changed in its transaction: the baseline when signing begins. */
  baselineStates?: Record<string, string>;
};

type HashedContent = Pick<AuditRow, 'seq' | 'at' | 'actor_id' | 'action' | 'subject_type' | 'subject_id' | 'details' | 'prev_hash' | 'states'>;

/**
 * The row's hash: its content after the previous row's hash. Rows written before signing
 * began have no states, and hash exactly as they always did.
 */
export function hashRow(row: HashedContent): string {
  const { seq, at, actor_id, action, subject_type, subject_id, details, prev_hash, states } = row;
  const content = { seq, at, actor_id, action, subject_type, subject_id, details, ...(states === null ? {} : { states }) };
  return createHash('sha256').update(prev_hash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** What a row's signature covers: its hash (so its content and place in the chain) and who signed. */
export function signedText(hash: string, signerId: number | null): string {
  return canonicalJson({ hash, signer: signerId });
}

/**
 * Appends one row, chained to the previous row's hash, recording the state every protected
 * row changed in this transaction was left in, signed by the session's person. Call inside
 * the transaction that makes the change, after the change, so both commit (or fail) together.
 */
export async function appendAudit(tx: Executor, event: AuditEvent): Promise<AuditLink> {
  const changed = await takeChangedRows(tx);
  const all = {
    ...event.baselineStates,
    ...Object.fromEntries(changed.map(({ table, key, row }) => [stateKey(table, key), row === undefined ? DELETED : rowStateHash(table, row)])),
  };
  const states = Object.keys(all).length === 0 ? null : all;
  const row = chainedRow(await lastAuditLink(tx), event, tx.signer, states);
  await insertAuditRow(tx, row);
  return { seq: row.seq, hash: row.hash };
}

/** The end of the chain: the newest row's place and hash. */
export type AuditLink = { seq: number; hash: string };

/** The row that follows `last` (undefined: the first row of the log), hashed and signed. */
export function chainedRow(
  last: AuditLink | undefined,
  event: AuditEvent,
  signer: AuditSigner | null,
  states: Record<string, string> | null = null,
): AuditRow {
  // Every row since signing began is signed: one that could not be would be a forgery's shape.
  if (!signer) throw new Error('No one is signed in to sign this audit row.');
  const content: HashedContent = {
    seq: (last?.seq ?? 0) + 1,
    at: event.at.toISOString(),
    actor_id: event.actorId,
    action: event.action,
    subject_type: event.subjectType ?? null,
    subject_id: event.subjectId === undefined ? null : String(event.subjectId),
    details: canonicalJson(event.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
    states: states === null ? null : canonicalJson(states),
  };
  const hash = hashRow(content);
  return { ...content, hash, signer_id: signer.id, signature: signer.sign(signedText(hash, signer.id)) };
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
      if (hashRow(row) !== row.hash) return broken('its content does not match its hash');
      prevHash = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
  }
}
