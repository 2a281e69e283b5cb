// Issue 22, item 1, end to end (decision 0032): a deputy opens practice mode, every screen is
// marked, an incident recorded there prints watermarked, and returning to the real records
// needs no restart and shows nothing of it; the audit log notes only the opening and closing.
// Every name here is fictional.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_MARK } from '../../shared/domain/practice';
import { call, expectOk, newCore } from '../integration/helpers/core';
import { makeTempDir } from '../integration/helpers/temp-dir';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { DEMO, lock, openIncident, printReport, signIn } from '../support/journeys';

const TITLE = 'Wendeline Crumplehorn practice canary';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The school's records with a DSL and a deputy (fictional). */
async function seed(dataDir: string): Promise<void> {
  const core = await newCore(dataDir);
  try {
    expectOk(await call(core, 'setup.create', { schoolName: DEMO.school, dslName: DEMO.dsl.name, username: DEMO.dsl.username, password: DEMO.dsl.password }));
    expectOk(await call(core, 'staff.add', { name: DEMO.deputy.name, username: DEMO.deputy.username, roles: ['deputy'], password: DEMO.deputy.password, currentPassword: DEMO.dsl.password }));
  } finally {
    await core.close();
  }
}

/** The marks of practice on the screen now: the banner, the colour class on the app, the title. */
async function marks(page: Page) {
  return {
    banner: await page.getByRole('status').filter({ hasText: PRACTICE_MARK }).count(),
    practiceColour: await page.locator('.app.app-practice').count(),
    title: await page.title(),
  };
}

const PRACTISING = { banner: 1, practiceColour: 1, title: `${PRACTICE_MARK} — Safeguarding records` };
const REAL = { banner: 0, practiceColour: 0, title: 'Safeguarding records' };

describe('practice mode', () => {
  let folder: { dir: string; remove: () => Promise<void> };
  let app: LaunchedApp;
  let page: Page;

  beforeAll(async () => {
    folder = await makeTempDir('records-e2e-practice-');
    const dataDir = join(folder.dir, 'data');
    await seed(dataDir);
    app = await launchApp({ dataDir });
    page = app.page;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await folder?.remove();
  });

  it('a deputy practises in a marked, separate set of records and returns without a restart, leaving nothing behind', async () => {
    await signIn(page, DEMO.deputy);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor({ timeout: 30_000 });
    expect(await marks(page)).toEqual(REAL);

    await page.getByRole('link', { name: 'Practice', exact: true }).click();
    await page.getByRole('heading', { name: 'Practice', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'practice scenarios' }).getAttribute('href')).toBe('#/practice/scenarios');
    await page.getByLabel('Your password, to confirm').fill(DEMO.deputy.password);
    await page.getByRole('button', { name: 'Open practice mode' }).click();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor({ timeout: 30_000 });
    expect(await marks(page)).toEqual(PRACTISING);
    await expectNoAxeViolations(page);

    // Every screen visited is marked.
    await openIncident(page, TITLE);
    expect(await marks(page)).toEqual(PRACTISING);
    await printReport(page, app.exportDir, DEMO.deputy);
    // Every page: the mark under the protective marking (the practice folder's school name is there too) and as the watermark.
    const [pdf] = (await readdir(app.exportDir)).filter((name) => name.endsWith('.pdf'));
    const pages = execFileSync('pdftotext', [join(app.exportDir, pdf ?? ''), '-'], { encoding: 'utf8' }).split('\f').filter((text) => text.trim() !== '');
    expect(pages.length).toBeGreaterThan(0);
    for (const text of pages) {
      expect(text.split(PRACTICE_MARK).length - 1).toBeGreaterThanOrEqual(2);
      // The diagonal watermark comes out of pdftotext a few letters at a time.
      expect(text).toMatch(/PR\s+AC\s+TI/);
    }
    await page.evaluate(() => {
      window.location.hash = '#/backups';
    });
    await page.getByTestId('backups-off').waitFor();
    expect(await marks(page)).toEqual(PRACTISING);
    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByText(TITLE).first().waitFor();
    expect(await marks(page)).toEqual(PRACTISING);
    await expectNoAxeViolations(page);

    // Back to the real records: no password, no restart, the banner gone.
    await page.getByRole('status').filter({ hasText: PRACTICE_MARK }).getByRole('link', { name: 'Return to the real records' }).click();
    await page.getByRole('button', { name: 'Return to the real records' }).click();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor({ timeout: 30_000 });
    expect(await marks(page)).toEqual(REAL);

    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);
    await page.getByRole('link', { name: 'School log' }).click();
    await page.getByRole('heading', { name: 'School log', level: 1 }).waitFor();
    await page.getByLabel('Search').fill('Crumplehorn');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No entries match. Try fewer words or filters.').waitFor();

    // The DSL's audit log: practice mode opened and closed, and nothing done in it.
    await lock(page);
    await signIn(page, DEMO.dsl);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /Most recent audit rows/ });
    await table.getByRole('row').filter({ hasText: 'Practice mode closed' }).waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Practice mode opened' }).count()).toBe(1);
    expect(await table.getByRole('row').filter({ hasText: /Opened an incident|Exported a document/ }).count()).toBe(0);
    expect(await table.textContent()).not.toContain('Crumplehorn');
    expect(app.consoleErrors).toEqual([]);
  });
});
