// Issue 21 ("e2e: the DSL imports a file through the UI, maps an unknown column, reviews the
// preview, confirms, and finds the pupils in the picker"): a fictional Arbor-shaped export with
// a "House" column the app does not know.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { arborStudents } from '../fixtures/mis/mis-exports';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup, openIncident } from '../support/journeys';

describe('importing pupils from the MIS', () => {
  let app: LaunchedApp | undefined;
  let folder: string | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('the DSL maps an unknown column, reviews the preview, confirms, and finds the pupils in the picker', async () => {
    folder = await mkdtemp(join(tmpdir(), 'records-e2e-mis-'));
    const file = join(folder, 'arbor-students.csv');
    await writeFile(file, arborStudents());
    app = await launchApp({ openPath: () => file });
    const { page } = app;
    await completeSetup(page);

    await page.getByRole('link', { name: 'Pupils', exact: true }).click();
    await page.getByRole('link', { name: 'Import pupils from the school’s MIS' }).click();
    await page.getByRole('heading', { name: 'Import pupils from the MIS', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Choose the file' }).click();

    // Only "House" is unknown; the recognised headings come already chosen.
    await page.getByRole('heading', { name: 'What each column holds' }).waitFor();
    expect(await page.getByLabel('Column “Legal last name”').inputValue()).toBe('legalLastName');
    await page.getByLabel('Column “House”').selectOption({ label: 'Leave this column out' });
    await page.getByRole('button', { name: 'Preview the import' }).click();

    await page.getByRole('heading', { name: 'New pupils (2)' }).waitFor();
    const added = page.getByRole('list', { name: 'New pupils' });
    await expect.poll(() => added.textContent()).toContain('Percival Thistlethwaite — born 30 Jun 2010, Year 11');
    expect(await page.getByRole('heading', { name: 'Rows with problems, not imported (0)' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Import these pupils' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'added' }).textContent()).toContain('2 added, 0 changed, nothing removed.');

    await openIncident(page, 'Image shared on a group chat');
    await page.getByRole('button', { name: 'Add a pupil' }).click();
    const panel = page.getByRole('region', { name: 'Add a pupil to this incident' });
    await panel.getByRole('combobox', { name: 'Pupil’s name' }).fill('Thistle');
    const percival = panel.getByRole('option', { name: /^Percival Thistlethwaite — Year 11, born 30 Jun 2010/ });
    await percival.waitFor();
    // Chosen and added, the imported pupil is on the incident like anyone typed in.
    await percival.click();
    await panel.getByText('Pupil: Percival Thistlethwaite').waitFor();
    await panel.getByLabel('Pictured in the imagery', { exact: true }).check();
    await panel.getByRole('button', { name: 'Add to incident' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Percival Thistlethwaite' }).first().waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
