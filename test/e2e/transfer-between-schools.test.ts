// Issue 20, "Must show", end to end across two schools on one machine, each set up separately in
// its own data folder: a pupil leaves; the sending DSL prepares the transfer of their
// child-protection file and makes the encrypted package; the receiving school opens it with
// the passphrase and reads it as it came, read-only, every signature verified; once the
// deadline passes unconfirmed the sending school's dashboard chases it; the receipt code the
// receiving school's app gave marks the transfer received, and the chase ends.
// Fictional schools and people throughout.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { schoolToday } from '../../shared/domain/dates';
import { addDays } from '../../shared/domain/due';
import { TRANSFER_PACKAGE_EXTENSION } from '../../shared/domain/transfers/file-names';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, completeSetup, DEMO, openIncident, signIn } from '../support/journeys';

const SENDING = 'Thornbury Vale Academy';
const RECEIVING = 'Larkspur Vale High School';
const PASSPHRASE = 'copper lantern meadow ferry quartz';
const RECEIVING_DSL = { name: 'Rosalind Quaketon', username: 'rquaketon', password: 'tangerine walrus umbrella ledger' };

type Api = { invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; value?: { id: number }; error?: { message: string } }> };

describe('a child-protection file transferred between two schools that use this app', () => {
  const apps: LaunchedApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.map((a) => a.close()));
    apps.length = 0;
  });

  it('is packaged, opened read-only with signatures verified at the new school, chased when overdue, and confirmed by its receipt code', async () => {
    let offsetMs = 0;
    const sender = await launchApp({ now: () => new Date(Date.now() + offsetMs) });
    apps.push(sender);
    const { page } = sender;
    const today = schoolToday();
    await completeSetup(page, { school: SENDING });
    await openIncident(page, 'Photo shared in a year group chat', { cameToAttentionOn: addDays(today, -10) });
    const incidentId = Number(/#\/incidents\/(\d+)/.exec(page.url())?.[1]);
    await addPupilToIncident(page, { firstName: 'Juniper', lastName: 'Testwood', dateOfBirth: '2012-05-04' }, ['Pictured in the imagery']);
    // A signed entry, so the receiving school has a signature to verify.
    const signed = await page.evaluate(
      async ({ id, dsl }) => {
        const api = (window as unknown as { api: Api }).api;
        const entry = await api.invoke('entries.create', {
          incidentId: id,
          occurredOn: '2026-11-20',
          occurredTime: '10:00',
          kind: 'conversation',
          body: { withWhom: 'Juniper', byWhom: 'The DSL', summary: 'Juniper told me a photo of her was shared in the year group chat.', supportOffered: '' },
        });
        if (!entry.ok || !entry.value) return entry;
        return api.invoke('entries.sign', { entryId: entry.value.id, meaning: 'record-accurate', username: dsl.username, password: dsl.password });
      },
      { id: incidentId, dsl: DEMO.dsl },
    );
    expect(signed.ok).toBe(true);

    // The pupil leaves, and the pupil page prompts the transfer.
    await page.getByRole('link', { name: 'Pupils', exact: true }).click();
    await page.getByRole('link', { name: 'Juniper Testwood' }).click();
    await page.getByRole('button', { name: 'Mark as left' }).click();
    const leaving = page.getByRole('form', { name: 'Mark as left' });
    await leaving.getByLabel('Date they left').fill(addDays(today, -1));
    await leaving.getByLabel('Another school').check();
    await leaving.getByLabel('Name of the new school or setting').fill(RECEIVING);
    await leaving.getByRole('button', { name: 'Mark as left' }).click();
    await page.getByRole('link', { name: new RegExp(`^Transfer the child-protection file to ${RECEIVING} by `) }).click();

    const form = page.getByRole('form', { name: 'Prepare the transfer' });
    await form.getByLabel('Their Designated Safeguarding Lead').fill(RECEIVING_DSL.name);
    await form.getByLabel('How to reach them').fill('dsl@larkspur-vale.example');
    await form.getByLabel('Hand-delivered').check();
    await form.getByRole('button', { name: 'Save the transfer' }).click();
    await page.getByRole('heading', { name: `To ${RECEIVING}`, level: 1 }).waitFor();

    // The encrypted package, for a school that uses this app.
    await page.getByLabel('Passphrase for the package').fill(PASSPHRASE);
    await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
    await page.getByRole('region', { name: 'Encrypted transfer package' }).getByLabel('Your password, to confirm').fill(DEMO.dsl.password);
    await page.getByRole('button', { name: 'Make the encrypted package' }).click();
    await page.getByText(/Package saved as/).waitFor();
    const packages = readdirSync(sender.exportDir).filter((f) => f.endsWith(TRANSFER_PACKAGE_EXTENSION));
    expect(packages).toHaveLength(1);
    expect(packages[0]).not.toMatch(/Juniper|Testwood/);
    await page.getByRole('form', { name: 'Mark as sent' }).getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByRole('form', { name: 'Confirm receipt' }).waitFor();

    // The receiving school: another app, its own folder, its own DSL.
    const receiver = await launchApp({ openPath: (purpose) => (purpose === 'transfer-package' ? join(sender.exportDir, packages[0]!) : null) });
    apps.push(receiver);
    const there = receiver.page;
    await completeSetup(there, { school: RECEIVING, dsl: RECEIVING_DSL });
    await there.getByRole('link', { name: 'Received files', exact: true }).click();
    await there.getByRole('link', { name: 'Open a transfer package' }).click();
    await there.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await there.getByRole('button', { name: 'Choose the file and open it' }).click();
    await there.getByRole('heading', { name: 'Check the file before importing it', level: 1 }).waitFor();
    await expect.poll(() => there.locator('main').textContent()).toContain('1 of 1 signatures verified');
    await there.getByLabel('Add Juniper Testwood as a new pupil').check();
    await there.getByRole('button', { name: 'Import the file' }).click();
    await there.getByRole('heading', { name: 'File received', level: 1 }).waitFor();
    const code = (await there.getByTestId('receipt-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await there.getByRole('link', { name: 'Read the received file' }).click();
    await there.getByRole('heading', { name: `File received from ${SENDING}`, level: 1 }).waitFor();
    expect(await there.getByRole('note').textContent()).toMatch(/read-only/);
    expect(await there.locator('.received-entries li li strong').allTextContents()).toEqual(['verified']);
    expect(await there.locator('main input, main textarea, main select').count()).toBe(0);
    expect(await there.locator('main').textContent()).toContain('Juniper told me a photo of her was shared');

    // Ten days on at the sending school, with no confirmation yet: the dashboard chases it.
    offsetMs = 10 * 24 * 3600_000;
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await signIn(page, DEMO.dsl);
    const chased = page.getByRole('region', { name: /Transfers awaiting confirmation/ });
    await chased.waitFor();
    expect(await chased.textContent()).toContain('Overdue');
    expect(await chased.textContent()).toContain(`Juniper Testwood’s child-protection file to ${RECEIVING}`);

    // The receiving DSL sends the code back; entered here, it marks the transfer received.
    await page.getByRole('link', { name: 'Transfers', exact: true }).click();
    await page.getByRole('link', { name: /Juniper Testwood/ }).first().click();
    const confirm = page.getByRole('form', { name: 'Confirm receipt' });
    await confirm.getByLabel('With the receipt code their app showed').check();
    await confirm.getByLabel('Receipt code', { exact: true }).fill('AAAA-BBBB-CCCC-DDDD');
    await confirm.getByRole('button', { name: 'Confirm receipt' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/receipt code/i);
    await confirm.getByLabel('Receipt code', { exact: true }).fill(code.toLowerCase());
    await confirm.getByRole('button', { name: 'Confirm receipt' }).click();
    await page.getByText(/^Received/).first().waitFor();
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { name: /Welcome|Home|Dashboard/, level: 1 }).first().waitFor();
    expect(await page.getByRole('region', { name: /Transfers awaiting confirmation/ }).count()).toBe(0);
    expect(sender.consoleErrors).toEqual([]);
    expect(receiver.consoleErrors).toEqual([]);
  });
});
