// Issue 7, end to end: the DSL prints an incident report for a meeting, naming one pupil
// and not the other, using only the keyboard. The PDF on disk is read back with pdftotext
// (Debian poppler-utils) to prove the unnamed pupil's name is nowhere in it, including
// where it was typed in an entry's free text. Every name here is fictional.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, completeSetup, DEMO, fillWhen, openIncident, startRecord } from '../support/journeys';

const TITLE = 'Image passed on in a Year 10 group chat';
const NAMED = { firstName: 'Amelia', lastName: 'Brackenridge', dateOfBirth: '2011-03-04' };
const UNNAMED = { firstName: 'Tobias', lastName: 'Wrenfield', dateOfBirth: '2010-12-01' };

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Presses Tab until `target` has focus: proves it can be reached by keyboard, in page order. */
async function tabTo(page: Page, target: Locator, limit = 30): Promise<void> {
  for (let n = 0; n < limit; n += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target.toString()} with the Tab key`);
}

/** Notes, from inside the page, whether an indeterminate progress bar was shown while the Save button was disabled. */
async function watchForProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = { progress: false, disabledButton: false, status: '' };
    (window as unknown as { __exportSeen: typeof seen }).__exportSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (bar && !bar.hasAttribute('value')) {
        seen.progress = true;
        seen.status = document.querySelector('.export-progress[role="status"]')?.textContent ?? '';
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Save PDF');
        if (button?.disabled) seen.disabledButton = true;
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

describe('printing the record as a PDF', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('saves an incident report naming only the pupil ticked, by keyboard, and says nothing was saved when the save is cancelled', async () => {
    let cancel = true;
    // The save dialog: cancelled the first time, then saved under the suggested name.
    app = await launchApp({ savePath: (name) => (cancel ? null : join(app?.exportDir ?? '/nonexistent', name)) });
    const { page, exportDir } = app;
    await completeSetup(page);
    await openIncident(page, TITLE);
    await addPupilToIncident(page, NAMED, ['Pictured in the imagery', 'Made the imagery']);
    await addPupilToIncident(page, UNNAMED, ['Received it', 'Sent or shared it']);

    await startRecord(page, 'Disclosure');
    await fillWhen(page, '2026-11-20', '09:10');
    await page.getByLabel('A friend or another pupil').check();
    await page.getByLabel('Who did they tell?').fill('Form tutor');
    await page.getByLabel('In person').check();
    await page
      .getByLabel('What was said')
      .fill('Amelia Brackenridge said Tobias Wrenfield had passed her photo on to the group chat. Her friend said Tobias still has it on his phone.');
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    // From the incident page's header to the form, by keyboard only.
    await tabTo(page, page.getByRole('link', { name: 'Print or export' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Print or export', level: 1 }).waitFor();

    const report = page.getByRole('radio', { name: 'Incident report' });
    await tabTo(page, report);
    await page.keyboard.press('Space');
    await expect.poll(() => report.isChecked()).toBe(true);

    const children = page.getByRole('group', { name: 'Which children are named?' });
    await children.waitFor();
    const named = children.getByRole('checkbox', { name: /Amelia Brackenridge/ });
    const unnamed = children.getByRole('checkbox', { name: /Tobias Wrenfield/ });
    // In an incident's documents no child is named until the DSL chooses to.
    expect(await named.isChecked()).toBe(false);
    expect(await unnamed.isChecked()).toBe(false);
    await tabTo(page, named);
    await page.keyboard.press('Space');
    await expect.poll(() => named.isChecked()).toBe(true);
    expect(await unnamed.isChecked()).toBe(false);

    await tabTo(page, page.getByLabel('Who is this copy for? (optional)'));
    await page.keyboard.type('Strategy meeting with police and children’s social care, 24 November 2026');
    // Printing is confirmed with the DSL's own password (decision 0016).
    await tabTo(page, page.getByLabel('Your password, to confirm'));
    await page.keyboard.type(DEMO.dsl.password);
    await expectNoAxeViolations(page);

    // Cancelled in the save dialog: nothing on disk, and the page says so.
    const save = page.getByRole('button', { name: 'Save PDF' });
    await tabTo(page, save);
    await page.keyboard.press('Enter');
    await page.getByText(/Nothing was saved/).waitFor();
    expect(readdirSync(exportDir)).toEqual([]);

    // Saved: the progress bar shows (indeterminate, button disabled) while the PDF is made.
    cancel = false;
    await watchForProgress(page);
    await tabTo(page, save);
    await page.keyboard.press('Enter');
    const outcome = page.getByRole('status').filter({ hasText: /Saved \d+-page PDF as/ });
    await outcome.waitFor({ timeout: 30_000 });
    const seen = await page.evaluate(() => (window as unknown as { __exportSeen: { progress: boolean; disabledButton: boolean; status: string } }).__exportSeen);
    expect(seen.progress).toBe(true);
    expect(seen.disabledButton).toBe(true);
    expect(seen.status).toMatch(/Making the PDF of \d+ entr(y|ies)/);
    expect(await outcome.textContent()).toContain('recorded in the audit log');
    // Focus lands on the outcome, so a keyboard or screen-reader user hears it at once.
    await expect.poll(() => outcome.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);

    const fileName = /as (\S+\.pdf)/.exec((await outcome.textContent()) ?? '')?.[1] ?? '';
    expect(fileName).not.toMatch(/Amelia|Brackenridge|Tobias|Wrenfield/);
    expect(readdirSync(exportDir)).toEqual([fileName]);
    const file = join(exportDir, fileName);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    // The disclosure's free text is printed, so the absence of the unnamed pupil's name means something.
    expect(text.replace(/\s+/g, ' ')).toContain('had passed her photo on to the group chat');
    expect(text).toContain('Amelia');
    expect(text).toContain('Brackenridge');
    expect(text).not.toContain('Tobias');
    expect(text).not.toContain('Wrenfield');
    expect(text).toMatch(/Pupil [A-Z]\b/);
    expect(text.replace(/\s+/g, ' ')).toContain('Strategy meeting with police');

    // The export, and only the one that was saved, is in the audit log.
    await page.getByRole('link', { name: 'Audit' }).click();
    const auditRows = page.getByRole('table', { name: /Most recent audit rows/ }).getByRole('row');
    await auditRows.nth(1).waitFor();
    await expect.poll(() => auditRows.filter({ hasText: 'Exported a document' }).count()).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
