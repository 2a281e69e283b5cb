import AxeBuilder from '@axe-core/playwright';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { Database } from '../../electron/core/db/connection';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, addStaff, completeSetup, DEMO, openIncident } from '../support/journeys';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function sign(page: Page, account: { username: string; password: string }, meaning: RegExp): Promise<void> {
  const card = page.getByRole('article', { name: /Viewing of the imagery/ });
  await card.getByRole('button', { name: 'Sign', exact: true }).click();
  const panel = card.getByRole('region', { name: /Sign version/ });
  await panel.getByLabel(meaning).check();
  await panel.getByLabel('Signer’s username').fill(account.username);
  await panel.getByLabel('Signer’s password').fill(account.password);
  await panel.getByRole('button', { name: 'Sign', exact: true }).click();
  await panel.waitFor({ state: 'detached', timeout: 30_000 });
}

describe('the viewing log, end to end', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('records a viewing, collects both signatures, refuses an edit of the signed entry and keeps both versions', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    await addStaff(page, DEMO.head, ['Headteacher']);

    const reference = await openIncident(page, 'Image shared between two Year 10 pupils');
    expect(reference).toMatch(/^YPSI-\d{4}-001$/);
    await addPupilToIncident(page, { firstName: 'Amelia', lastName: 'Brackenridge', dateOfBirth: '2011-03-04' }, ['Pictured in the imagery', 'Made the imagery', 'Sent or shared it']);
    await addPupilToIncident(page, { firstName: 'Tobias', lastName: 'Wrenfield', dateOfBirth: '2010-12-01' }, ['Received it', 'Holds it']);
    const people = page.getByRole('table', { name: /People involved/ });
    await expect.poll(() => people.getByRole('row').count()).toBe(3);
    await expect.poll(() => people.textContent()).toContain('Pictured in the imagery; Made the imagery; Sent or shared it');

    // The required facts: each missing one gets its own message, and nothing is saved.
    await page.getByRole('link', { name: 'Record a viewing of the imagery' }).click();
    await page.getByRole('heading', { name: 'Record a viewing of the imagery' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Date it was viewed').fill('');
    await page.getByRole('button', { name: 'Save viewing record' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    for (const message of [
      'Enter the date it happened',
      'Enter the time it happened',
      'Enter where the imagery was viewed',
      'Choose who viewed the imagery, or “Someone without an account”',
      'Choose who else was in the room, “Someone without an account” or “No one else was present”',
      'Choose why the imagery had to be viewed',
    ]) {
      await expect.poll(() => summary.getByText(message, { exact: true }).count(), { message }).toBe(1);
    }

    await page.getByLabel('Date it was viewed').fill('2026-11-20');
    await page.getByLabel('Time').fill('10:15');
    await page.getByLabel('Where it was viewed').fill('Headteacher’s office');
    await page.getByRole('group', { name: 'Was it viewed on school premises?' }).getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('Who viewed the imagery').selectOption({ label: DEMO.dsl.name });
    await page.getByLabel('The DSL', { exact: true }).check();
    await page.getByLabel('Who else was present').selectOption({ label: DEMO.head.name });
    await page.getByRole('group', { name: /same sex/ }).getByLabel('No', { exact: true }).check();
    // A departure from the guidance is shown plainly, not silently accepted.
    await page.getByText(/not the same sex as the young person pictured, and no reason is given/).first().waitFor();
    await page.getByLabel('Why was that not possible?').fill('No female member of the safeguarding team was on site that day.');
    await page.getByLabel(/It was unavoidable/).check();
    await page.getByLabel('The facts behind that reason').fill('A pupil handed a phone showing the image to the form tutor.');
    await page.getByRole('group', { name: /discussed with the headteacher/ }).getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('The imagery was not copied, printed or shared').check();
    await page.getByRole('button', { name: 'Save viewing record' }).click();

    await page.getByRole('heading', { name: 'Image shared between two Year 10 pupils' }).waitFor();
    const card = page.getByRole('article', { name: /Viewing of the imagery/ });
    await card.getByText('Awaiting signature').first().waitFor();
    await expect.poll(() => card.textContent()).toContain('Backdated');

    await sign(page, DEMO.dsl, /I viewed the imagery/);
    await sign(page, DEMO.head, /I was present/);
    const signatures = card.getByRole('list', { name: 'Signatures on version 1' });
    await expect.poll(() => signatures.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => signatures.textContent()).toContain(`${DEMO.head.name} (Headteacher) signed “I was present when the imagery was viewed`);

    // Editing the signed version is refused by the core, not only hidden by the UI.
    const signedEdit = await app.core.dispatch('incidents.get', { incidentId: 1 }).then(async (r) => {
      const entry = (r.ok ? (r.value as { entries: { id: number; body: unknown }[] }).entries[0] : undefined)!;
      return app!.core.dispatch('entries.revise', { entryId: entry.id, occurredOn: '2026-11-20', occurredTime: '10:15', kind: 'viewing-log', body: entry.body });
    });
    expect(signedEdit).toMatchObject({ ok: false, error: { code: 'signed_entry_locked' } });

    // Through the UI: the amendment needs a reason, then makes version 2 beside version 1.
    await card.getByRole('link', { name: 'Amend (new version)' }).click();
    await page.getByLabel('Where it was viewed').fill('Headteacher’s office, main building');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByText('Give the reason for amending a signed entry').first().waitFor();
    await page.getByLabel('Reason for the amendment').fill('The building was missing from the place.');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByRole('heading', { name: 'Image shared between two Year 10 pupils' }).waitFor();
    await expect.poll(() => card.textContent()).toContain('version 2');
    await expect.poll(() => card.textContent()).toContain('Amended: The building was missing from the place.');
    await card.getByText('Earlier version (1)').click();
    await expect.poll(() => card.getByRole('list', { name: 'Signatures on version 1' }).getByRole('listitem').count()).toBe(2);
    await expectNoAxeViolations(page);

    // The audit log verifies clean, and opening the incident was recorded.
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('button', { name: 'Verify records' }).click();
    await page.getByText(/The records are intact/).waitFor();
    await expect.poll(() => page.getByRole('table').textContent()).toContain('Opened an incident record');
    expect(app.consoleErrors).toEqual([]);

    // In a copy of the data folder, changing one audit row is reported at that row.
    const copy = await mkdtemp(join(tmpdir(), 'records-tamper-'));
    try {
      await app.core.lock('button');
      await cp(app.dataDir, copy, { recursive: true });
      const opened = await new KeyslotStore(join(copy, 'keyslots.json')).unlockWithPassword(DEMO.dsl.username, DEMO.dsl.password);
      if (!opened.ok) throw new Error('could not open the copy');
      const db = await Database.open(join(copy, 'records.db'), opened.dataKey);
      await db.transaction(async (tx) => {
        await tx.exec('DROP TRIGGER audit_is_append_only_update');
        await tx.run(`UPDATE audit SET details = '{"reference":"YPSI-2026-999"}' WHERE seq = 7`);
      });
      await db.close();
      const tampered = await createCore({ dataDir: copy, appVersion: 'test' });
      await tampered.dispatch('session.unlock', { username: DEMO.dsl.username, password: DEMO.dsl.password });
      const verdict = await tampered.dispatch('audit.verify', {});
      await tampered.close();
      expect(verdict).toMatchObject({ ok: true, value: { ok: false, lastIntact: { seq: 6 } } });
      const findings = verdict.ok ? (verdict.value as { findings: { kind: string; where: string }[] }).findings : [];
      expect(findings.some((f) => f.kind === 'audit-altered' && f.where === 'audit row 7'), JSON.stringify(findings)).toBe(true);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('records a member of staff without an account as present, and completes the record when the DSL attests it (guidance section 2)', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    await openIncident(page, 'Image found on a school laptop');

    await page.getByRole('link', { name: 'Record a viewing of the imagery' }).click();
    await page.getByRole('heading', { name: 'Record a viewing of the imagery' }).waitFor();
    await page.getByLabel('Date it was viewed').fill('2026-11-20');
    await page.getByLabel('Time').fill('11:40');
    await page.getByLabel('Where it was viewed').fill('DSL’s office');
    await page.getByRole('group', { name: 'Was it viewed on school premises?' }).getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('Who viewed the imagery').selectOption({ label: DEMO.dsl.name });
    await page.getByLabel('The DSL', { exact: true }).check();
    await page.getByLabel('Who else was present').selectOption({ label: 'Someone without an account' });
    await page.getByText(/will not be complete until a DSL signs it/).waitFor();
    await page.getByRole('group', { name: /same sex/ }).getByLabel('Yes', { exact: true }).check();
    await page.getByLabel(/It was unavoidable/).check();
    await page.getByLabel('The facts behind that reason').fill('The IT technician found the image on a school laptop during a routine check.');
    await page.getByRole('group', { name: /discussed with the headteacher/ }).getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('The imagery was not copied, printed or shared').check();

    // Their name and role are asked for before anything is saved.
    await page.getByRole('button', { name: 'Save viewing record' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByText('Enter the name of the person who was present', { exact: true }).waitFor();
    await page.getByLabel('Name of the person present').fill('Ezra Quillfeather');
    await page.getByLabel('Their role').fill('IT technician');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save viewing record' }).click();

    await page.getByRole('heading', { name: 'Image found on a school laptop' }).waitFor();
    const card = page.getByRole('article', { name: /Viewing of the imagery/ });
    await card.getByText('Awaiting signature').first().waitFor();
    await card.getByRole('button', { name: 'Show the full record' }).click();
    await expect.poll(() => card.textContent()).toContain('Ezra Quillfeather, IT technician (no account in the app; did not view)');
    await expect.poll(() => card.textContent()).toContain('Awaiting a DSL’s signature to attest it');

    await sign(page, DEMO.dsl, /I viewed the imagery/);
    await expect.poll(() => card.textContent()).toContain('Awaiting the signature of a DSL');
    await sign(page, DEMO.dsl, /I attest what this record says about the people in it who have no account/);
    await expect.poll(() => card.getByText('Awaiting signature').count()).toBe(0);
    await expect.poll(() => card.textContent()).toContain(`Attested by ${DEMO.dsl.name}`);
    expect(app.consoleErrors).toEqual([]);
  });
});
