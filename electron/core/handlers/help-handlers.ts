import { basename } from 'node:path';
import { formatDateTime } from '../../../shared/domain/dates';
import { ROLE_LABELS } from '../../../shared/domain/staff';
import { appendAudit } from '../audit/audit-log';
import { listStaff } from '../db/staff-queries';
import { renderPdf } from '../pdf/render';
import { staffSummaryDocument } from '../pdf/staff-summary';
import { choosePdfPath, requireSaveDialog, savePdfAudited } from './saved-pdf';
import type { Handlers } from './types';

const FILE_NAME = 'Staff summary - nudes and semi-nudes.pdf';

export const helpHandlers = {
  // No password again, unlike a record's print: the sheet holds no pupil and nothing recorded,
  // only the school's name and its DSLs, which every member of staff is told anyway.
  'help.staffSummaryPdf': async (_input, ctx) => {
    const { db, user, schoolName } = ctx.session;
    requireSaveDialog(ctx.exports);
    const at = ctx.now();
    const staff = await listStaff(db);
    const dsls = [
      ...staff.filter((s) => s.active && s.roles.includes('dsl')).map((s) => ({ name: s.name, role: ROLE_LABELS.dsl })),
      ...staff.filter((s) => s.active && !s.roles.includes('dsl') && s.roles.includes('deputy')).map((s) => ({ name: s.name, role: ROLE_LABELS.deputy })),
    ];
    const definition = staffSummaryDocument({ schoolName, dsls, printedBy: user.name, printedAt: formatDateTime(at.toISOString()), practice: ctx.session.practice === true });
    const { buffer, pages } = await renderPdf(definition, ctx.exports.fontsDir);

    const path = await choosePdfPath(ctx.exports, ctx.paths.dataDir, FILE_NAME, 'A document');
    if (path === null) return { saved: false as const };
    // As with a record's print: the audit row commits only once the file is on disk.
    await savePdfAudited(db, path, buffer, (tx, file) =>
      appendAudit(tx, { action: 'print', actorId: user.id, at, details: { document: 'Staff summary (Help page)', file: basename(path), pages, ...file } }).then(() => undefined),
    );
    return { saved: true as const, fileName: basename(path), pages };
  },
} satisfies Partial<Handlers>;
