import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, completeSetup, fillWhen, openIncident } from '../support/journeys';

const TITLE = 'Image sent to an adult contact';

describe('an adult is involved', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('says refer now whatever point 1 was answered, leads to the police report, and is incomplete until the crime reference is recorded', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    await openIncident(page, TITLE, { kind: /shared imagery made by another under-18/ });
    await addPupilToIncident(page, { firstName: 'Priya', lastName: 'Hollingsworth', dateOfBirth: '2011-07-15' }, ['Pictured in the imagery', 'Made the imagery', 'Sent or shared it']);

    await page.getByRole('button', { name: 'Add someone from outside the school' }).click();
    const other = page.getByRole('region', { name: 'Add someone from outside the school' });
    await other.getByLabel('An adult', { exact: true }).check();
    await other.getByLabel('Name').fill('Unknown adult contact on a gaming app');
    await other.getByLabel('Relationship').fill('Met online; not known to the family');
    await other.getByLabel('Received it', { exact: true }).check();
    await other.getByRole('button', { name: 'Add to incident' }).click();
    await other.waitFor({ state: 'detached' });

    await page.getByRole('navigation', { name: 'Steps in the guidance' }).getByRole('link', { name: 'Record: Initial review meeting' }).click();
    await fillWhen(page, '2026-11-20', '10:00', 'Date of the meeting');
    await page.getByLabel('Who attended').fill('DSL, headteacher');
    // Every point answered "No": the adult on the incident still makes point 1 met.
    for (const n of [1, 2, 3, 4, 5]) {
      await page.getByRole('group', { name: new RegExp(`^${n}\\. `) }).getByLabel('No', { exact: true }).check();
    }
    await page.getByRole('group', { name: /with malicious intent/ }).getByLabel('No', { exact: true }).check();
    const outcome = page.locator('[data-outcome]');
    await expect.poll(() => outcome.getAttribute('data-outcome')).toBe('refer-now');
    await expect.poll(() => outcome.textContent()).toContain('Point 1: An adult is involved.');

    // Managing it in school would need an explicit override.
    await page.getByLabel('Manage the incident in school, without referring').check();
    await page.getByLabel('Reasons for the decision').fill('Trying to manage it in school.');
    await page.getByRole('button', { name: 'Save initial review' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByText(/The five points say refer now/).waitFor();

    await page.getByLabel('Refer to the police and/or children’s social care').check();
    await page.getByLabel('The police', { exact: true }).check();
    await page.getByLabel('Reasons for the decision').fill('An adult is involved: child sexual abuse. Immediate referral.');
    await page.getByRole('button', { name: 'Save initial review' }).click();

    // The form leads straight to the police report.
    await page.getByRole('heading', { name: 'Report to the police', level: 1 }).waitFor();
    await fillWhen(page, '2026-11-20', '10:30');
    await page.getByLabel('101', { exact: true }).check();
    await page.getByLabel('Who was the report made to?').fill('Call handler, then PC 4471 Ashdown');
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    const missing = page.getByRole('region', { name: 'What is missing' });
    await expect.poll(() => missing.textContent()).toContain('The report to the police has no crime reference number, and no reason is recorded for there being none.');
    const closeButton = page.getByRole('button', { name: 'Close the incident' });
    expect(await closeButton.count()).toBe(0);

    await page.getByRole('article', { name: /Report to the police/ }).getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Crime reference number').fill('CR/2026/004417');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await expect.poll(() => missing.textContent()).not.toContain('crime reference');
    expect(await page.getByRole('article', { name: /Report to the police/ }).textContent()).toContain('Crime reference: CR/2026/004417');
    expect(app.consoleErrors).toEqual([]);
  });
});
