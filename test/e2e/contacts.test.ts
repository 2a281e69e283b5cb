// Issue 19 item 3 ("Contacts appear on the police and online-reporting forms; the national list
// names its sources and dates"): the DSL enters the school's safer-schools officer on the
// Contacts page; the police report form then shows them beside its questions, and the online
// report form shows Report Remove and Take It Down with where and when their details were checked.
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup, openIncident, startRecord } from '../support/journeys';

describe('contacts beside the step that needs them', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('the DSL enters the safer-schools officer, the police report shows them, and online reporting shows the national routes with their sources', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);

    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add the police safer-schools officer' }).click();
    const form = page.getByRole('form', { name: 'Add a contact' });
    await form.getByLabel('Name', { exact: true }).fill('PC Fictional Brackenridge');
    await form.getByLabel('Organisation').fill('Quillshire Police (fictional)');
    // Letters in a number are refused at the field, in words.
    await form.getByLabel('Phone', { exact: true }).fill('01632 96O 123');
    await form.getByLabel('Date you last checked these details').fill('2026-11-20');
    await form.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => page.locator('.field-error').allTextContents()).toEqual([expect.stringContaining('A phone number has only digits, spaces and +44: take out the letters')]);
    await form.getByLabel('Phone', { exact: true }).fill('01632 960 123');
    await form.getByRole('button', { name: 'Save contact' }).click();
    await form.waitFor({ state: 'detached' });
    const officer = page.getByRole('group', { name: 'Police safer-schools officer' });
    await expect.poll(() => officer.textContent()).toContain('PC Fictional Brackenridge');

    await openIncident(page, 'Image shared on a group chat');
    await startRecord(page, 'Report to the police');
    const beside = page.getByRole('complementary', { name: 'Contacts for this step' });
    await expect.poll(() => beside.getByRole('group', { name: 'Police safer-schools officer' }).textContent()).toContain('01632 960 123');
    expect(await beside.textContent()).toContain('999: a child in immediate danger.');
    expect(await beside.getByRole('group', { name: 'Police non-emergency (101)' }).textContent()).toContain('Not entered yet — add it on Contacts.');

    await page.goBack();
    await page.getByRole('heading', { name: 'Image shared on a group chat', level: 1 }).waitFor();
    await startRecord(page, 'Reported online');
    const routes = page.getByRole('complementary', { name: 'Contacts for this step' });
    for (const [name, source] of [
      ['Report Remove', 'https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove'],
      ['Take It Down', 'https://takeitdown.ncmec.org/faq/'],
    ] as const) {
      const text = await routes.getByRole('group', { name }).textContent();
      expect(text).toContain('Details checked 29 Nov 2026.');
      expect(text).toContain(`Source: ${source}`);
    }
    expect(app.consoleErrors).toEqual([]);
  });

  it('prints every contact, the school’s and the national ones, on one A4 page', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    // Every kind of local contact entered, each with two numbers, an email and a note.
    for (const [kind, organisation] of [
      ['front-door', 'Quillshire Children’s Services front door (fictional)'],
      ['safer-schools-officer', 'Quillshire Police safer schools team (fictional)'],
      ['police-101', 'Quillshire Police (fictional)'],
      ['lado', 'Quillshire LADO service (fictional)'],
      ['head-out-of-hours', 'Quillfeather Academy'],
      ['chair-out-of-hours', 'Quillfeather Academy governors'],
      ['other', 'Quillshire early help hub (fictional)'],
    ] as const) {
      const saved = await app.core.dispatch('contacts.save', {
        kind,
        label: kind === 'other' ? 'Early help hub' : '',
        name: 'A Fictional Name',
        organisation,
        phone: '01632 960 000',
        otherPhone: '07700 900 000',
        email: 'someone@quillshire.example',
        notes: 'Weekdays 8:30 to 5; out of hours ring the second number.',
        checkedOn: '2026-11-20',
      });
      expect(saved).toMatchObject({ ok: true });
    }
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByRole('group', { name: 'Early help hub' }).waitFor();
    // Chromium prints the page as the Print button would (the print stylesheet); one page object in the PDF.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
  });
});
