import type { Page } from 'playwright-core';

/** Fictional people for tests and screenshots; no real school or person. */
export const DEMO = {
  school: 'Quillfeather Academy',
  dsl: { name: 'Marigold Thistlewood', username: 'mthistle', password: 'correct horse battery staple' },
  head: { name: 'Barnaby Hollowell', username: 'bhollow', password: 'violet tractor pudding moon' },
  deputy: { name: 'Odette Fairweather', username: 'ofair', password: 'lantern biscuit orbit meadow' },
} as const;

export type Account = { name: string; username: string; password: string };

/** Fills in first-run set-up as a DSL would, confirms the recovery code, and returns it. */
export async function completeSetup(page: Page, options: { school?: string; dsl?: Account; alsoHead?: boolean } = {}): Promise<string> {
  const dsl = options.dsl ?? DEMO.dsl;
  await page.getByLabel('School name').fill(options.school ?? DEMO.school);
  await page.getByLabel('Your full name').fill(dsl.name);
  if (options.alsoHead) await page.getByLabel('I am also the headteacher').check();
  await page.getByLabel('Username').fill(dsl.username);
  await page.getByLabel('Password', { exact: true }).fill(dsl.password);
  await page.getByLabel('Confirm password').fill(dsl.password);
  await page.getByRole('button', { name: 'Set up the records' }).click();
  await page.getByRole('heading', { name: 'Keep this recovery code safe' }).waitFor({ timeout: 30_000 });
  const groups = await page.locator('.recovery-group').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-group') ?? ''));
  await page.getByLabel('Group 3').fill(groups[2] ?? '');
  await page.getByLabel('Group 6').fill(groups[5] ?? '');
  await page.getByRole('button', { name: /I have stored the code/ }).click();
  await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
  return groups.join('-');
}

export async function signIn(page: Page, account: Pick<Account, 'username' | 'password'>): Promise<void> {
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
}

export async function addStaff(page: Page, account: Account, roles: string[]): Promise<void> {
  await page.getByRole('link', { name: 'Staff' }).click();
  const form = page.getByRole('region', { name: 'Add a member of staff' });
  await form.getByLabel('Full name').fill(account.name);
  await form.getByLabel('Username').fill(account.username);
  for (const role of roles) await form.getByLabel(role).check();
  await form.getByLabel('Password', { exact: true }).fill(account.password);
  await form.getByLabel('Confirm password').fill(account.password);
  await form.getByRole('button', { name: 'Add member of staff' }).click();
  await page.getByText(`${account.name} has been added.`).waitFor();
}
