// Issue 19 item 4: the one-page summary for staff who are not DSLs, printed from the Help page
// by any role. Read back with pdftotext and pdfinfo (poppler-utils): one A4 page, the school's
// name, the DSLs from the staff list, and what never to do.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { readingText } from '../support/pdf-read';
import { addStaff, call, DEPUTY, DSL, expectOk, HEAD, SCHOOL, setUp, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let removeAll: () => Promise<void>;
let outDir: string;
let nextPath = '';

beforeAll(async () => {
  const temp = await makeTempDir('records-staff-summary-');
  removeAll = temp.remove;
  outDir = join(temp.dir, 'out');
  await mkdir(outDir);
  core = await createCore({ dataDir: join(temp.dir, 'data'), appVersion: '0.0.0-test', log: () => undefined, chooseSavePath: () => Promise.resolve(nextPath === '' ? null : nextPath) });
  await setUp(core);
  await addStaff(core, DEPUTY, ['deputy']);
  await addStaff(core, HEAD, ['head']);
}, 120_000);

afterAll(async () => {
  await core?.close();
  await removeAll?.();
});

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1]);
}

describe('the staff summary', () => {
  it('is printed by the headteacher, who is not a DSL: one page naming the school, its DSLs and what never to do', async () => {
    await unlockAs(core, HEAD);
    nextPath = join(outDir, 'summary.pdf');
    const result = expectOk(await call(core, 'help.staffSummaryPdf', {}));
    expect(result).toMatchObject({ saved: true, pages: 1 });
    expect(pageCount(nextPath)).toBe(1);
    const text = readingText(nextPath);
    expect(text).toContain(SCHOOL);
    expect(text).toContain(`${DSL.name} (Designated Safeguarding Lead)`);
    expect(text).toContain(DEPUTY.name);
    // The head printed it (the footer says so) but is not listed as a DSL.
    expect(text).not.toContain(`${HEAD.name} (`);
    expect(text).toContain('Never view, copy, print, forward, save or delete the imagery');
    expect(text).toContain('Tell the DSL at once');
    expect(text).toContain('UKCCIS 2016, section 2');
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    await unlockAs(core, HEAD);
    nextPath = '';
    expect(expectOk(await call(core, 'help.staffSummaryPdf', {}))).toEqual({ saved: false });
    expect(readdirSync(outDir).filter((name) => name !== 'summary.pdf')).toEqual([]);
  });
});
