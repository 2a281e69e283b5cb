// Issue 19 item 2 on screen: an action with a due date shows on /due and in the dashboard's next
// 7 days; marking it done with a note takes it off both, and the incident keeps the note.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/due';
import { schoolToday } from '../../shared/domain/dates';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup, fillWhen, openIncident, startRecord } from '../support/journeys';

const TITLE = 'Photo shared after a sleepover';
const ACTION = 'Meet Pupil A’s parents with the head of year';
const NOTE = 'Met both parents after school; they will talk to Pupil A tonight.';

describe('what is due', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('lists an action due this week on /due and the dashboard, and marking it done with a note clears it', async () => {
    const today = schoolToday();
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    const reference = await openIncident(page, TITLE, { cameToAttentionOn: addDays(today, -2) });

    await startRecord(page, 'Action');
    await fillWhen(page, addDays(today, -1), '09:00');
    await page.getByLabel('Follow-up to do').check();
    await page.getByLabel('Describe the action').fill(ACTION);
    await page.getByLabel('Who is to do it (optional)').selectOption({ label: 'Marigold Thistlewood' });
    await page.getByLabel('Due by (optional)').fill(addDays(today, 3));
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Home', exact: true }).click();
    const soon = page.getByRole('list', { name: 'Due in the next 7 days' });
    await expect.poll(() => soon.textContent()).toContain(`${ACTION} (Marigold Thistlewood; due`);

    await page.getByRole('link', { name: 'What is due', exact: true }).click();
    await page.getByRole('heading', { name: 'What is due', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'What is due' });
    const row = table.getByRole('row').filter({ hasText: ACTION });
    await expect.poll(() => row.textContent()).toContain(reference);
    expect(await row.textContent()).toContain('Marigold Thistlewood');

    // Only what is the DSL's: the filter goes into the address, and Back brings the whole list again.
    await page.getByLabel('Whose').selectOption({ label: 'Marigold Thistlewood (you)' });
    await expect.poll(() => page.url()).toMatch(/owner=\d+/);
    await page.goBack();
    await expect.poll(() => page.url()).not.toMatch(/owner=/);

    await row.getByRole('button', { name: `Mark done: ${ACTION}` }).click();
    const form = page.getByRole('form', { name: `Mark done: ${ACTION}` });
    expect(await form.getByLabel('Done on').inputValue()).toBe(today);
    await form.getByLabel('Note of what was done').fill(NOTE);
    await form.getByRole('button', { name: 'Save as done' }).click();
    await expect.poll(() => table.getByRole('row').filter({ hasText: ACTION }).count()).toBe(0);

    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { name: /^Due in the next 7 days/ }).waitFor();
    // The home page may first draw what the cache held and then the fresh answer: wait for it.
    await expect.poll(() => page.getByRole('main').textContent()).not.toContain(ACTION);

    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByRole('link', { name: reference, exact: true }).first().click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const card = page.getByRole('article', { name: /^Action/ });
    await expect.poll(() => card.textContent()).toContain(`Amended: ${NOTE}`);
    expect(app.consoleErrors).toEqual([]);
  });
});
