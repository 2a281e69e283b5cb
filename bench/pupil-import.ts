// Issue 21's measure for `npm run bench` (run.ts): 1,500 pupils read from a SIMS-shaped CSV,
// previewed and applied through the core's dispatch (as the import screen calls it), beside the
// floor — the same 1,500 rows inserted with plain SQL in one transaction, in the same run.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCore } from '../electron/core/index';
import { Database } from '../electron/core/db/connection';
import { migrate } from '../electron/core/db/migrate';
import { largeSimsList } from '../test/fixtures/mis/mis-exports';
import { parseCsv } from '../shared/domain/pupils/csv';
import { round } from './stats';

const PUPILS = 1500;

type Answer = { ok: true; value: unknown } | { ok: false; error: { message: string } };
function valueOf<T>(answer: unknown): T {
  const result = answer as Answer;
  if (!result.ok) throw new Error(`the import failed: ${result.error.message}`);
  return result.value as T;
}

/** read + preview + apply of PUPILS new pupils through a fresh core; and the raw-SQL floor of the same inserts. */
export async function benchPupilImport(temp: string) {
  const dir = join(temp, 'pupil-import');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'sims-1500.csv');
  const bytes = largeSimsList(PUPILS);
  await writeFile(file, bytes);
  const core = await createCore({ dataDir: join(dir, 'data'), stateDir: join(dir, 'state'), appVersion: 'bench', log: () => undefined, chooseOpenPath: () => Promise.resolve(file) });
  try {
    valueOf(await core.dispatch('setup.create', { schoolName: 'Puddlecombe Academy (fictional)', dslName: 'Bench Fictional', username: 'benchdsl', password: 'correct horse battery staple' }));
    const start = performance.now();
    const opened = valueOf<{ fileId: string; headings: { heading: string; field: string | null }[] }>(await core.dispatch('pupilImport.read', {}));
    const mapping = Object.fromEntries(opened.headings.map(({ heading, field }) => [heading, field ?? 'ignore']));
    const preview = valueOf<{ planHash: string; newPupils: unknown[] }>(await core.dispatch('pupilImport.preview', { fileId: opened.fileId, mapping }));
    const applied = valueOf<{ added: number }>(await core.dispatch('pupilImport.apply', { fileId: opened.fileId, mapping, planHash: preview.planHash, choices: [], stopIfAnyWrong: false }));
    const importMs = round(performance.now() - start, 1);
    if (applied.added !== PUPILS) throw new Error(`the bench import added ${applied.added} pupils, not ${PUPILS}`);
    const floorMs = await rawInsertFloor(join(dir, 'floor.db'), bytes);
    return { ms: importMs, floor_ms: floorMs, ratio: round(importMs / Math.max(floorMs, 0.01), 1), pupils: PUPILS };
  } finally {
    await core.close();
  }
}

/** The same rows (already parsed, dates already in yyyy-mm-dd) inserted with one prepared INSERT each, in one transaction. */
async function rawInsertFloor(path: string, bytes: Buffer): Promise<number> {
  const db = await Database.open(path, Buffer.alloc(32, 7), { create: true });
  try {
    await migrate(db);
    // No staff row to point at: the floor is the pupils' inserts alone.
    await db.setForeignKeys(false);
    const rows = parseCsv(new TextDecoder().decode(bytes)).slice(1);
    const at = new Date().toISOString();
    const start = performance.now();
    await db.transaction(async (tx) => {
      for (const { cells } of rows) {
        const [upn, last, first, , born, sex, year, reg] = cells as [string, string, string, string, string, string, string, string];
        const [d, m, y] = born.split('/');
        await tx.run(
          `INSERT INTO pupils (first_name, last_name, date_of_birth, sex, year_group, registration_group, upn, sen, looked_after, social_care, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 'not_known', ?, 1, ?, 1)`,
          [first, last, `${y}-${m}-${d}`, sex === 'F' ? 'female' : 'male', year.replace('Year ', ''), reg, upn, at, at],
        );
      }
    });
    return round(performance.now() - start, 1);
  } finally {
    await db.close();
  }
}
