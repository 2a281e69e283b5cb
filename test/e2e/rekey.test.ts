// Issue 16 item 6 through the screens: a DSL deactivates a leaver and is told the records now
// have a new key, that older backups still open with old passwords, makes a fresh backup and
// retires the older ones from the same notice; then replaces the recovery code (shown once,
// checked as at set-up), after which the old code is refused and the new one works. Every
// name here is fictional.
import AxeBuilder from '@axe-core/playwright';
import { readdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addStaff, completeSetup, DEMO, lock, signIn } from '../support/journeys';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('re-keying when someone leaves, end to end', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('deactivating re-keys, offers a fresh backup and retiring older ones; the recovery code is replaced and shown once', async () => {
    let minutes = 0;
    // A clock that moves a minute per backup, so backups have distinct times.
    app = await launchApp({ now: () => new Date(Date.parse('2026-11-23T09:00:00Z') + minutes * 60_000) });
    const { page, backupDir, core } = app;
    const oldCode = await completeSetup(page);
    await addStaff(page, DEMO.deputy, ['Deputy DSL'], { makeOwn: false });

    // Two backups made before the deputy leaves (through the core: the backup screens have their own test).
    expect(await core.dispatch('backups.chooseFolder', { currentPassword: DEMO.dsl.password })).toMatchObject({ ok: true });
    expect(await core.dispatch('backups.run', {})).toMatchObject({ ok: true });
    minutes += 1;
    expect(await core.dispatch('backups.run', {})).toMatchObject({ ok: true });
    minutes += 1;
    expect(await readdir(backupDir)).toHaveLength(2);

    await page.getByRole('button', { name: `Deactivate ${DEMO.deputy.name}` }).click();
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await page.getByText(`${DEMO.deputy.name}'s account has been deactivated.`).waitFor({ timeout: 30_000 });
    const notice = page.getByRole('region', { name: 'The records now have a new key' });
    await notice.waitFor();
    await expect.poll(() => notice.textContent()).toMatch(/still open with the passwords and the recovery code they were made with/);
    await expectNoAxeViolations(page);

    await notice.getByRole('button', { name: 'Make a fresh backup now' }).click();
    await notice.getByText(/Fresh backup made:/).waitFor({ timeout: 30_000 });
    minutes += 1;
    // Retiring needs the box ticked.
    await notice.getByRole('button', { name: 'Retire older backups' }).click();
    await notice.getByRole('alert').filter({ hasText: 'Tick the box' }).waitFor();
    expect(await readdir(backupDir)).toHaveLength(3);
    await notice.getByLabel('Delete every older backup of these records from the backup folder').check();
    await expectNoAxeViolations(page);
    await notice.getByRole('button', { name: 'Retire older backups' }).click();
    await notice.getByText('2 older backups deleted.').waitFor();
    expect(await readdir(backupDir)).toHaveLength(1);

    // The leaver cannot sign in; the DSL still can.
    await lock(page);
    await signIn(page, DEMO.deputy);
    await page.getByText('The username or password is not right.').first().waitFor();
    await signIn(page, DEMO.dsl);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();

    // A new recovery code: confirmed with the DSL's password, shown once, checked as at set-up.
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('button', { name: 'Replace the recovery code' }).click();
    const replace = page.getByRole('region', { name: 'Replace the recovery code' });
    await replace.getByLabel('Your password, to confirm').fill(DEMO.dsl.password);
    await replace.getByRole('button', { name: 'Replace the recovery code' }).click();
    await page.getByRole('heading', { name: 'Keep this recovery code safe' }).waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(page);
    const groups = await page.locator('.recovery-group').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-group') ?? ''));
    const newCode = groups.join('-');
    expect(newCode).not.toBe(oldCode);
    await page.getByLabel('Group 3').fill(groups[2] ?? '');
    await page.getByLabel('Group 6').fill(groups[5] ?? '');
    await page.getByRole('button', { name: 'I have stored the code — continue' }).click();
    await page.getByText('The recovery code has been replaced. The old code no longer works').waitFor();
    await page.getByRole('region', { name: 'The records now have a new key' }).waitFor();

    // Signed out: the old code is refused, the new one resets a password.
    await lock(page);
    await page.getByRole('button', { name: 'Forgotten your password?' }).click();
    await page.getByLabel('Recovery code').fill(oldCode);
    await page.getByLabel('Username').fill(DEMO.dsl.username);
    await page.getByLabel('New password', { exact: true }).fill('marmalade glacier whistle tandem');
    await page.getByLabel('Confirm new password').fill('marmalade glacier whistle tandem');
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByText('That recovery code is not right.').first().waitFor({ timeout: 30_000 });
    minutes += 60;
    await page.getByLabel('Recovery code').fill(newCode);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByText('The password has been reset.').waitFor({ timeout: 30_000 });
    await signIn(page, { username: DEMO.dsl.username, password: 'marmalade glacier whistle tandem' });
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
