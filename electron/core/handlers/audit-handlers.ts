import { appendAudit, verifyAuditChain } from '../audit/audit-log';
import { auditPage } from '../records/audit-rows';
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

  'audit.list': async ({ beforeSeq, limit }, ctx) => auditPage(ctx.session.db, beforeSeq, limit),
} satisfies Partial<Handlers>;
