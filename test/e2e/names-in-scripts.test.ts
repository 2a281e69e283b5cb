// Issue 14 item 12, end to end: pupils whose names are written in Latin scripts with
// diacritics, Greek, Cyrillic, Arabic and Hebrew are added through the screens, shown on
// the incident page (Chromium, system fonts) and printed in an incident report naming them
// all. The PDF is read back with pdftotext: every name as typed, no glyph drawn as a box.
// Every name here is fictional.
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, completeSetup, DEMO, openIncident } from '../support/journeys';
import { notdefCount, readingText } from '../support/pdf-read';

/** Screenshots for a person to look over; set SHOTS_DIR to keep them elsewhere. */
const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots';

const PUPILS = [
  { firstName: 'Zofia', lastName: 'Wąsowska-Łukasik', dateOfBirth: '2011-01-10' },
  { firstName: 'Nguyễn', lastName: 'Thị Hương', dateOfBirth: '2011-02-11' },
  { firstName: 'Siân', lastName: 'Ŵyn', dateOfBirth: '2011-03-12' },
  { firstName: 'Seán', lastName: 'Ó Briain', dateOfBirth: '2011-04-13' },
  { firstName: 'Ayşe', lastName: 'Yılmaz Çağlar', dateOfBirth: '2011-05-14' },
  { firstName: 'Ελένη', lastName: 'Παπαδοπούλου', dateOfBirth: '2011-06-15' },
  { firstName: 'Дарья', lastName: 'Соколова', dateOfBirth: '2011-07-16' },
  { firstName: 'ليلى', lastName: 'حسن', dateOfBirth: '2011-08-17' },
  { firstName: 'נועה', lastName: 'כהן', dateOfBirth: '2011-09-18' },
] as const;
const fullName = (p: (typeof PUPILS)[number]) => `${p.firstName} ${p.lastName}`;

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('names in every script', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('shows them on screen and prints them as typed', async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
    app = await launchApp({ savePath: (name) => join(app?.exportDir ?? '/nonexistent', name) });
    const { page } = app;
    await completeSetup(page);
    await openIncident(page, 'Image shared in a group chat');
    for (const pupil of PUPILS) await addPupilToIncident(page, pupil, ['Received it']);

    const people = page.getByRole('region', { name: 'People', exact: true });
    for (const pupil of PUPILS) await people.getByText(fullName(pupil), { exact: false }).first().waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS_DIR}/names-incident.png`, fullPage: true });

    await page.getByRole('link', { name: 'Print or export' }).click();
    await page.getByRole('heading', { name: 'Print or export', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Incident report' }).check();
    const children = page.getByRole('group', { name: 'Which children are named?' });
    for (const pupil of PUPILS) await children.getByRole('checkbox', { name: new RegExp(fullName(pupil)) }).check();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS_DIR}/names-export.png`, fullPage: true });

    await page.getByLabel('Your password, to confirm').fill(DEMO.dsl.password);
    await page.getByRole('button', { name: 'Save PDF' }).click();
    const outcome = page.getByRole('status').filter({ hasText: /Saved \d+-page PDF as/ });
    await outcome.waitFor({ timeout: 30_000 });
    const fileName = /as (\S+\.pdf)/.exec((await outcome.textContent()) ?? '')?.[1] ?? '';
    const file = join(app.exportDir, fileName);
    const text = readingText(file);
    for (const pupil of PUPILS) expect(text).toContain(fullName(pupil));
    expect(notdefCount(file)).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
