import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ageOn, schoolToday } from '../../shared/domain/dates';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, addStaff, completeSetup, DEMO, fillPupilForm, lock, openIncident, signIn } from '../support/journeys';

/** Screenshots of each pupils screen, for a person to look over; set SHOTS_DIR to keep them elsewhere. */
const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

/** Fictional pupil, as in the other journeys. */
const AMELIA = { firstName: 'Amelia', lastName: 'Brackenridge', dateOfBirth: '2011-03-04', yearGroup: 'Year 10' } as const;

const REQUIRED_MESSAGES = [
  'Enter the first name',
  'Enter the last name',
  'Enter the date of birth',
  'Choose the pupil’s sex',
  'Choose the year group',
  'Say whether the pupil has special educational needs or a disability',
  'Say whether the pupil is looked after',
  'Say whether the pupil is known to children’s social care',
];

describe('the pupils register, end to end', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('adds a pupil, refuses the same pupil twice, edits them, finds their incidents and keeps heads to viewing', async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    await addStaff(page, DEMO.head, ['Headteacher']);

    await page.getByRole('link', { name: 'Pupils', exact: true }).click();
    await page.getByRole('heading', { name: 'Pupils', level: 1 }).waitFor();
    await page.getByText('No pupils have been recorded yet.').waitFor();
    await expectNoAxeViolations(page);

    // The empty form: one message per required question, in the summary and at the field.
    await page.getByRole('link', { name: 'Add a pupil' }).click();
    await page.getByRole('heading', { name: 'Add a pupil', level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add pupil' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await expect.poll(() => summary.getByRole('listitem').allTextContents()).toEqual(REQUIRED_MESSAGES);
    await expect.poll(() => page.locator('.field-error').count()).toBe(REQUIRED_MESSAGES.length);
    expect(await summary.evaluate((node) => node === document.activeElement)).toBe(true);
    // Each message leads to its question.
    await summary.getByRole('link', { name: 'Choose the year group' }).click();
    expect(await page.getByLabel('Year group').evaluate((node) => node === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);
    await shot(page, 'pupil-form-errors');

    // SEN details are asked for only once "Yes" is chosen.
    await fillPupilForm(page, AMELIA);
    expect(await page.getByLabel('SEN or disability details').count()).toBe(0);
    await page.getByRole('group', { name: /special educational needs/ }).getByLabel('Yes').check();
    await page.getByLabel('SEN or disability details').fill('Speech and language needs; may not follow fast conversation.');
    await page.getByRole('radio', { name: 'Known now (open to children’s social care)' }).check();
    await shot(page, 'pupil-form-filled');
    await page.getByRole('button', { name: 'Add pupil' }).click();

    await page.getByRole('heading', { name: 'Amelia Brackenridge', level: 1 }).waitFor();
    const details = page.locator('.summary-list');
    const age = ageOn(AMELIA.dateOfBirth, schoolToday());
    await expect.poll(() => details.textContent()).toContain(`4 Mar 2011 (age ${age} today)`);
    const detailsText = (await details.textContent()) ?? '';
    for (const expected of ['Female', 'Year 10', 'Yes: Speech and language needs', 'Known now (open to children’s social care)']) expect(detailsText).toContain(expected);
    await page.getByText('Amelia is not on any incident yet.', { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'pupil-page');

    // Editing: the form opens in place, and the change shows once saved.
    await page.getByRole('button', { name: 'Edit details' }).click();
    const edit = page.getByRole('region', { name: 'Edit details' });
    await edit.waitFor();
    expect(await edit.getByLabel('First name').inputValue()).toBe('Amelia');
    await edit.getByLabel('Year group').selectOption({ label: 'Year 11' });
    await expectNoAxeViolations(page);
    await shot(page, 'pupil-edit');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The pupil’s details have been saved.').waitFor();
    await expect.poll(() => details.textContent()).toContain('Year 11');
    expect(await details.textContent()).not.toContain('Year 10');

    // The same name and date of birth again is refused with its own message.
    await page.getByRole('link', { name: 'Pupils', exact: true }).click();
    await page.getByRole('link', { name: 'Add a pupil' }).click();
    await fillPupilForm(page, { firstName: 'amelia', lastName: 'Brackenridge', dateOfBirth: AMELIA.dateOfBirth, yearGroup: 'Year 11' });
    await page.getByRole('button', { name: 'Add pupil' }).click();
    await summary.getByText(/A pupil with this name and date of birth is already on the register/).waitFor();
    await page.locator('#field-firstName-error').getByText(/already on the register/).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'pupil-duplicate');

    // The refusal leads to the pupil already registered; the register holds one Amelia.
    await page.getByRole('link', { name: 'Open Amelia Brackenridge’s record' }).click();
    await page.getByRole('heading', { name: 'Amelia Brackenridge', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Pupils', exact: true }).click();
    await page.getByRole('heading', { name: 'Pupils', level: 1 }).waitFor();
    const register = page.getByRole('table', { name: 'Pupils on the register' });
    await expect.poll(() => register.getByRole('row').count()).toBe(2);
    await expect.poll(() => register.getByRole('row').nth(1).textContent()).toBe('Amelia Brackenridge4 Mar 2011Year 110');
    await page.getByLabel('Find a pupil').fill('brack am');
    await expect.poll(() => register.getByRole('row').count()).toBe(2);
    await page.getByLabel('Find a pupil').fill('Wrenfield');
    await page.getByText('No pupil on the register matches that name.').waitFor();
    await page.getByLabel('Find a pupil').fill('');
    await expectNoAxeViolations(page);
    await shot(page, 'pupils-register');

    // On incidents the picker offers Amelia instead of adding her again.
    await openIncident(page, 'Image shared in a Year 11 group chat');
    await addPupilToIncident(page, { firstName: 'Amelia', lastName: 'Brackenridge', dateOfBirth: AMELIA.dateOfBirth }, ['Pictured in the imagery']);
    await page.getByRole('button', { name: 'Add a pupil' }).click();
    const panel = page.getByRole('region', { name: 'Add a pupil to this incident' });
    const picker = panel.getByRole('combobox', { name: 'Pupil’s name' });
    await picker.fill('Am');
    const amelia = panel.getByRole('option', { name: /^Amelia Brackenridge — Year 11, born 4 Mar 2011/ });
    await expect.poll(() => amelia.getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => amelia.textContent()).toContain('already on this incident');
    await expectNoAxeViolations(page);
    await shot(page, 'picker-already-on-incident');
    // A new pupil from the picker starts with what was typed.
    await picker.fill('Tobias Wrenfield');
    await panel.getByText(/No pupil on the register matches/).waitFor();
    await panel.getByRole('button', { name: 'Add a new pupil' }).click();
    expect(await panel.getByLabel('First name').inputValue()).toBe('Tobias');
    expect(await panel.getByLabel('Last name').inputValue()).toBe('Wrenfield');
    await expectNoAxeViolations(page);
    await shot(page, 'picker-new-pupil');
    await panel.getByRole('region', { name: 'Add a new pupil to the register' }).getByRole('button', { name: 'Cancel' }).click();
    // Focus comes back once React has drawn the picker again.
    await expect.poll(() => picker.evaluate((node) => node === document.activeElement)).toBe(true);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel.waitFor({ state: 'detached' });

    // A second incident, chosen by keyboard alone.
    await openIncident(page, 'Image passed on at the bus stop');
    await page.getByRole('button', { name: 'Add a pupil' }).click();
    const panel2 = page.getByRole('region', { name: 'Add a pupil to this incident' });
    const picker2 = panel2.getByRole('combobox', { name: 'Pupil’s name' });
    // Adding her again from the picker is refused, and offers her instead.
    await picker2.fill('Amelia');
    await panel2.getByText(/1 matching pupil/).waitFor();
    await panel2.getByRole('button', { name: 'Add a new pupil' }).click();
    await fillPupilForm(panel2, { ...AMELIA, yearGroup: 'Year 11' });
    await panel2.getByRole('button', { name: 'Add pupil and choose them' }).click();
    await panel2.getByRole('button', { name: 'Choose Amelia Brackenridge instead' }).click();
    await panel2.getByText('Pupil: Amelia Brackenridge').waitFor();
    await panel2.getByRole('button', { name: 'Choose someone else' }).click();
    await picker2.pressSequentially('Brack');
    await expect.poll(() => picker2.getAttribute('aria-expanded')).toBe('true');
    await picker2.press('ArrowDown');
    const activeId = await picker2.getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    expect(await panel2.locator(`[id="${activeId}"]`).getAttribute('aria-selected')).toBe('true');
    await shot(page, 'picker-listbox');
    await picker2.press('Enter');
    await panel2.getByText('Pupil: Amelia Brackenridge').waitFor();
    await panel2.getByLabel('Holds it', { exact: true }).check();
    await panel2.getByRole('button', { name: 'Add to incident' }).click();
    await panel2.waitFor({ state: 'detached' });

    // Her page lists both incidents and says plainly that this has happened before.
    await page.getByRole('link', { name: 'Pupils', exact: true }).click();
    await page.getByRole('link', { name: 'Amelia Brackenridge' }).click();
    await page.getByRole('heading', { name: 'Amelia Brackenridge', level: 1 }).waitFor();
    const incidents = page.getByRole('table', { name: 'Incidents involving Amelia Brackenridge' });
    await expect.poll(() => incidents.getByRole('row').count()).toBe(3);
    await expect.poll(() => incidents.textContent()).toContain('Pictured in the imagery');
    await expect.poll(() => incidents.textContent()).toContain('Holds it');
    await page.getByText(/Earlier incidents:.*has been involved in 2 incidents/).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'pupil-page-incidents');
    await incidents.getByRole('link', { name: /^YPSI-\d{4}-001$/ }).click();
    await page.getByRole('heading', { name: 'Image shared in a Year 11 group chat', level: 1 }).waitFor();

    // The headteacher may look, but not add or change.
    await lock(page);
    await signIn(page, DEMO.head);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Pupils', exact: true }).click();
    await page.getByRole('heading', { name: 'Pupils', level: 1 }).waitFor();
    await register.waitFor();
    expect(await page.getByRole('link', { name: 'Add a pupil' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Amelia Brackenridge' }).click();
    await page.getByRole('heading', { name: 'Amelia Brackenridge', level: 1 }).waitFor();
    await details.waitFor();
    expect(await page.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
