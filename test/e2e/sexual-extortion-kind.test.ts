// Decision 0021: a DSL opens a sextortion incident as its own kind, is steered to the police
// and children's social care before saving, and the incident page says the same and asks for
// the police report (NCA alert, docs/guidance-2024.md S3).
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup } from '../support/journeys';

const TITLE = 'Pupil threatened by an unknown account demanding gift cards';
const KIND = /financially motivated sexual extortion/;

describe('a sexual extortion incident', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is opened through the form with the steer to the police, and the incident page shows it as a police matter', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);

    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByRole('link', { name: 'Open a new incident' }).click();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Date it came to the school’s attention').fill('2026-11-20');
    const steer = page.getByRole('alert').filter({ hasText: 'Refer to the police now, and to children’s social care.' });
    expect(await steer.count()).toBe(0);
    await page.getByLabel(KIND).check();
    await steer.waitFor();
    expect(await steer.textContent()).toContain('Do not delete anything that could be evidence');
    await page.getByLabel('Photo', { exact: true }).check();
    await page.getByLabel('Not known yet').check();
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    // The page: the kind, the tag, the same steer, and the police report missing.
    expect(await page.getByText('Police matter', { exact: true }).count()).toBe(1);
    expect(await page.getByText(KIND).count()).toBeGreaterThan(0);
    await steer.waitFor();
    const missing = page.getByRole('region', { name: 'What is missing' });
    await expect.poll(() => missing.textContent()).toContain('The report to the police has not been recorded.');

    // Correcting the facts keeps the steer in front of the DSL.
    await page.getByRole('link', { name: 'Edit incident details' }).click();
    await steer.waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
