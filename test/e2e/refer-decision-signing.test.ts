// Issue 14, item 1 on screen: on a decision to refer, the sign panel offers nobody the
// meaning "I authorise the decision not to refer"; the record summarises the decision in
// plain English and says the police are involved once the report is recorded.
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addStaff, completeSetup, DEMO, fillWhen, openIncident, startRecord } from '../support/journeys';

const TITLE = 'Photo forwarded to a year group chat';

describe('a decision to refer', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('offers the headteacher no “not to refer” meaning, and says truly that the police are involved', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    await addStaff(page, DEMO.head, ['Headteacher']);
    await openIncident(page, TITLE);

    await startRecord(page, 'Initial review meeting');
    await fillWhen(page, '2026-11-20', '11:00', 'Date of the meeting');
    await page.getByLabel('Who attended').fill('DSL, head of Year 9');
    for (const n of [1, 2, 3, 4, 5]) await page.getByRole('group', { name: new RegExp(`^${n}\\. `) }).getByLabel('No', { exact: true }).check();
    await page.getByRole('group', { name: /with malicious intent/ }).getByLabel('No', { exact: true }).check();
    await page.getByLabel('Refer to the police and/or children’s social care').check();
    await page.getByLabel('The police', { exact: true }).check();
    await page.getByLabel('Children’s social care', { exact: true }).check();
    await page.getByLabel('Reasons for the decision').fill('Forwarded to about 100 pupils; the DSL judges a referral is needed.');
    await page.getByRole('button', { name: 'Save initial review' }).click();
    // A decision to refer leads straight to the police report; the DSL goes back to the incident first.
    await page.getByRole('heading', { name: 'Report to the police', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Back to the incident' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    const card = page.getByRole('article', { name: /Initial review meeting/ });
    await expect.poll(() => card.textContent()).toContain('Decision: refer to the police and children’s social care.');
    await card.getByRole('button', { name: 'Sign', exact: true }).click();
    const panel = card.getByRole('region', { name: /Sign version/ });
    const offered = await panel.getByRole('radio').evaluateAll((inputs) => inputs.map((i) => i.closest('label, .radio')?.textContent?.trim() ?? i.getAttribute('value')));
    expect(offered.join(' | ')).not.toContain('not to refer');
    expect(offered).toHaveLength(1);
    await panel.getByRole('button', { name: 'Cancel' }).click();

    const summary = page.locator('dl.summary-list');
    await expect.poll(() => summary.textContent()).toContain('Not yet: the school decided to refer to the police, but the report to them is not yet recorded.');

    await startRecord(page, 'Report to the police');
    await fillWhen(page, '2026-11-20', '14:00');
    await page.getByLabel('Safer schools officer').check();
    await page.getByLabel('Who was the report made to?').fill('PC Rowan Ashby (collar 4471)');
    await page.getByLabel('The police gave no crime reference').check();
    await page.getByLabel('Why was no crime reference given?').fill('Advice only: the officer recorded no crime.');
    await expect.poll(() => page.getByLabel('Crime reference number').count()).toBe(0);
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await expect.poll(() => summary.textContent()).toContain('Yes, by referral: reported to the police on 20 Nov 2026.');
    await expect.poll(() => page.getByRole('article', { name: /Report to the police/ }).textContent()).toContain(
      'No crime reference was given: Advice only: the officer recorded no crime.',
    );
    expect(await page.getByRole('region', { name: 'What is missing' }).textContent()).not.toContain('crime reference');
    expect(app.consoleErrors).toEqual([]);
  });
});
