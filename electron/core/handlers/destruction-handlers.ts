import { basename } from 'node:path';
import { formatDateTime } from '../../../shared/domain/dates';
import { backupsWarning, confirmationMatches } from '../../../shared/domain/destruction';
import { appendAudit } from '../audit/audit-log';
import { backupStatus } from '../backup-schedule';
import type { SessionContext } from '../context';
import { deleteDestroyedRows, rowsToDestroy, type DestructionTarget } from '../db/destruction-queries';
import { AppError } from '../errors';
import { destructionCertificateDocument } from '../pdf/destruction-certificate';
import { renderPdf } from '../pdf/render';
import { certificateFor, destructionCertificates, destructionSubject, rowCounts } from '../records/destruction';
import { requireOwnPassword } from './reauth';
import { choosePdfPath, requireSaveDialog, savePdfAudited } from './saved-pdf';
import type { Handlers } from './types';

/** How many backups there are and the oldest's date, from the backup folder when it can be read. */
async function backupsHeld(ctx: SessionContext): Promise<string> {
  const status = await backupStatus(ctx, ctx.session).catch(() => null);
  const backups = status?.backups ?? [];
  const oldest = backups.map((b) => b.createdAt).sort()[0] ?? null;
  return backupsWarning({ count: backups.length, oldest });
}

/**
 * Destroying a record (issue 20 item 5, decision 0030). Everything is decided and done in one
 * transaction: the hold and the pupil's incidents are read there, the content hash is taken of
 * the rows as they are deleted, and the certificate is the audit row that records the deletions.
 * The file is compacted afterwards, so the freed pages leave it.
 */
export const destructionHandlers = {
  'records.destructionPreview': async ({ kind, id }, ctx) => {
    const { db } = ctx.session;
    const target: DestructionTarget = { kind, id };
    const subject = await destructionSubject(db, target);
    return {
      kind,
      id,
      reference: subject.reference,
      confirmAs: subject.confirmAs,
      cameToAttentionOn: subject.cameToAttentionOn,
      recordedAt: subject.recordedAt,
      closedOn: subject.closedOn,
      rows: rowCounts(await rowsToDestroy(db, target)),
      refusal: subject.refusal,
      backupsWarning: await backupsHeld(ctx),
    };
  },

  'records.destroy': async ({ kind, id, reason, confirmReference, currentPassword }, ctx) => {
    const { db, user } = ctx.session;
    const target: DestructionTarget = { kind, id };
    const before = await destructionSubject(db, target);
    if (!confirmationMatches(confirmReference, before.confirmAs)) {
      const message = kind === 'incident' ? `Type the reference ${before.confirmAs} exactly, to confirm` : 'Type the pupil’s name exactly as shown, to confirm';
      throw new AppError('invalid_input', message, { confirmReference: message });
    }
    if (before.refusal) throw new AppError('conflict', before.refusal);
    await requireOwnPassword(ctx, currentPassword, 'records.destroy');
    const at = ctx.now();
    const seq = await db.transaction(async (tx) => {
      // Read again inside the transaction: a hold placed since the page was opened still stops it.
      const subject = await destructionSubject(tx, target);
      if (subject.refusal) throw new AppError('conflict', subject.refusal);
      const certificate = await certificateFor(tx, target, subject, { by: user.id, reason });
      await deleteDestroyedRows(tx, target);
      const link = await appendAudit(tx, { action: 'records.destroyed', actorId: user.id, at, subjectType: kind, subjectId: id, details: certificate });
      return link.seq;
    });
    // The records are destroyed whatever happens next: a file another program holds open is
    // rebuilt at the next destruction instead, and the DSL is told so.
    const vacuumMs = await db.compact().catch(() => null);
    const [certificate] = await destructionCertificates(db, seq);
    if (!certificate) throw new Error('The destruction certificate just written was not found');
    return { certificate, backupsWarning: await backupsHeld(ctx), vacuumMs };
  },

  'records.destroyedList': async (_input, ctx) => ({ certificates: await destructionCertificates(ctx.session.db) }),

  'records.destructionCertificatePdf': async ({ auditSeq }, ctx) => {
    const { db, user, schoolName } = ctx.session;
    requireSaveDialog(ctx.exports);
    const [certificate] = await destructionCertificates(db, auditSeq);
    if (!certificate) throw new AppError('not_found', 'There is no destruction certificate at that row of the audit log.');
    const at = ctx.now();
    const definition = destructionCertificateDocument(certificate, {
      schoolName,
      printedBy: user.name,
      printedAt: formatDateTime(at.toISOString()),
      backupsWarning: await backupsHeld(ctx),
    });
    const { buffer, pages } = await renderPdf(definition, ctx.exports.fontsDir);
    const path = await choosePdfPath(ctx.exports, ctx.paths.dataDir, `Destruction certificate ${certificate.reference}.pdf`, 'A certificate');
    if (path === null) return { saved: false as const };
    await savePdfAudited(db, path, buffer, (tx, file) =>
      appendAudit(tx, { action: 'print', actorId: user.id, at, details: { document: 'Destruction certificate', auditSeq, file: basename(path), pages, ...file } }).then(() => undefined),
    );
    return { saved: true as const, fileName: basename(path) };
  },
} satisfies Partial<Handlers>;
