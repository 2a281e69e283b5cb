import { createHash } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { formatDateTime } from '../../../shared/domain/dates';
import { ROLE_LABELS } from '../../../shared/domain/staff';
import { appendAudit } from '../audit/audit-log';
import { listStaff } from '../db/staff-queries';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { renderPdf } from '../pdf/render';
import { staffSummaryDocument } from '../pdf/staff-summary';
import { isInside, notSaved } from './export-handlers';
import type { Handlers } from './types';

const FILE_NAME = 'Staff summary - nudes and semi-nudes.pdf';

export const helpHandlers = {
  // No password again, unlike a record's print: the sheet holds no pupil and nothing recorded,
  // only the school's name and its DSLs, which every member of staff is told anyway.
  'help.staffSummaryPdf': async (_input, ctx) => {
    const { db, user, schoolName } = ctx.session;
    const choose = ctx.exports.chooseSavePath;
    if (!choose) throw new AppError('not_saved', 'Saving documents is not available in this window.');
    const at = ctx.now();
    const staff = await listStaff(db);
    const dsls = [
      ...staff.filter((s) => s.active && s.roles.includes('dsl')).map((s) => ({ name: s.name, role: ROLE_LABELS.dsl })),
      ...staff.filter((s) => s.active && !s.roles.includes('dsl') && s.roles.includes('deputy')).map((s) => ({ name: s.name, role: ROLE_LABELS.deputy })),
    ];
    const definition = staffSummaryDocument({ schoolName, dsls, printedBy: user.name, printedAt: formatDateTime(at.toISOString()) });
    const { buffer, pages } = await renderPdf(definition, ctx.exports.fontsDir);

    const chosen = await choose(FILE_NAME);
    if (chosen === null) return { saved: false as const };
    const path = extname(chosen).toLowerCase() === '.pdf' ? chosen : `${chosen}.pdf`;
    if (isInside(ctx.paths.dataDir, path)) throw new AppError('not_saved', 'A document may not be saved inside the app’s own data folder. Choose another place.');

    // As with a record's print: the audit row commits only once the file is on disk.
    let written = false;
    try {
      await db.transaction(async (tx) => {
        await appendAudit(tx, {
          action: 'print',
          actorId: user.id,
          at,
          details: { document: 'Staff summary (Help page)', file: basename(path), pages, bytes: buffer.length, sha256: createHash('sha256').update(buffer).digest('hex') },
        });
        try {
          await writeFileAtomic(path, buffer, 0o600);
        } catch (error) {
          throw notSaved(error);
        }
        written = true;
      });
    } catch (error) {
      if (written) await unlink(path).catch(() => undefined);
      throw error;
    }
    return { saved: true as const, fileName: basename(path), pages };
  },
} satisfies Partial<Handlers>;
