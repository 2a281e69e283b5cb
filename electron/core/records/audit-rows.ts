import { auditFacts, auditIdsNamed, auditSubject, type AuditNameKind } from '../../../shared/domain/audit-subjects';
import type { AuditRowView } from '../../../shared/domain/read-models/audit-row';
import { auditNames, recentAuditRows } from '../db/audit-queries';
import type { Executor } from '../db/connection';

/**
 * A page of the audit log for reading, newest first: each row's subject and details name
 * what they are about (an incident's reference, an entry's incident, kind and date, people
 * by name), looked up in one query for the page rather than one per row.
 */
export async function auditPage(db: Pick<Executor, 'all'>, beforeSeq: number | undefined, limit: number): Promise<AuditRowView[]> {
  const rows = (await recentAuditRows(db, beforeSeq, limit)).map((row) => ({ row, details: JSON.parse(row.details) as Record<string, unknown> }));
  const ids: Record<AuditNameKind, Set<number>> = { incidents: new Set(), entries: new Set(), pupils: new Set(), people: new Set(), staff: new Set() };
  for (const { row, details } of rows) {
    for (const { kind, id } of auditIdsNamed(row.subject_type, row.subject_id, details)) ids[kind].add(id);
  }
  const names = await auditNames(db, {
    incidents: [...ids.incidents],
    entries: [...ids.entries],
    pupils: [...ids.pupils],
    people: [...ids.people],
    staff: [...ids.staff],
  });
  return rows.map(({ row, details }) => {
    const subject = auditSubject(row.subject_type, row.subject_id, names);
    return {
      seq: row.seq,
      at: row.at,
      actorName: row.actor_name,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      subject,
      facts: auditFacts(row.action, details, names, { subject, actorName: row.actor_name }),
      details,
    };
  });
}
