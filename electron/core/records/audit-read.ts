import type { AuditEvent } from '../audit/audit-log';
import { appendAudit } from '../audit/audit-log';
import type { UnlockedSession } from '../session/session';

/**
 * Records that someone looked at a record. A damaged database is read-only, and reading
 * it to recover what is there must still work, so then the view goes unrecorded.
 */
export async function auditView(session: UnlockedSession, event: Omit<AuditEvent, 'actorId'>): Promise<void> {
  if (!session.db.writable) return;
  // Only the audit log grows, so views derived from the records stay valid.
  await session.db
    .transaction((tx) => appendAudit(tx, { ...event, actorId: session.user.id }), { recordsUnchanged: true })
    .catch(unlessNowDamaged(session));
}

/**
 * For an audit row written while the structure check that follows sign-in may still be
 * running: if that check has just found the database damaged, the row goes unrecorded as
 * on any damaged (read-only) database, rather than failing what the person was doing.
 */
export function unlessNowDamaged(session: Pick<UnlockedSession, 'db'>): (error: unknown) => void {
  return (error) => {
    if (session.db.writable) throw error;
  };
}
