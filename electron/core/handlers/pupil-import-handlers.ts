import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { schoolToday } from '../../../shared/domain/dates';
import { parseCsv, type CsvRow } from '../../../shared/domain/pupils/csv';
import { columnMapping, mappingProblem, suggestMapping, type ColumnMapping } from '../../../shared/domain/pupils/import-fields';
import { matchImport, type DuplicateChoice, type ImportPlan } from '../../../shared/domain/pupils/import-match';
import { readPupilRows } from '../../../shared/domain/pupils/import-rows';
import type { ImportPreview } from '../../../shared/ipc/contract';
import { appendAudit } from '../audit/audit-log';
import type { Executor } from '../db/connection';
import { insertImportedPupil, listRegisteredPupils, updateImportedPupil } from '../db/pupil-import-queries';
import { readSettings, writeSetting } from '../db/settings-queries';
import { AppError } from '../errors';
import { CTF_HEADINGS, ctfRows, looksLikeXml } from '../pupil-import/ctf';
import { decodePupilList } from '../pupil-import/decode';
import { heldImport, holdImport, releaseImport, type OpenedImport } from '../pupil-import/opened-imports';
import type { UnlockedSession } from '../session/session';
import { readChosenFile } from './opened-file';
import type { Handlers } from './types';

const MAX_BYTES = 20_000_000;

