// Issue 19 item 4: from the police report form, "Guidance: …" opens the right section of the
// help beside the form, keyboard only, and nothing typed is lost; the link to the whole Help
// page is guarded like any other way off an unsaved form, and lands on that section.
import AxeBuilder from '@axe-core/playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup, openIncident } from '../support/journeys';

const TITLE = 'Image sent to an adult contact';
const SECTION = "The police and children's social care";

describe('guidance at hand', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('the police report form shows its section of the guidance and keeps what was typed', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    await openIncident(page, TITLE, { kind: /shared imagery made by another under-18/ });
    await page.evaluate(() => {
      window.location.hash = `${window.location.hash}/record/police-report`;
    });
    await page.getByRole('heading', { name: 'Report to the police', level: 1 }).waitFor();
    const reportedTo = page.getByLabel('Who was the report made to?');
    await reportedTo.fill('Call handler, then PC 4471 Ashdown');

    // Keyboard only: the link is a button that opens the section beside the form.
    const link = page.getByRole('button', { name: `Guidance: ${SECTION}` });
    await link.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: `Guidance: ${SECTION}` });
    await panel.getByRole('heading', { name: SECTION }).waitFor();
    expect(await panel.textContent()).toContain('by dialling 101');
    expect(await panel.textContent()).toContain('UKCCIS 2016, section 2: Reporting incidents to the police');
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    // Typing goes on with the guidance open, and nothing is lost when it is closed.
    await reportedTo.press('End');
    await reportedTo.pressSequentially(' (safer schools officer)');
    await panel.getByRole('button', { name: 'Close the guidance' }).click();
    expect(await reportedTo.inputValue()).toBe('Call handler, then PC 4471 Ashdown (safer schools officer)');

    // The whole Help page is a way off the form: the guard asks, and staying keeps the typing.
    await link.click();
    await panel.getByRole('link', { name: 'All the guidance on the Help page' }).click();
    const leave = page.getByRole('alertdialog', { name: 'Leave this page?' });
    await leave.getByRole('button', { name: 'Stay' }).click();
    expect(await reportedTo.inputValue()).toBe('Call handler, then PC 4471 Ashdown (safer schools officer)');

    await panel.getByRole('link', { name: 'All the guidance on the Help page' }).click();
    await leave.getByRole('button', { name: 'Leave' }).click();
    await page.getByRole('heading', { name: 'Help: the guidance', level: 1 }).waitFor();
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe(SECTION);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  });
});
