// Issue 19, "Must show": a disclosure is half typed, the idle lock fires, the person signs in
// again and finishes it from the draft; another person signing in sees no draft of theirs;
// after saving, the draft is gone (decision 0023). The core's clock is moved past the idle
// timeout, as a DSL called away from the desk would leave it.
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addStaff, completeSetup, DEMO, fillWhen, lock, openIncident, signIn, startRecord } from '../support/journeys';

describe('drafts survive the idle lock, end to end', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('a half-typed disclosure is offered again after the lock, is the author’s alone, and goes once saved', async () => {
    let awayMs = 0;
    app = await launchApp({ now: () => new Date(Date.now() + awayMs) });
    const { page, core } = app;
    await completeSetup(page);
    await addStaff(page, DEMO.deputy, ['Deputy DSL']);
    const reference = await openIncident(page, 'Photo shared in a Year 9 group chat', { cameToAttentionOn: '2026-11-19' });
    const mine = async () => {
      const answer = await core.dispatch('drafts.mine', {});
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value as { description: string }[];
    };

    await startRecord(page, 'Disclosure');
    await fillWhen(page, '2026-11-20', '09:10');
    await page.getByLabel('A friend or another pupil').check();
    await page.getByLabel('Who did they tell?').fill('Form tutor');
    await page.getByLabel('What was said').fill('Her friends said she is worried');
    // Kept a moment after typing stops.
    await expect.poll(mine, { timeout: 10_000 }).toEqual([expect.objectContaining({ description: `a disclosure on ${reference}` })]);

    // Called away: past the school's five minutes, the next thing the form sends finds the records locked.
    awayMs = 6 * 60_000;
    await page.getByLabel('Who did they tell?').fill('Form tutor, Mr Fictional');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor({ timeout: 30_000 });

    // Someone else at the desk sees nothing of it.
    await signIn(page, DEMO.deputy);
    await page.getByRole('heading', { name: 'Backups', level: 2 }).waitFor();
    expect(await mine()).toEqual([]);
    expect(await page.getByRole('region', { name: 'Unfinished records' }).count()).toBe(0);
    await lock(page);

    // The author is offered it, and carries on where they were.
    await signIn(page, DEMO.dsl);
    const offer = page.getByRole('region', { name: 'Unfinished records' });
    await offer.waitFor();
    expect(await offer.textContent()).toMatch(new RegExp(`You were recording a disclosure on ${reference} at \\d\\d:\\d\\d`));
    await offer.getByRole('link', { name: `Continue recording a disclosure on ${reference}` }).click();
    await page.getByText(/Restored your draft from \d\d:\d\d/).waitFor();
    expect(await page.getByLabel('What was said').inputValue()).toBe('Her friends said she is worried');
    expect(await page.getByLabel('A friend or another pupil').isChecked()).toBe(true);
    expect(await page.getByLabel('Date it happened').inputValue()).toBe('2026-11-20');

    await page.getByLabel('What was said').fill('Her friends said she is worried her boyfriend will share a photo she sent him.');
    await page.getByLabel('In person').check();
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.getByRole('heading', { name: 'Photo shared in a Year 9 group chat', level: 1 }).waitFor();
    await page.getByRole('article', { name: /Disclosure/ }).first().waitFor();

    // Saved: the draft went with the same commit, and the home page offers nothing.
    expect(await mine()).toEqual([]);
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { name: 'Backups', level: 2 }).waitFor();
    expect(await page.getByRole('region', { name: 'Unfinished records' }).count()).toBe(0);
  });
});
