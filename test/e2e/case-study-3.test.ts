import AxeBuilder from '@axe-core/playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, addStaff, completeSetup, DEMO, fillWhen, lock, openIncident, signEntry, signIn, startRecord } from '../support/journeys';

// UKCCIS 2016, Annex F, Resource Sheet 2, case study 3: a girl of 13 sent a topless photo to
// her 14-year-old boyfriend; when they broke up he sent it to numerous friends, and over 200
// pupils received it. The school found out when one recipient told a parent.
const TITLE = 'Photo forwarded after a break-up';

describe('Annex F case study 3: malicious sharing after a break-up', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('reaches "should refer"; managing it in school needs override reasons and stays awaiting the head until they sign; the reporting parent is not point 1', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    await addStaff(page, DEMO.head, ['Headteacher']);
    await openIncident(page, TITLE, { kind: /shared imagery made by another under-18/ });
    await addPupilToIncident(page, { firstName: 'Imogen', lastName: 'Featherstonehaugh', dateOfBirth: '2013-06-01', yearGroup: 'Year 9' }, [
      'Pictured in the imagery',
      'Made the imagery',
    ]);
    await addPupilToIncident(page, { firstName: 'Caspian', lastName: 'Ravensworth', dateOfBirth: '2012-04-10', sex: 'Male', yearGroup: 'Year 9' }, [
      'Received it',
      'Sent or shared it',
    ]);
    await addPupilToIncident(page, { firstName: 'Rufus', lastName: 'Thimbleby', dateOfBirth: '2012-02-02', sex: 'Male', yearGroup: 'Year 9' }, ['Received it']);

    // "Over 200 pupils received it": recorded as a group with its approximate number.
    await page.getByRole('button', { name: 'Add someone from outside the school' }).click();
    const group = page.getByRole('region', { name: 'Add someone from outside the school' });
    await group.getByLabel('A group of people').check();
    await group.getByLabel('Description of the group').fill('Pupils of this school who were sent the photo');
    await group.getByLabel('About how many people are in it?').fill('200');
    await group.getByLabel('Received it', { exact: true }).check();
    await group.getByRole('button', { name: 'Add to incident' }).click();
    await group.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByRole('table', { name: 'People involved and their roles' }).textContent())
      .toContain('Group of about 200 people');

    await page.getByRole('button', { name: 'Add someone from outside the school' }).click();
    const other = page.getByRole('region', { name: 'Add someone from outside the school' });
    await other.getByLabel('An adult', { exact: true }).check();
    await other.getByLabel('Name').fill('Mrs Thimbleby (fictional)');
    await other.getByLabel('Relationship').fill('Mother of a pupil who received it');
    await other.getByLabel('Reported it', { exact: true }).check();
    await other.getByRole('button', { name: 'Add to incident' }).click();
    await other.waitFor({ state: 'detached' });

    await startRecord(page, 'Initial review meeting');
    await fillWhen(page, '2026-11-20', '11:00', 'Date of the meeting');
    await page.getByLabel('Who attended').fill('DSL, head of Year 9');

    // The parent who reported it is an adult who does not count for point 1.
    const people = page.getByRole('table', { name: 'Who is involved' });
    await expect.poll(() => people.getByRole('row', { name: /Mrs Thimbleby/ }).textContent()).toContain('No: an adult who only reported it');
    // The imagery's date is not known: the girl, 13 when the school found out, is not taken as 13 then.
    await expect.poll(() => page.getByText(/The date the imagery was made is not known/).count()).toBe(1);

    for (const n of [1, 2, 3, 4, 5]) {
      await page.getByRole('group', { name: new RegExp(`^${n}\\. `) }).getByLabel('No', { exact: true }).check();
    }
    const outcome = page.locator('[data-outcome]');
    await page.getByRole('group', { name: /with malicious intent/ }).getByLabel('No', { exact: true }).check();
    await expect.poll(() => outcome.getAttribute('data-outcome')).toBe('school-may-manage');
    await page.getByRole('group', { name: /with malicious intent/ }).getByLabel('Yes', { exact: true }).check();
    await expect.poll(() => outcome.getAttribute('data-outcome')).toBe('should-refer');
    await expect.poll(() => outcome.textContent()).toContain('should generally be referred to police and/or children’s social care');
    // The people table, the new question and the outcome are accessible.
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Managing it in school without override reasons is refused.
    await page.getByLabel('Manage the incident in school, without referring').check();
    await page.getByLabel('Reasons for the decision').fill('Fictional: the sharing has been contained and both families are engaged.');
    await page.getByRole('button', { name: 'Save initial review' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByText(/malicious sharing should generally be referred/).waitFor();

    await page.getByLabel('Why is this not being referred?').fill('Fictional: children’s social care advised by phone that the school manage it with the families.');
    await page.getByRole('button', { name: 'Save initial review' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const missing = page.getByRole('region', { name: 'What is missing' });
    await expect.poll(() => missing.textContent()).toContain('The decision not to refer has not been signed off by the headteacher.');
    const card = page.getByRole('article', { name: /Initial review meeting/ });
    await card.getByText('Show the full record').click();
    await expect.poll(() => card.textContent()).toContain('Aggravating factor');

    await lock(page);
    await signIn(page, DEMO.head);
    const mine = page.getByRole('list', { name: 'Entries awaiting your signature' });
    await expect.poll(() => mine.textContent()).toContain('I authorise the decision not to refer');
    await mine.getByRole('link', { name: /YPSI-2026-001/ }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await signEntry(page, /Initial review meeting/, DEMO.head, /I authorise the decision not to refer/);
    await expect.poll(() => page.getByRole('region', { name: 'What is missing' }).textContent()).not.toContain('has not been signed off by the headteacher');
    expect(app.consoleErrors).toEqual([]);
  });
});
