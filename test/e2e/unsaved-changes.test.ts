// Issue 14, item 11, through the screens only: leaving a form with unsaved typing asks
// first (Stay keeps the typing, Leave goes), closing the page asks too, a saved form never
// asks, and locking the records is never held up by a question.
import AxeBuilder from '@axe-core/playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup, DEMO, openIncident, signIn } from '../support/journeys';

describe('unsaved work, end to end', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('asks before leaving a form with typing in it, and not after a save or when locking', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const question = page.getByRole('alertdialog', { name: 'Leave this page?' });

    // Typing into the new-pupil form, then following a link: the question, Stay first.
    await nav.getByRole('link', { name: 'Pupils' }).click();
    await page.getByRole('link', { name: 'Add a pupil' }).click();
    await page.getByRole('heading', { name: 'Add a pupil', level: 1 }).waitFor();
    await page.getByLabel('First name').fill('Tamsin');
    await nav.getByRole('link', { name: 'Incidents' }).click();
    await question.waitFor();
    expect(await question.getByText('What you have typed will be lost.').count()).toBe(1);
    await expect.poll(() => question.getByRole('button', { name: 'Stay' }).evaluate((node) => node === document.activeElement)).toBe(true);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: 'test-results/leave-page-dialog.png' });

    await question.getByRole('button', { name: 'Stay' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { name: 'Add a pupil', level: 1 }).count()).toBe(1);
    expect(await page.getByLabel('First name').inputValue()).toBe('Tamsin');

    // Escape is Stay too; then Leave goes where the link pointed.
    await nav.getByRole('link', { name: 'Incidents' }).click();
    await question.waitFor();
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await page.getByLabel('First name').inputValue()).toBe('Tamsin');
    await nav.getByRole('link', { name: 'Incidents' }).click();
    await question.getByRole('button', { name: 'Leave' }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();

    // A form saved, then moved on from: no question (the form navigates on save, too).
    await openIncident(page, 'Image shared on a class group chat');
    await nav.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    expect(await question.count()).toBe(0);

    // A form that stays on screen after saving: no question once saved.
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('URN').fill('654321');
    await page.getByRole('button', { name: 'Save school details' }).click();
    await page.getByText('Saved: Quillfeather Academy, URN 654321.').waitFor();
    await nav.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
    expect(await question.count()).toBe(0);

    // Closing or reloading the page with typing in a form: the browser's own question.
    await page.getByRole('region', { name: 'Add a member of staff' }).getByLabel('Full name').fill('Wilhelmina Ashdown');
    const beforeUnload = page.waitForEvent('dialog');
    void page.close({ runBeforeUnload: true });
    const dialog = await beforeUnload;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    expect(page.isClosed()).toBe(false);
    expect(await page.getByLabel('Full name').inputValue()).toBe('Wilhelmina Ashdown');

    // Locking with typing in a form: locked at once, nothing asked, no record's address left.
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await question.count()).toBe(0);
    expect(new URL(page.url()).hash).toBe('#/');
    await signIn(page, DEMO.dsl);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
