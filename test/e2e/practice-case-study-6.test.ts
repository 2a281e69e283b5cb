// Issue 22, "Must show", end to end: a deputy opens practice mode, works case study 6 (a girl
// blackmailed with her photo) through the real forms to a decision, sees beside their own
// answers what the guidance's rules imply, marks it complete, and returns to the real records
// without a restart; nothing of the practice is in the real records, their search or their
// audit log but "practice mode opened" and "closed". (Backups: test/integration/practice-mode.test.ts
// restores a manual and a scheduled backup made after practising and finds nothing of it.)
// Every name here is fictional.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_MARK } from '../../shared/domain/practice';
import { call, expectOk, newCore } from '../integration/helpers/core';
import { makeTempDir } from '../integration/helpers/temp-dir';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, DEMO, fillWhen, lock, signIn, startRecord } from '../support/journeys';

const GIRL = { firstName: 'Ottoline', lastName: 'Practicewood', dateOfBirth: '2010-05-14' };

async function seed(dataDir: string): Promise<void> {
  const core = await newCore(dataDir);
  try {
    expectOk(await call(core, 'setup.create', { schoolName: DEMO.school, dslName: DEMO.dsl.name, username: DEMO.dsl.username, password: DEMO.dsl.password }));
    expectOk(await call(core, 'staff.add', { name: DEMO.deputy.name, username: DEMO.deputy.username, roles: ['deputy'], password: DEMO.deputy.password, currentPassword: DEMO.dsl.password }));
  } finally {
    await core.close();
  }
}

describe('practising case study 6', () => {
  let folder: { dir: string; remove: () => Promise<void> };
  let app: LaunchedApp;

  beforeAll(async () => {
    folder = await makeTempDir('records-e2e-practice-6-');
    const dataDir = join(folder.dir, 'data');
    await seed(dataDir);
    app = await launchApp({ dataDir });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await folder?.remove();
  });

  it('is worked to a decision in practice, with the rules’ implications beside the deputy’s answers, and leaves the real records untouched', async () => {
    const { page } = app;
    await signIn(page, DEMO.deputy);
    await page.getByRole('link', { name: 'Practice', exact: true }).click();
    await page.getByLabel('Your password, to confirm').fill(DEMO.deputy.password);
    await page.getByRole('button', { name: 'Open practice mode' }).click();
    await page.getByRole('status').filter({ hasText: PRACTICE_MARK }).waitFor();

    await page.getByRole('link', { name: 'Practice', exact: true }).click();
    await page.getByRole('link', { name: 'practice scenarios' }).click();
    await page.getByRole('link', { name: 'Case study 6' }).click();
    await page.getByText(/blackmailing her/).waitFor();
    await page.getByRole('button', { name: 'Start this scenario' }).click();
    const scenario = page.getByRole('region', { name: 'Practice scenario: case study 6' });
    await scenario.waitFor();
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(title).toMatch(/Practice: case study 6/);

    // The people as the deputy reads the case study, then the initial review: point 2 missed.
    await addPupilToIncident(page, GIRL, ['Pictured in the imagery', 'Made the imagery']);
    await startRecord(page, 'Initial review meeting');
    await fillWhen(page, '2026-11-27', '10:00', 'Date of the meeting');
    await page.getByLabel('Who attended').fill('Deputy DSL (practice)');
    for (const n of [1, 2, 3, 4, 5]) await page.getByRole('group', { name: new RegExp(`^${n}\\. `) }).getByLabel('No', { exact: true }).check();
    await page.getByRole('group', { name: /with malicious intent/ }).getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('Manage the incident in school, without referring').check();
    await page.getByLabel('Reasons for the decision').fill('Practice: the photo has been reported to the network.');
    await page.getByLabel('Why is this not being referred?').fill('Practice: her parents would rather the school dealt with it.');
    await page.getByRole('button', { name: 'Save initial review' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();

    // The feedback, from the same rules as real incidents.
    const feedback = scenario.getByRole('region', { name: 'What the guidance’s rules imply' });
    await feedback.waitFor();
    const point2 = feedback.getByRole('row', { name: /^Point 2/ });
    expect(await point2.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['no', 'yes']));
    expect(await point2.textContent()).toMatch(/blackmail/i);
    expect(await feedback.getByTestId('facts-outcome').textContent()).toMatch(/refer/i);
    expect(await feedback.textContent()).toContain('For the case study’s facts the rules say');
    expect(await scenario.textContent()).toMatch(/judgement/i);
    await scenario.getByRole('button', { name: 'Mark this practice complete' }).click();
    await page.getByRole('link', { name: 'Training log' }).first().waitFor();

    // Back to the school's records: no password, no restart.
    await page.getByRole('status').filter({ hasText: PRACTICE_MARK }).getByRole('link', { name: 'Return to the real records' }).click();
    await page.getByRole('button', { name: 'Return to the real records' }).click();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('status').filter({ hasText: PRACTICE_MARK }).count()).toBe(0);

    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    expect(await page.getByText(/Practice: case study 6/).count()).toBe(0);
    await page.getByRole('link', { name: 'Pupils', exact: true }).click();
    await page.getByRole('heading', { name: 'Pupils', level: 1 }).waitFor();
    expect(await page.getByText(/Practicewood/).count()).toBe(0);
    await page.getByRole('link', { name: 'School log' }).click();
    await page.getByLabel('Search').fill('blackmail');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No entries match. Try fewer words or filters.').waitFor();

    await lock(page);
    await signIn(page, DEMO.dsl);
    await page.getByRole('link', { name: 'Audit' }).click();
    const table = page.getByRole('table', { name: /Most recent audit rows/ });
    await table.getByRole('row').filter({ hasText: 'Practice mode closed' }).waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Practice mode opened' }).count()).toBe(1);
    expect(await table.getByRole('row').filter({ hasText: /practice scenario|Opened an incident|initial review/i }).count()).toBe(0);
    expect(await table.textContent()).not.toContain('Practicewood');
    expect(app.consoleErrors).toEqual([]);
  });
});