/** The mapping the DSL chose before, heading by heading; a damaged setting is as if there were none. */
async function rememberedMapping(db: Pick<Executor, 'all'>): Promise<ColumnMapping> {
  const text = (await readSettings(db)).pupilImportColumns;
  if (!text) return {};
  try {
    const parsed = columnMapping.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function fileOf(session: UnlockedSession, fileId: string): OpenedImport {
  const held = heldImport(session, fileId);
  if (!held) throw new AppError('not_found', 'The pupil list is no longer open (the app may have locked). Choose the file again.');
  return held;
}

/** The plan for a file under a mapping against the register as `db` has it now. */
async function planFor(db: Pick<Executor, 'all'>, file: OpenedImport, mapping: ColumnMapping, today: string, choices: Record<number, DuplicateChoice> = {}): Promise<ImportPlan> {
  const unmapped = file.headings.filter((h) => mapping[h] === undefined);
  if (unmapped.length > 0) throw new AppError('invalid_input', `Say what the column “${unmapped[0]}” holds, or leave it out.`);
  const problem = mappingProblem(mapping);
  if (problem) throw new AppError('invalid_input', `${problem}.`);
  const { pupils, problems } = readPupilRows(file.rows, file.headings, mapping, today);
  return matchImport(pupils, problems, await listRegisteredPupils(db), choices);
}

function hashOf(plan: ImportPlan): string {
  return createHash('sha256').update(canonicalJson(plan)).digest('hex');
}

function previewOf(plan: ImportPlan): ImportPreview {
  return {
    newPupils: plan.newPupils.map((p) => ({ line: p.line, name: `${p.firstName} ${p.lastName}`, dateOfBirth: p.dateOfBirth, yearGroup: p.yearGroup, upn: p.upn ?? '' })),
    changes: plan.changes.map(({ line, pupilId, name, changes }) => ({ line, pupilId, name, changes })),
    unchanged: plan.unchanged,
    duplicates: plan.duplicates.map(({ line, pupil, reason, candidates, mayBeNew }) => ({
      line,
      name: `${pupil.firstName} ${pupil.lastName}`,
      dateOfBirth: pupil.dateOfBirth,
      upn: pupil.upn ?? '',
      reason,
      candidates,
      mayBeNew,
    })),
    problems: plan.problems,
    notInFile: plan.notInFile,
    planHash: hashOf(plan),
  };
}

/** A CSV export's headings and pupil rows, refused in words when it has neither. */
function csvParts(text: string): { headings: string[]; pupilRows: CsvRow[] } {
  const [headingRow, ...pupilRows] = parseCsv(text);
  if (!headingRow || headingRow.cells.length < 2) {
    throw new AppError('invalid_input', 'This file has no columns of pupils in it. Export the pupil list from the MIS as CSV, with a heading on each column, and choose that.');
  }
  const headings = headingRow.cells.map((h) => h.trim());
  if (new Set(headings).size !== headings.length) throw new AppError('invalid_input', 'Two columns of this file have the same heading: rename one in the MIS report and export it again.');
  if (pupilRows.length === 0) throw new AppError('invalid_input', 'This file has headings but no pupils under them.');
  return { headings, pupilRows };
}

export const pupilImportHandlers = {
  'pupilImport.read': async (_input, ctx) => {
    const chosen = await readChosenFile(ctx.exports, 'pupil-import', MAX_BYTES, 'A pupil list');
    if (!chosen) return null;
    const text = decodePupilList(chosen.bytes);
    const format = looksLikeXml(text) ? ('ctf' as const) : ('csv' as const);
    const { headings, pupilRows } = format === 'ctf' ? { headings: [...CTF_HEADINGS], pupilRows: ctfRows(text) } : csvParts(text);
    const held = holdImport(ctx.session, { fileName: basename(chosen.path), headings, rows: pupilRows });
    // A CTF's headings are the app's own names for the DfE's elements: nothing the DSL mapped applies.
    const suggested = suggestMapping(headings, format === 'ctf' ? {} : await rememberedMapping(ctx.session.db));
    return {
      fileId: held.fileId,
      fileName: held.fileName,
      format,
      rowCount: pupilRows.length,
      headings: headings.map((heading, i) => ({ heading, field: suggested[heading] ?? null, example: pupilRows.find((r) => (r.cells[i] ?? '').trim() !== '')?.cells[i]?.trim().slice(0, 40) ?? '' })),
      needsMapping: Object.values(suggested).some((field) => field === null),
    };
  },

  'pupilImport.preview': async ({ fileId, mapping }, ctx) => {
    const file = fileOf(ctx.session, fileId);
    return previewOf(await planFor(ctx.session.db, file, mapping, schoolToday(ctx.now())));
  },

  'pupilImport.apply': async ({ fileId, mapping, planHash, choices, stopIfAnyWrong }, ctx) => {
    const { db, user } = ctx.session;
    const file = fileOf(ctx.session, fileId);
    const today = schoolToday(ctx.now());
    const chosen = Object.fromEntries(choices.map(({ line, choice }) => [line, choice]));
    const result = await db.transaction(async (tx) => {
      // The register read again inside the write: what is applied is what the DSL saw, or nothing.
      const previewed = await planFor(tx, file, mapping, today);
      if (hashOf(previewed) !== planHash) {
        throw new AppError('conflict', 'The pupils on the register changed since this preview was made (someone may have added or changed a pupil). Nothing has been imported: read the file again to see a fresh preview.');
      }
      const plan = await planFor(tx, file, mapping, today, chosen);
      if (plan.duplicates.length > 0) throw new AppError('invalid_input', `Decide what line ${plan.duplicates[0]!.line} is before importing: this pupil, a new pupil, or leave it out.`);
      if (stopIfAnyWrong && plan.problems.length > 0) {
        throw new AppError('invalid_input', `Nothing has been imported: ${plan.problems.length === 1 ? 'a row has' : `${plan.problems.length} rows have`} problems, and you chose to stop if any row is wrong.`);
      }
      const at = ctx.now().toISOString();
      for (const pupil of plan.newPupils) await insertImportedPupil(tx, pupil, at, user.id);
      for (const change of plan.changes) await updateImportedPupil(tx, change.pupilId, change.update, at, user.id);
      const remembered = { ...(await rememberedMapping(tx)), ...mapping };
      await writeSetting(tx, 'pupilImportColumns', JSON.stringify(remembered));
      const counts = { added: plan.newPupils.length, changed: plan.changes.length, unchanged: plan.unchanged, skipped: plan.skipped, notTaken: plan.problems.length };
      // Counts only: the audit log never names a pupil.
      await appendAudit(tx, { action: 'pupils.imported', actorId: user.id, at: ctx.now(), details: { ...counts, notInFile: plan.notInFile.length } });
      return counts;
    });
    releaseImport(ctx.session);
    return result;
  },
} satisfies Partial<Handlers>;
