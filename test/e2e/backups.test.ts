// Issue 8, end to end: the DSL is warned on the dashboard that nothing is backed up, chooses
// a folder (the harness stands in for the folder dialog), backs up now, sees the backup
// listed and its time on the dashboard, then restores it over the live records and signs
// in again. Every name here is fictional.
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup, DEMO, signIn } from '../support/journeys';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Notes, from inside the page, whether an indeterminate progress bar was shown while backing up. */
async function watchForProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = { progress: false, status: '' };
    (window as unknown as { __backupSeen: typeof seen }).__backupSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (bar && !bar.hasAttribute('value')) {
        seen.progress = true;
        seen.status = document.querySelector('.backup-progress[role="status"]')?.textContent ?? '';
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

describe('backups', () => {
  let app: LaunchedApp | undefined;
  let root: string | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    if (root) await rm(root, { recursive: true, force: true });
    root = undefined;
  });

  it('chooses a folder, backs up now, lists the backup, shows its time on the dashboard, and restores it', async () => {
    root = await mkdtemp(join(tmpdir(), 'records-e2e-backups-'));
    const dataDir = join(root, 'data');
    // Fixed at 09:00 on a November morning (GMT), so times on screen are known.
    app = await launchApp({ dataDir, now: () => new Date('2026-11-23T09:00:00Z') });
    const { page, backupDir } = app;
    await completeSetup(page);

    // The dashboard warns, first, that nothing is being backed up.
    const panel = page.getByRole('region', { name: 'Backups' });
    await expect.poll(() => panel.textContent()).toMatch(/No backup folder has been chosen/);
    await expectNoAxeViolations(page);
    await panel.getByRole('link', { name: 'Go to Backups to back up now' }).click();
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
    await expectNoAxeViolations(page);

    // Choosing where backups go is confirmed with the DSL's own password: a wrong one is refused on the field.
    const folderForm = page.getByRole('form', { name: 'Choose where backups are kept' });
    await folderForm.getByLabel('Your password, to confirm').fill('not my password at all');
    await folderForm.getByRole('button', { name: 'Choose a folder' }).click();
    await folderForm.locator('.field-error').filter({ hasText: 'Your password is not right' }).waitFor();
    expect(await page.getByText(backupDir, { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await folderForm.getByLabel('Your password, to confirm').fill(DEMO.dsl.password);
    await folderForm.getByRole('button', { name: 'Choose a folder' }).click();
    await page.getByText(backupDir, { exact: true }).waitFor();

    await watchForProgress(page);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/Backed up at 23 Nov 2026, 09:00: records-backup-2026-11-23-090000\.ypsibak/).waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __backupSeen: { progress: boolean; status: string } }).__backupSeen);
    expect(seen.progress).toBe(true);
    expect(seen.status).toMatch(/Backing up the records/);
    expect(await readdir(backupDir)).toEqual(['records-backup-2026-11-23-090000.ypsibak']);

    const list = page.getByRole('table', { name: 'Backups in the folder, newest first' });
    await expect.poll(() => list.getByRole('row').count()).toBe(2);
    const row = list.getByRole('row').nth(1);
    expect(await row.textContent()).toMatch(/23 Nov 2026, 09:00.*Good/);
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toMatch(/23 Nov 2026, 09:00/);
    await expectNoAxeViolations(page);

    // The dashboard now shows the time, without a warning.
    await page.getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => page.getByTestId('dashboard-last-backup').textContent()).toBe('Last good backup: 23 Nov 2026, 09:00.');
    expect(await page.getByRole('region', { name: 'Backups' }).textContent()).not.toMatch(/No backup/);

    // Settings leads to the same page; the restore step explains itself and asks for the tick.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('region', { name: 'Backups' }).getByRole('link', { name: 'Backups' }).click();
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Restore the backup made 23 Nov 2026, 09:00' }).click();
    await page.getByRole('heading', { name: 'Restore the backup made 23 Nov 2026, 09:00', level: 2 }).waitFor();
    await expect.poll(() => page.locator('.warning-text').textContent()).toMatch(/kept, not deleted, in a folder named data-replaced-/);
    await expectNoAxeViolations(page);
    await page.getByLabel('Your username').fill(DEMO.dsl.username);
    await page.getByLabel('Your password', { exact: true }).fill(DEMO.dsl.password);
    await page.getByLabel('Your password, to confirm').fill(DEMO.dsl.password);
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByRole('link', { name: 'Tick the box to confirm that the records will be replaced' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel(/I understand that the records will be replaced/).check();
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor({ timeout: 60_000 });
    // (data.state is this computer's state folder, where the test harness keeps the anchors.)
    expect((await readdir(root)).filter((name) => !name.endsWith('.state')).sort()).toEqual(['data', 'data-replaced-2026-11-23-090000']);

    await signIn(page, DEMO.dsl);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
