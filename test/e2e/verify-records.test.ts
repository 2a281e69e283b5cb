// Issue 16 items 3-4, end to end: the Verify screen says the records are intact when they
// are; after an insider cuts rows from the end of the audit log (raw SQL, triggers dropped,
// on a locked folder), sign-in shows it in the banner and Verify names it, in the DSL's words.
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../electron/core/db/connection';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { call, createIncident, expectOk, newCore } from '../integration/helpers/core';
import { makeTempDir } from '../integration/helpers/temp-dir';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { DEMO, signIn } from '../support/journeys';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('the Verify screen', () => {
  let folder: { dir: string; remove: () => Promise<void> };
  let dataDir: string;
  let app: LaunchedApp | undefined;
  let page: Page;

  beforeAll(async () => {
    folder = await makeTempDir('records-e2e-verify-');
    dataDir = join(folder.dir, 'data');
    const core = await newCore(dataDir);
    try {
      expectOk(await call(core, 'setup.create', { schoolName: DEMO.school, dslName: DEMO.dsl.name, username: DEMO.dsl.username, password: DEMO.dsl.password }));
      await createIncident(core);
    } finally {
      await core.close();
    }
    app = await launchApp({ dataDir });
    page = app.page;
    await signIn(page, DEMO.dsl);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await folder?.remove();
  });

  it('says the records are intact when they are, from the keyboard', async () => {
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const button = page.getByRole('button', { name: 'Verify records' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toContain('The records are intact');
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(app!.consoleErrors).toEqual([]);
  });

  it('after rows are cut from the end of the audit log, the banner and Verify say the records are older than this computer saw', async () => {
    // Locking writes the chain's end outside the database, as on any lock.
    await app!.core.lock('button');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor({ timeout: 30_000 });
    const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DEMO.dsl.username, DEMO.dsl.password);
    if (!unlocked.ok) throw new Error('the DSL slot should open');
    const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
    try {
      await db.transaction(async (tx) => {
        await tx.exec('DROP TRIGGER audit_is_append_only_delete');
        await tx.exec('DELETE FROM audit WHERE seq > (SELECT max(seq) - 4 FROM audit)');
      });
    } finally {
      await db.close();
      unlocked.dataKey.fill(0);
    }

    await signIn(page, DEMO.dsl);
    const banner = page.getByTestId('integrity-problems');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain('These records are older than the last state this computer saw');

    await banner.getByRole('link', { name: 'Run Verify' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Verify records' }).click();
    const findings = page.getByRole('main').getByRole('alert');
    await findings.waitFor({ timeout: 30_000 });
    const text = (await findings.textContent()) ?? '';
    expect(text).toContain('The records are older than the last state this computer saw');
    expect(text).toContain('The audit log was last intact at row');
    expect(text).toContain('Tell your IT technician and the headteacher');
    await expectNoAxeViolations(page);
    expect(app!.consoleErrors).toEqual([]);
  });
});
