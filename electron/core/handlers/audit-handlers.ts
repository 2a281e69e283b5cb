import { appendAudit, verifyAuditChain } from '../audit/audit-log';
import { recentAuditRows } from '../db/audit-queries';
import type { Handlers } from './types';

export const auditHandlers = {
  'audit.verify': async (_input, ctx) => {
    const { db, user } = ctx.session;
    const result = await verifyAuditChain(db);
    if (db.writable) {
      await db.transaction((tx) =>
        appendAudit(tx, { action: 'audit.verified', actorId: user.id, at: ctx.now(), details: result.ok ? { ok: true, rows: result.rows } : { ok: false, firstBrokenSeq: result.firstBrokenSeq } }),
      );
    }
    return result;
  },

  'audit.list': async ({ beforeSeq, limit }, ctx) => {
    const rows = await recentAuditRows(ctx.session.db, beforeSeq, limit);
    return rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actorName: row.actor_name,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));
  },
} satisfies Partial<Handlers>;
