import { appendAudit, chainedRow, type AuditEvent, type AuditLink } from './audit-log';
import { insertAuditRowAlone } from '../db/audit-queries';
import { isDatabaseError } from '../db/errors';
import type { UnlockedSession } from '../session/session';

/**
 * Records that someone looked at a record. A damaged database is read-only, and reading
 * it to recover what is there must still work, so then the view goes unrecorded.
 */
export async function auditView(session: UnlockedSession, event: Omit<AuditEvent, 'actorId'>): Promise<void> {
  if (!session.db.writable) return;
  const full = { ...event, actorId: session.user.id };
  try {
    if (session.auditLink && (await appendAfter(session, session.auditLink, full))) return;
    // Only the audit log grows, so views derived from the records stay valid.
    session.auditLink = await session.db.transaction((tx) => appendAudit(tx, full), { recordsUnchanged: true });
  } catch (error) {
    unlessNowDamaged(session)(error);
  }
}

/**
 * Appends the row that follows `link` in one statement. If anything was appended after
 * `link` (a change to the records, another connection), the row at that place already
 * exists and the insert fails on the primary key: false, and the caller reads the chain's
 * end inside a transaction instead. So the chain can never fork.
 */
async function appendAfter(session: UnlockedSession, link: AuditLink, event: AuditEvent): Promise<boolean> {
  const row = chainedRow(link, event, session.db.signer);
  try {
    await insertAuditRowAlone(session.db, row);
  } catch (error) {
    if (isDatabaseError(error, 'conflict')) return false;
    throw error;
  }
  session.auditLink = { seq: row.seq, hash: row.hash };
  return true;
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
