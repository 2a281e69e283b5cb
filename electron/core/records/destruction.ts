import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import {
  CONTENT_HASH_METHOD,
  destructionCertificate,
  pupilReference,
  type DestructionCertificate,
  type DestructionCertificateView,
} from '../../../shared/domain/destruction';
import { destructionBlockedBy } from '../../../shared/domain/legal-holds';
import type { Executor, Row } from '../db/connection';
import {
  destructionAuditRows,
  incidentForCertificate,
  incidentsNamingPupil,
  lastRetentionReview,
  pupilForCertificate,
  rowsToDestroy,
  type DestructionTarget,
} from '../db/destruction-queries';
import { activeHoldsFor } from '../db/legal-hold-queries';
import { findStaffById } from '../db/staff-queries';
import { AppError } from '../errors';

/** The SHA-256 of what is destroyed: every row, table by table in a fixed order, as canonical JSON. */
function destroyedContentHash(parts: readonly { table: string; rows: readonly Row[] }[]): string {
  return createHash('sha256').update(canonicalJson(parts.map((p) => ({ table: p.table, rows: p.rows })))).digest('hex');
}

/** The record as the certificate will describe it, and what stops it being destroyed now. */
export type DestructionSubject = {
  reference: string;
  /** What the DSL types to confirm (the incident's reference, or the pupil's name). */
  confirmAs: string;
  cameToAttentionOn: string | null;
  recordedAt: string;
  closedOn: string | null;
  refusal: string | null;
};

export async function destructionSubject(tx: Pick<Executor, 'get' | 'all'>, target: DestructionTarget): Promise<DestructionSubject> {
  if (target.kind === 'incident') {
    const incident = await incidentForCertificate(tx, target.id);
    if (!incident) throw new AppError('not_found', 'That incident is not in the records: it may already have been destroyed.');
    return {
      reference: incident.reference,
      confirmAs: incident.reference,
      cameToAttentionOn: incident.came_to_attention_on,
      recordedAt: incident.created_at,
      closedOn: incident.status === 'closed' ? incident.closed_at : null,
      refusal: destructionBlockedBy(await activeHoldsFor(tx, { incidentId: target.id })),
    };
  }
  const pupil = await pupilForCertificate(tx, target.id);
  if (!pupil) throw new AppError('not_found', 'That pupil is not in the records: their record may already have been destroyed.');
  const naming = await incidentsNamingPupil(tx, target.id);
  const named =
    naming > 0
      ? `${naming === 1 ? 'An incident still names' : `${naming} incidents still name`} this pupil, so their record cannot be destroyed: destroy ${naming === 1 ? 'that incident' : 'those incidents'} first, when ${naming === 1 ? 'it is' : 'they are'} due.`
      : null;
  return {
    reference: pupilReference(target.id),
    confirmAs: `${pupil.first_name} ${pupil.last_name}`,
    cameToAttentionOn: null,
    recordedAt: pupil.created_at,
    closedOn: pupil.left_on,
    refusal: named ?? destructionBlockedBy(await activeHoldsFor(tx, { pupilId: target.id })),
  };
}

/** How many rows of each table destroying the record removes. */
export function rowCounts(parts: readonly { table: string; rows: readonly Row[] }[]): Record<string, number> {
  return Object.fromEntries(parts.map((p) => [p.table, p.rows.length]));
}

/** The certificate's content, read inside the destroying transaction before anything is deleted. */
export async function certificateFor(
  tx: Pick<Executor, 'get' | 'all'>,
  target: DestructionTarget,
  subject: DestructionSubject,
  decided: { by: number; reason: string },
): Promise<DestructionCertificate> {
  const parts = await rowsToDestroy(tx, target);
  const review = await lastRetentionReview(tx, target);
  return {
    kind: target.kind,
    reference: subject.reference,
    recordId: target.id,
    cameToAttentionOn: subject.cameToAttentionOn,
    recordedAt: subject.recordedAt,
    closedOn: subject.closedOn,
    decidedBy: decided.by,
    reason: decided.reason,
    dueUnder: review ? { reviewId: review.id, nextReviewOn: review.next_review_on } : null,
    rows: rowCounts(parts),
    contentHash: destroyedContentHash(parts),
    hashMethod: CONTENT_HASH_METHOD,
  };
}

/** The certificates in the audit log, newest first (or the one at `seq`), as the screens and the PDF show them. */
export async function destructionCertificates(db: Pick<Executor, 'all' | 'get'>, seq?: number): Promise<DestructionCertificateView[]> {
  const out: DestructionCertificateView[] = [];
  for (const row of await destructionAuditRows(db, seq)) {
    const parsed = destructionCertificate.safeParse(JSON.parse(row.details));
    if (!parsed.success) continue;
    const by = await findStaffById(db, parsed.data.decidedBy);
    out.push({ ...parsed.data, auditSeq: row.seq, at: row.at, fingerprint: row.hash, decidedByName: by?.name ?? `staff ${parsed.data.decidedBy}` });
  }
  return out;
}
