import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { RISK_QUESTIONS } from '../../shared/domain/entries/risk-assessment';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, addStaff, completeSetup, DEMO, fillWhen, lock, openIncident, signEntry, signIn, startRecord } from '../support/journeys';

const TITLE = 'Image shared between two Year 10 pupils';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function backOnIncident(page: Page): Promise<void> {
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
}

async function recordParents(page: Page, pupil: string, parent: string): Promise<void> {
  await startRecord(page, 'Parents or carers');
  await fillWhen(page, '2026-11-20', '15:30');
  await page.getByLabel('Which pupil’s parents or carers?').selectOption({ label: `${pupil} (Year 10)` });
  await page.getByLabel('Yes, they have been told').check();
  await page.getByLabel('Which parent or carer was told?').fill(parent);
  await page.getByLabel('Who told them?').fill('The pupil, with the DSL present');
  await page.getByLabel('The pupil told them, with the school’s support').check();
  await page.getByRole('button', { name: 'Save record' }).click();
  await backOnIncident(page);
}

describe('case study A: two 15-year-olds, one consensual image, handled in school', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is managed in school, signed off by the head, completes and closes; the dashboard shows what is overdue and awaited', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    await addStaff(page, DEMO.head, ['Headteacher']);
    await openIncident(page, TITLE);
    await addPupilToIncident(page, { firstName: 'Amelia', lastName: 'Brackenridge', dateOfBirth: '2011-03-04' }, ['Pictured in the imagery', 'Made the imagery', 'Sent or shared it']);
    await addPupilToIncident(page, { firstName: 'Tobias', lastName: 'Wrenfield', dateOfBirth: '2010-12-01' }, ['Received it', 'Holds it']);

    await startRecord(page, 'Disclosure');
    await fillWhen(page, '2026-11-20', '09:10');
    await page.getByLabel('A friend or another pupil').check();
    await page.getByLabel('Who did they tell?').fill('Form tutor');
    await page.getByLabel('In person').check();
    await page.getByLabel('What was said').fill('Her friends said she is worried her boyfriend will share a photo she sent him.');
    await page.getByRole('button', { name: 'Save record' }).click();
    await backOnIncident(page);

    await startRecord(page, 'Initial review meeting');
    await fillWhen(page, '2026-11-20', '11:00', 'Date of the meeting');
    await page.getByLabel('Who attended').fill('DSL, head of Year 10');
    for (const n of [1, 2, 3, 4, 5]) {
      await page.getByRole('group', { name: new RegExp(`^${n}\\. `) }).getByLabel('No', { exact: true }).check();
    }
    await page.getByRole('group', { name: /with malicious intent/ }).getByLabel('No', { exact: true }).check();
    await expect.poll(() => page.locator('[data-outcome]').getAttribute('data-outcome')).toBe('school-may-manage');
    await expectNoAxeViolations(page);
    await page.getByLabel('Manage the incident in school, without referring').check();
    await page.getByLabel('Reasons for the decision').fill('Consensual image in a relationship; no wider safeguarding concerns; no evidence of further sharing.');
    await page.getByRole('button', { name: 'Save initial review' }).click();
    await backOnIncident(page);
    await expect.poll(() => page.getByRole('region', { name: 'What is missing' }).textContent()).toContain('The decision not to refer has not been signed off by the headteacher.');

    await startRecord(page, 'Risk assessment');
    await fillWhen(page, '2026-11-20', '13:00');
    for (const question of Object.values(RISK_QUESTIONS)) await page.getByLabel(question.question, { exact: true }).fill('Discussed with both pupils; no concerns.');
    await page.getByLabel('Experimental: romantic').check();
    await page.getByRole('button', { name: 'Save record' }).click();
    await backOnIncident(page);

    await recordParents(page, 'Amelia Brackenridge', 'Her mother');
    await recordParents(page, 'Tobias Wrenfield', 'His father');

    await startRecord(page, 'Searching and deletion');
    await fillWhen(page, '2026-11-20', '14:00');
    await page.getByLabel('The pupils were asked to delete it themselves').check();
    await page.getByLabel('Which pupils were asked?').fill('Tobias Wrenfield');
    await page.getByLabel('Where must it be deleted from?').fill('His phone, its cloud backup and Snapchat memories');
    await page.getByLabel('Deadline for deletion').fill('2026-11-21');
    await page.getByLabel('The pupils were told that keeping the imagery is illegal').check();
    await page.getByRole('button', { name: 'Save record' }).click();
    await backOnIncident(page);

    // The DSL's dashboard: the deletion deadline has passed; the head's signature is awaited.
    await page.getByRole('link', { name: 'Home' }).click();
    const overdue = page.getByRole('list', { name: 'Overdue deadlines and follow-ups' });
    await expect.poll(() => overdue.textContent()).toContain('Deletion by Tobias Wrenfield not yet confirmed — due 21 Nov 2026');
    await expect.poll(() => page.getByRole('list', { name: 'Entries awaiting other people’s signatures' }).textContent()).toContain('Initial review meeting');
    await expectNoAxeViolations(page);

    // The head sees it as awaiting their own signature, and signs from the incident page.
    await lock(page);
    await signIn(page, DEMO.head);
    const mine = page.getByRole('list', { name: 'Entries awaiting your signature' });
    await expect.poll(() => mine.textContent()).toContain('Awaiting the signature of the headteacher: “I authorise the decision not to refer”');
    await mine.getByRole('link', { name: /YPSI-2026-001/ }).click();
    await backOnIncident(page);
    await signEntry(page, /Initial review meeting/, DEMO.head, /I authorise the decision not to refer/);
    await lock(page);
    await signIn(page, DEMO.dsl);

    // Deletion confirmed: an edit of the unsigned entry makes a new version.
    await page.getByRole('link', { name: 'YPSI-2026-001' }).first().click();
    await backOnIncident(page);
    await page.getByRole('article', { name: /Searching and deletion/ }).getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Date deletion was confirmed (optional)').fill('2026-11-21');
    await page.getByLabel('How it was confirmed (optional)').fill('Tobias showed the DSL the photo had gone from each place.');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await backOnIncident(page);
    await page.getByRole('heading', { name: 'Nothing is missing' }).waitFor();

    await startRecord(page, 'Review and closure');
    await fillWhen(page, '2026-11-23', '09:00');
    await page.getByLabel('Outcome of the incident').fill('Managed in school. Both pupils supported; parents involved; image deleted.');
    await page.getByRole('button', { name: 'Save record' }).click();
    await backOnIncident(page);
    await signEntry(page, /Review and closure/, DEMO.dsl, /I confirm the record is complete/);
    await page.getByRole('button', { name: 'Close the incident' }).click();
    await page.getByText('This incident is closed.').waitFor();
    await expect.poll(() => page.locator('.tag').first().textContent()).toBe('Closed');
    expect(app.consoleErrors).toEqual([]);
  });
});
