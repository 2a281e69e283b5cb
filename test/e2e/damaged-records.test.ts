// Issue 8, part 3, end to end: a records database that fails its integrity check on opening.
// The DSL can still sign in and read, is told in plain words that nothing new can be saved,
// is offered the restore, and a save is refused. The data is generated and fictional; one
// bit of the database's last page is flipped, as a failing disk would.
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../scripts/demo/generate';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { DEMO, fillPupilForm, signIn } from '../support/journeys';

async function flipBitInLastPage(file: string): Promise<void> {
  const position = (await stat(file)).size - 4096 + 2000;
  const handle = await open(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, position);
    byte[0]! ^= 0x10;
    await handle.write(byte, 0, 1, position);
  } finally {
    await handle.close();
  }
}

describe('a damaged records database', () => {
  let app: LaunchedApp | undefined;
  let root: string | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    if (root) await rm(root, { recursive: true, force: true });
    root = undefined;
  });

  it('opens read-only with a plain warning for the DSL and the technician, offers the restore, and refuses saves', async () => {
    root = await mkdtemp(join(tmpdir(), 'records-e2e-damaged-'));
    const dataDir = join(root, 'data');
    await generateDemoData({ dataDir, pupils: 20, incidents: 5, entries: 60, seed: 2 });
    await flipBitInLastPage(join(dataDir, 'records.db'));

    app = await launchApp({ dataDir });
    const { page } = app;
    await signIn(page, DEMO.dsl);
    const banner = page.getByRole('alert').filter({ hasText: 'The records are read-only.' });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/nothing new can be saved/);
    expect(await banner.textContent()).toMatch(/For the IT technician: .*npm run records -- verify/);
    expect(await banner.textContent()).toMatch(/HMAC verification failed/);

    // Reading still works; saving does not, and the form says why.
    await page.getByRole('link', { name: 'Pupils', exact: true }).click();
    await page.getByRole('table').waitFor();
    await page.getByRole('link', { name: 'Add a pupil' }).click();
    await fillPupilForm(page, { firstName: 'Wren', lastName: 'Ashcombe', dateOfBirth: '2012-05-06' });
    await page.getByRole('button', { name: 'Add pupil' }).click();
    await page.getByText(/failed its integrity check, so nothing new can be saved/).first().waitFor();
    expect(await app.core.dispatch('pupils.search', { query: 'Ashcombe' })).toEqual({ ok: true, value: [] });

    await banner.getByRole('link', { name: 'Restore from the newest good backup' }).click();
    // The form still holds what was typed (it could not be saved): leaving it asks first.
    await page.getByRole('alertdialog', { name: 'Leave this page?' }).getByRole('button', { name: 'Leave' }).click();
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
