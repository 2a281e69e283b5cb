import AxeBuilder from '@axe-core/playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addStaff, completeSetup, DEMO, lock, signIn } from '../support/journeys';

async function expectNoAxeViolations(app: LaunchedApp): Promise<void> {
  const results = await new AxeBuilder({ page: app.page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('staff accounts, end to end', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('sets up, locks, unlocks, adds a head and a deputy, deactivates one and resets a password with the recovery code', async () => {
    app = await launchApp();
    const { page } = app;

    const recoveryCode = await completeSetup(page);
    await expect.poll(() => page.locator('.header-school-name').textContent()).toBe(DEMO.school);
    await expectNoAxeViolations(app);

    await lock(page);
    // Nothing of the records is left in the page once it is locked.
    expect(await page.content()).not.toContain(DEMO.school);
    await signIn(page, DEMO.dsl);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();

    await addStaff(page, DEMO.head, ['Headteacher']);
    await addStaff(page, DEMO.deputy, ['Deputy DSL']);
    await expectNoAxeViolations(app);
    const rows = page.getByRole('table', { name: 'Staff accounts' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);

    for (const person of [DEMO.head, DEMO.deputy]) {
      await lock(page);
      await signIn(page, person);
      await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
      await expect.poll(() => page.locator('.header-user strong').textContent()).toBe(person.name);
      // Only a DSL manages staff.
      expect(await page.getByRole('link', { name: 'Staff' }).count()).toBe(0);
    }

    await lock(page);
    await signIn(page, DEMO.dsl);
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('button', { name: `Deactivate ${DEMO.deputy.name}` }).click();
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await page.getByText(`${DEMO.deputy.name}'s account has been deactivated.`).waitFor();

    await lock(page);
    await signIn(page, DEMO.deputy);
    await page.getByText('The username or password is not right.').first().waitFor();
    const unknownUser = await app.core.dispatch('session.unlock', { username: 'nobody', password: 'whatever it is' });
    expect(unknownUser).toMatchObject({ ok: false, error: { message: 'The username or password is not right.' } });

    await page.getByRole('button', { name: 'Forgotten your password?' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCode.toLowerCase());
    await page.getByLabel('Username').fill(DEMO.head.username);
    await page.getByLabel('New password', { exact: true }).fill('marmalade glacier whistle tandem');
    await page.getByLabel('Confirm new password').fill('marmalade glacier whistle tandem');
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByText('The password has been reset.').waitFor({ timeout: 30_000 });

    await signIn(page, { username: DEMO.head.username, password: DEMO.head.password });
    await page.getByText('The username or password is not right.').first().waitFor();
    await signIn(page, { username: DEMO.head.username, password: 'marmalade glacier whistle tandem' });
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.header-user strong').textContent()).toBe(DEMO.head.name);
    expect(app.consoleErrors).toEqual([]);
  });
});
