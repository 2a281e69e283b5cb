// Issue 14, item 10, through the screens only: the add-staff form starts empty for each
// person, a DSL changes a member of staff's roles and reactivates an account (each with a
// reason), and edits the school's name and URN in Settings.
import AxeBuilder from '@axe-core/playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addStaff, completeSetup, DEMO, lock, signIn } from '../support/journeys';

const TEMPORARY = 'amber walrus lantern ninety';

async function expectNoAxeViolations(app: LaunchedApp): Promise<void> {
  const results = await new AxeBuilder({ page: app.page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('changing staff accounts and the school, end to end', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('clears the add-staff form, changes roles, reactivates an account and edits the school', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);

    // 1. Adding two people: nothing of the first is left for the second.
    await addStaff(page, DEMO.deputy, ['Deputy DSL'], { makeOwn: false });
    const confirmation = page.getByRole('status').filter({ hasText: `${DEMO.deputy.name} has been added as Deputy DSL. They can now sign in.` });
    await confirmation.waitFor();
    await expect.poll(() => confirmation.evaluate((node) => node === document.activeElement)).toBe(true);
    const form = page.getByRole('region', { name: 'Add a member of staff' });
    for (const label of ['Full name', 'Username', 'Confirm password']) expect(await form.getByLabel(label).inputValue()).toBe('');
    expect(await form.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    for (const role of ['Designated Safeguarding Lead', 'Deputy DSL', 'Headteacher']) expect(await form.getByLabel(role).isChecked()).toBe(false);

    await addStaff(page, DEMO.head, ['Headteacher'], { makeOwn: false });
    await page.getByText(`${DEMO.head.name} has been added as Headteacher.`).waitFor();
    const headRow = page.getByRole('row', { name: new RegExp(DEMO.head.name) });
    expect(await headRow.getByRole('cell').nth(2).textContent()).toBe('Headteacher');

    // 2. Changing the head's roles: a reason is required, then the change shows from → to.
    await page.getByRole('button', { name: `Change roles for ${DEMO.head.name}` }).click();
    const rolesPanel = page.getByRole('region', { name: `Change ${DEMO.head.name}'s roles` });
    await rolesPanel.getByLabel('Deputy DSL').check();
    await rolesPanel.getByRole('button', { name: 'Change roles' }).click();
    await rolesPanel.getByRole('link', { name: 'Give the reason for the change' }).waitFor();
    await expectNoAxeViolations(app);
    await rolesPanel.screenshot({ path: 'test-results/staff-change-roles.png' });
    await rolesPanel.getByLabel('Reason for the change').fill('Also covers as deputy DSL this term');
    await rolesPanel.getByLabel('Your password, to confirm').fill(DEMO.dsl.password);
    await rolesPanel.getByRole('button', { name: 'Change roles' }).click();
    await page.getByText(`${DEMO.head.name}'s roles have changed from Headteacher to Deputy DSL and Headteacher.`).waitFor();
    expect(await headRow.getByRole('cell').nth(2).textContent()).toBe('Deputy DSL, Headteacher');
    // Your own roles are changed by another DSL, never by you.
    expect(await page.getByRole('button', { name: `Change roles for ${DEMO.dsl.name}` }).count()).toBe(0);

    // 3. Deactivated, then reactivated with a reason and a temporary password.
    await page.getByRole('button', { name: `Deactivate ${DEMO.deputy.name}` }).click();
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await page.getByText(`${DEMO.deputy.name}'s account has been deactivated.`).waitFor();
    await page.getByRole('button', { name: `Reactivate ${DEMO.deputy.name}` }).click();
    const reactivate = page.getByRole('region', { name: `Reactivate ${DEMO.deputy.name}'s account` });
    await reactivate.getByLabel('Reason for reactivating').fill('Returned from leave');
    await reactivate.getByLabel('Temporary password', { exact: true }).fill(TEMPORARY);
    await reactivate.getByLabel('Confirm temporary password').fill(TEMPORARY);
    await expectNoAxeViolations(app);
    await reactivate.screenshot({ path: 'test-results/staff-reactivate.png' });
    await reactivate.getByRole('button', { name: 'Reactivate account' }).click();
    await page.getByText(`${DEMO.deputy.name}'s account has been reactivated.`).waitFor({ timeout: 30_000 });
    const deputyRow = page.getByRole('row', { name: new RegExp(DEMO.deputy.name) });
    expect(await deputyRow.getByRole('cell').nth(3).textContent()).toBe('Active');

    await lock(page);
    await signIn(page, { username: DEMO.deputy.username, password: TEMPORARY });
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.header-user').textContent()).toContain(`${DEMO.deputy.name} (Deputy DSL)`);
    // The temporary password is the DSL's choice: the deputy is told who set it, and to change it before signing.
    await expect.poll(() => page.getByTestId('password-set-by').textContent()).toMatch(
      new RegExp(`^Your password was set by ${DEMO.dsl.name} on .+\\. Change your password before you sign anything\\.$`),
    );

    // 4. The school's name and URN, checked as at set-up.
    await lock(page);
    await signIn(page, DEMO.dsl);
    await page.getByRole('link', { name: 'Settings' }).click();
    const school = page.getByRole('region', { name: 'School' });
    await school.getByLabel('School name').fill('Quillfeather Primary Academy');
    await school.getByLabel('URN').fill('12345');
    await school.getByRole('button', { name: 'Save school details' }).click();
    await school.getByRole('link', { name: 'A URN is 6 digits; leave it blank if you do not know it' }).waitFor();
    await expectNoAxeViolations(app);
    await school.getByLabel('URN').fill('123456');
    await school.getByRole('button', { name: 'Save school details' }).click();
    await school.getByText('Saved: Quillfeather Primary Academy, URN 123456.').waitFor();
    await expect.poll(() => page.locator('.header-school-name').textContent()).toBe('Quillfeather Primary Academy');
    await page.screenshot({ path: 'test-results/staff-settings.png', fullPage: true });
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
    await page.screenshot({ path: 'test-results/staff-page.png', fullPage: true });
    expect(app.consoleErrors).toEqual([]);
  });
});
