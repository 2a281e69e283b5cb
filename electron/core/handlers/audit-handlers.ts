import { appendAudit } from '../audit/audit-log';
import { auditPage } from '../records/audit-rows';
import { anchorsOutsideDatabase } from '../integrity/anchor-sources';
import { verifyRecords } from '../integrity/verify-records';
import type { Handlers } from './types';

export const auditHandlers = {
  'audit.verify': async (_input, ctx) => {
    const { db, user } = ctx.session;
    const result = await verifyRecords(db, await anchorsOutsideDatabase(ctx));
    if (db.writable) {
      await db.transaction((tx) =>
        appendAudit(tx, {
          action: 'audit.verified',
          actorId: user.id,
          at: ctx.now(),
          details: result.ok ? { ok: true, rows: result.auditRows } : { ok: false, findings: result.findings.length, lastIntactSeq: result.lastIntact?.seq ?? null },
        }),
      );
    }
    return result;
  },

  'audit.list': async ({ beforeSeq, limit }, ctx) => auditPage(ctx.session.db, beforeSeq, limit),
} satisfies Partial<Handlers>;
