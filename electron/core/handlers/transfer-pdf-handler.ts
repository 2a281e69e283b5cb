import { basename } from 'node:path';
import { formatDateTime, schoolToday } from '../../../shared/domain/dates';
import { UNPRINTABLE_SHOWN } from '../../../shared/domain/exports';
import { appendAudit } from '../audit/audit-log';
import { lastAuditLink } from '../db/audit-queries';
import { findTransfer } from '../db/transfer-queries';
import { AppError } from '../errors';
import { buildDocument } from '../pdf/documents';
import { readDocumentSource } from '../pdf/read-source';
import { renderPdf } from '../pdf/render';
import { transferDocument } from '../pdf/transfer-document';
import { requireOwnPassword } from './reauth';
import { choosePdfPath, requireSaveDialog, savePdfAudited } from './saved-pdf';
import type { Handlers } from './types';

/**
 * The transfer's PDF (issue 20): the pupil's file as exports.pdf prints it, with the transfer's
 * own choice of who is named, the covering letter first and the transfer marking on every
 * page; protected by the password typed on the screen when one is given. The password is
 * never stored and never in the audit row, which says only whether there was one.
 */
export const transferPdfHandlers = {
  'transfers.pdf': async ({ transferId, currentPassword, pdfPassword }, ctx) => {
    const { db, user, schoolName } = ctx.session;
    requireSaveDialog(ctx.exports);
    await requireOwnPassword(ctx, currentPassword, 'transfers.pdf');
    const transfer = await findTransfer(db, transferId);
    if (!transfer) throw new AppError('not_found', 'There is no transfer with that id.');
    if (transfer.cancelledAt !== null) throw new AppError('conflict', 'This transfer was cancelled, so its file is not printed for it.');
    const source = await readDocumentSource(db, { type: 'pupil-file', pupilId: transfer.pupilId });

    const at = ctx.now();
    const printedAt = formatDateTime(at.toISOString());
    const anchor = (await lastAuditLink(db)) ?? null;
    const { definition, redaction } = buildDocument(source, {
      anchor,
      schoolName,
      printedBy: user.name,
      printedAt,
      namedChildren: new Set(transfer.fileOptions.namedChildren),
      preparedFor: `Transfer to ${transfer.receivingSchool}`,
      otherEntries: transfer.fileOptions.otherEntries,
    });
    const { buffer, pages, unprintable } = await renderPdf(transferDocument(definition, transfer, { schoolName, printedAt, password: pdfPassword }), ctx.exports.fontsDir);

    const path = await choosePdfPath(ctx.exports, ctx.paths.dataDir, `transfer-${transfer.id}-pupil-${transfer.pupilId}-${schoolToday(at)}.pdf`, 'A transfer file');
    if (path === null) return { saved: false as const };
    await savePdfAudited(db, path, buffer, (tx, file) =>
      appendAudit(tx, {
        action: 'transfer.printed',
        actorId: user.id,
        at,
        subjectType: 'transfer',
        subjectId: transfer.id,
        details: {
          pupilId: transfer.pupilId,
          references: 'incidents' in source ? source.incidents.map((d) => d.incident.reference) : [],
          namedChildrenCount: transfer.fileOptions.namedChildren.length,
          withheldCount: redaction.withheldCount,
          protectedByPassword: pdfPassword !== '',
          file: basename(path),
          pages,
          bytes: file.bytes,
          sha256: file.sha256,
        },
      }).then(() => undefined),
    );
    return { saved: true as const, fileName: basename(path), pages, bytes: buffer.length, protectedByPassword: pdfPassword !== '', unprintable: unprintable.slice(0, UNPRINTABLE_SHOWN) };
  },
} satisfies Partial<Handlers>;
