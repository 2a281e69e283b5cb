import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
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

/**
 * Adds a member of staff through the Staff page as `by` (a DSL, signed in), who confirms with
 * their own password. With `makeOwn` (the default) the person then makes the password their own.
 */
export async function addStaff(page: Page, account: Account, roles: string[], options: { by?: Account; makeOwn?: boolean } = {}): Promise<void> {
  const by = options.by ?? DEMO.dsl;
  options = { makeOwn: true, ...options };
  await page.getByRole('link', { name: 'Staff' }).click();
  const form = page.getByRole('region', { name: 'Add a member of staff' });
  await form.getByLabel('Full name').fill(account.name);
  await form.getByLabel('Username').fill(account.username);
  for (const role of roles) await form.getByLabel(role).check();
  await form.getByLabel('Password', { exact: true }).fill(account.password);
  await form.getByLabel('Confirm password').fill(account.password);
  await form.getByLabel('Your password, to confirm').fill(by.password);
  await form.getByRole('button', { name: 'Add member of staff' }).click();
  await page.getByText(`${account.name} has been added as`).waitFor();
  if (!options.makeOwn) return;
  // A password the DSL set signs nothing until its owner changes it (decision 0016): the person
  // signs in and makes it their own (the same words, typed by them), then the DSL is back on the staff page.
  await lock(page);
  await signIn(page, account);
  await page.getByRole('link', { name: 'Your account' }).click();
  await page.getByLabel('Current password').fill(account.password);
  await page.getByLabel('New password', { exact: true }).fill(account.password);
  await page.getByLabel('Confirm new password').fill(account.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Your password has been changed.').waitFor({ timeout: 30_000 });
  await lock(page);
  await signIn(page, by);
  await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
}

/** Opens an incident through the form with everyday answers; returns its reference. */
export async function openIncident(page: Page, title: string, options: { kind?: RegExp; cameToAttentionOn?: string } = {}): Promise<string> {
  await page.getByRole('link', { name: 'Incidents', exact: true }).click();
  await page.getByRole('link', { name: 'Open a new incident' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date it came to the school’s attention').fill(options.cameToAttentionOn ?? '2026-11-20');
  await page.getByLabel(options.kind ?? /made and shared imagery of themselves/).check();
  await page.getByLabel('Photo', { exact: true }).check();
  await page.getByLabel('Not known yet').check();
  await page.getByRole('button', { name: 'Open incident' }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  return (await page.locator('.caption').first().textContent()) ?? '';
}

export type NewPupil = { firstName: string; lastName: string; dateOfBirth: string; sex?: 'Female' | 'Male'; yearGroup?: string };

/** Fills the pupil form (register page or inline in the picker) with everyday answers. */
export async function fillPupilForm(scope: Page | ReturnType<Page['locator']>, pupil: NewPupil): Promise<void> {
  await scope.getByLabel('First name').fill(pupil.firstName);
  await scope.getByLabel('Last name').fill(pupil.lastName);
  await scope.getByLabel('Date of birth').fill(pupil.dateOfBirth);
  await scope.getByLabel(pupil.sex ?? 'Female', { exact: true }).check();
  await scope.getByLabel('Year group').selectOption({ label: pupil.yearGroup ?? 'Year 10' });
  await scope.getByRole('group', { name: /special educational needs/ }).getByLabel('No', { exact: true }).check();
  await scope.getByRole('group', { name: /looked after/ }).getByLabel('No', { exact: true }).check();
  await scope.getByLabel('Not known to children’s social care').check();
}

/**
 * On an incident page: finds the pupil by name in the picker, or adds them to the
 * register from the picker when no one matches, then gives them their roles.
 */
export async function addPupilToIncident(page: Page, pupil: NewPupil, roles: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Add a pupil' }).click();
  const panel = page.getByRole('region', { name: 'Add a pupil to this incident' });
  const input = panel.getByRole('combobox', { name: 'Pupil’s name' });
  await input.fill(`${pupil.firstName} ${pupil.lastName}`);
  await panel.locator('.picker-status').filter({ hasText: /match/ }).waitFor();
  const option = panel.getByRole('option', { name: new RegExp(`^${pupil.firstName} ${pupil.lastName}`) });
  if ((await option.count()) > 0) {
    await option.first().click();
  } else {
    await panel.getByRole('button', { name: 'Add a new pupil' }).click();
    await fillPupilForm(panel, pupil);
    await panel.getByRole('button', { name: 'Add pupil and choose them' }).click();
  }
  await panel.getByText(`Pupil: ${pupil.firstName} ${pupil.lastName}`).waitFor();
  for (const role of roles) await panel.getByLabel(role, { exact: true }).check();
  await panel.getByRole('button', { name: 'Add to incident' }).click();
  await panel.waitFor({ state: 'detached' });
}

/** From an incident page, opens the form for one kind of record through the steps panel. */
export async function startRecord(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Steps in the guidance' }).getByRole('link', { name: `Record: ${label}`, exact: true }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

export async function fillWhen(page: Page, date: string, time: string, dateLabel = 'Date it happened'): Promise<void> {
  await page.getByLabel(dateLabel).fill(date);
  await page.getByLabel('Time', { exact: true }).fill(time);
}

/** Signs one entry on the incident page as `account`, with the meaning that matches. */
export async function signEntry(page: Page, entryTitle: RegExp, account: Pick<Account, 'username' | 'password'>, meaning: RegExp): Promise<void> {
  const card = page.getByRole('article', { name: entryTitle });
  await card.getByRole('button', { name: 'Sign', exact: true }).click();
  const panel = card.getByRole('region', { name: /Sign version/ });
  await panel.getByLabel(meaning).check();
  await panel.getByLabel('Signer’s username').fill(account.username);
  await panel.getByLabel('Signer’s password').fill(account.password);
  await panel.getByRole('button', { name: 'Sign', exact: true }).click();
  await panel.waitFor({ state: 'detached', timeout: 30_000 });
}

/** From the incident page: prints the incident report and returns its text (pdftotext), lines folded. */
export async function printReport(page: Page, exportDir: string, printer: Pick<Account, 'password'> = DEMO.dsl): Promise<string> {
  await page.getByRole('link', { name: 'Print or export' }).click();
  await page.getByRole('heading', { name: 'Print or export', level: 1 }).waitFor();
  await page.getByRole('radio', { name: 'Incident report' }).check();
  await page.getByLabel('Your password, to confirm').fill(printer.password);
  await page.getByRole('button', { name: 'Save PDF' }).click();
  const outcome = page.getByRole('status').filter({ hasText: /Saved \d+-page PDF as/ });
  await outcome.waitFor({ timeout: 60_000 });
  const fileName = /as (\S+\.pdf)/.exec((await outcome.textContent()) ?? '')?.[1] ?? '';
  return execFileSync('pdftotext', [join(exportDir, fileName), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
