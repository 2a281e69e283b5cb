// Issue 14, items 2, 3 and 7 through the real UI: a closed incident offers no way to change
// it (and the core refuses anyway), dates that cannot be true are flagged as they are typed,
// and a person added in error is removed with a reason, shown on the incident page and in
// its chronology. Driven by what is on screen; every name is made up.
import AxeBuilder from '@axe-core/playwright';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../scripts/demo/generate';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, completeSetup, DEMO, openIncident, printReport, signIn } from '../support/journeys';

const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

describe('the life of an incident, end to end', () => {
  let app: LaunchedApp | undefined;
  let demoDir: string | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    if (demoDir) await rm(demoDir, { recursive: true, force: true });
    demoDir = undefined;
  });

  it('a closed incident offers no way to add, sign or change anything, and the core refuses it too', async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
    demoDir = await mkdtemp(join(tmpdir(), 'records-e2e-closed-'));
    const dataDir = join(demoDir, 'data');
    await generateDemoData({ dataDir, pupils: 12, incidents: 6, entries: 60, seed: 3 });
    app = await launchApp({ dataDir });
    const { page } = app;
    await signIn(page, DEMO.dsl);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    const closedRow = page.getByRole('row').filter({ has: page.getByText('Closed', { exact: true }) }).first();
    await closedRow.getByRole('link').first().click();
    await page.getByText('This incident is closed. Nothing can be added to it, signed or changed.').waitFor();
    await page.getByRole('heading', { name: 'People', level: 2 }).waitFor();
    for (const name of ['Add a pupil', 'Add someone from outside the school', 'Sign']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await page.getByRole('button', { name: /^Change roles|^Remove/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Record/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^(Edit|Amend)/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await shot(page, 'closed-incident');

    // The address of a form on it (a bookmark, the back button) says it is closed rather than offering the form.
    const incidentId = Number(/#\/incidents\/(\d+)/.exec(page.url())?.[1]);
    expect(Number.isInteger(incidentId)).toBe(true);
    await page.evaluate((id) => {
      window.location.hash = `#/incidents/${id}/viewing-log/new`;
    }, incidentId);
    await page.getByRole('heading', { name: 'This incident is closed', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: /Save/ }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // Asked directly, as a tampered page might, the core refuses.
    type Api = { invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; error?: { code: string } }> };
    const answer = await page.evaluate(
      (id) =>
        (window as unknown as { api: Api }).api.invoke('incidents.addOtherPerson', {
          incidentId: id,
          person: { kind: 'young_person', name: 'Quentin Oddlebury', age: 15, dateOfBirth: '', sex: 'male', setting: 'Larkspur College', relationship: '' },
          roles: ['received'],
        }),
      incidentId,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(app.consoleErrors).toEqual([]);
  });

  it('flags impossible dates as they are typed, and removes a person added in error with who, when and why', async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);

    // A date it came to attention in the future is flagged before anything is saved.
    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByRole('link', { name: 'Open a new incident' }).click();
    await page.getByLabel('Date it came to the school’s attention').fill('2030-01-04');
    await page.locator('.field-error').filter({ hasText: 'The date it came to the school’s attention cannot be in the future' }).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'incident-future-date');
    // Leaving the half-filled form asks first; the DSL leaves it.
    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Leave this page?' }).getByRole('button', { name: 'Leave' }).click();

    await openIncident(page, 'Photo shared at a sleepover', { cameToAttentionOn: '2026-11-20' });

    // The new-pupil form flags a date of birth in the future as it is typed.
    await page.getByRole('button', { name: 'Add a pupil' }).click();
    const pupilPanel = page.getByRole('region', { name: 'Add a pupil to this incident' });
    await pupilPanel.getByRole('combobox', { name: 'Pupil’s name' }).fill('Wilfred Pemberley');
    await pupilPanel.locator('.picker-status').filter({ hasText: /match/ }).waitFor();
    await pupilPanel.getByRole('button', { name: 'Add a new pupil' }).click();
    await pupilPanel.getByLabel('Date of birth').fill('2031-03-01');
    await pupilPanel.locator('.field-error').filter({ hasText: 'The date of birth cannot be in the future' }).waitFor();
    await pupilPanel.getByRole('button', { name: 'Cancel' }).first().click();
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Someone from outside the school: born in the future, or pictured before they were born.
    await page.getByRole('button', { name: 'Add someone from outside the school' }).click();
    const other = page.getByRole('region', { name: 'Add someone from outside the school' });
    await other.getByLabel('A young person from another school or setting').check();
    await other.getByLabel('Name').fill('Ferdinand Applethwaite');
    await other.getByLabel('Date of birth (if known)').fill('2031-03-01');
    await other.locator('.field-error').filter({ hasText: 'The date of birth cannot be in the future' }).waitFor();
    await other.getByLabel('Date of birth (if known)').fill('2026-11-25');
    await other.getByLabel('Pictured in the imagery', { exact: true }).check();
    await other.locator('.field-error').filter({ hasText: 'Imagery made by 20 Nov 2026, when it came to attention, cannot picture someone born on 25 Nov 2026' }).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'other-person-impossible-dates');
    await other.getByRole('button', { name: 'Add to incident' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await other.getByRole('button', { name: 'Cancel' }).click();

    // Two pupils; one was the wrong child.
    await addPupilToIncident(page, { firstName: 'Araminta', lastName: 'Fothergill', dateOfBirth: '2011-06-12' }, ['Pictured in the imagery']);
    await addPupilToIncident(page, { firstName: 'Benedict', lastName: 'Hollingworth', dateOfBirth: '2011-02-03', sex: 'Male' }, ['Received it']);
    await page.getByRole('button', { name: 'Remove Benedict Hollingworth from this incident' }).click();
    const remove = page.getByRole('region', { name: 'Remove Benedict Hollingworth from this incident' });
    await expectNoAxeViolations(page);
    await remove.getByRole('button', { name: 'Remove from this incident' }).click();
    await remove.getByRole('alert').filter({ hasText: 'Give the reason for removing them' }).waitFor();
    await remove.getByLabel('Why they are being removed').fill('Added in error: it was a different Year 10 pupil.');
    await remove.getByRole('button', { name: 'Remove from this incident' }).click();
    await remove.waitFor({ state: 'detached' });

    const people = page.getByRole('table', { name: 'People involved and their roles' });
    await expect.poll(() => people.textContent()).not.toContain('Benedict');
    const removed = page.getByRole('table', { name: 'Removed from this incident' });
    await expect.poll(() => removed.textContent()).toContain('Benedict Hollingworth');
    const removedText = (await removed.textContent()) ?? '';
    expect(removedText).toContain('Added in error: it was a different Year 10 pupil.');
    expect(removedText).toContain(`by ${DEMO.dsl.name}`);
    expect(removedText).toContain('Received it');
    await expectNoAxeViolations(page);
    await shot(page, 'person-removed');

    // The incident's chronology shows the removal as an event, with who, when and why.
    await page.getByRole('link', { name: 'Chronology', exact: true }).click();
    // The incident page has the same region: wait for the chronology page itself, or the
    // checks below can run against the page being left, or the next one still loading.
    await page.getByRole('heading', { level: 1, name: /^Chronology: / }).waitFor();
    const events = page.getByRole('region', { name: 'Changes to the incident record' });
    await expect.poll(() => events.textContent()).toContain('Benedict Hollingworth was removed from this incident.');
    expect(await events.textContent()).toContain('Reason: Added in error: it was a different Year 10 pupil.');
    await expectNoAxeViolations(page);
    await shot(page, 'chronology-removal');

    // The printed report says it too: who was removed, by whom, when and why.
    await page.goBack();
    const report = await printReport(page, app.exportDir);
    expect(report).toContain('Removed from this incident (added in error)');
    expect(report).toContain('Person removed from the incident');
    expect(report).toContain('Added in error: it was a different Year 10 pupil.');
    expect(report).toContain(DEMO.dsl.name);

    // The pupil removed in error has no incidents on their record.
    await page.getByRole('link', { name: 'Back to the incident record' }).click();
    await page.getByRole('table', { name: 'Removed from this incident' }).getByRole('link', { name: 'Benedict Hollingworth' }).click();
    await page.getByRole('heading', { name: 'Benedict Hollingworth', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('main').textContent()).not.toContain('Photo shared at a sleepover');
    expect(app.consoleErrors).toEqual([]);
  });
});
