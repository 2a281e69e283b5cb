// Issue 20 items 1 and 2 on screen: the DSL marks a pupil as left, sees the prompt to transfer
// the child-protection file, prepares the transfer, saves the PDF protected by a password and
// marks it sent; with the core's clock moved past the deadline, the dashboard chases it.
// Fictional school and people.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { schoolToday } from '../../shared/domain/dates';
import { addDays } from '../../shared/domain/due';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, completeSetup, DEMO, openIncident, signIn } from '../support/journeys';

const SCHOOL = 'Larkspur Vale High School';
const PDF_PASSWORD = 'heron quartz lantern ferry';

describe('transferring a leaver’s child-protection file', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('marks the pupil left, prepares the transfer, saves the protected PDF, marks it sent, and is chased once overdue', async () => {
    let offsetMs = 0;
    app = await launchApp({ now: () => new Date(Date.now() + offsetMs) });
    const { page, exportDir } = app;
    const today = schoolToday();
    await completeSetup(page);
    await openIncident(page, 'Photo shared in a year group chat', { cameToAttentionOn: addDays(today, -10) });
    await addPupilToIncident(page, { firstName: 'Juniper', lastName: 'Testwood', dateOfBirth: '2012-05-04' }, ['Pictured in the imagery']);

    await page.getByRole('link', { name: 'Pupils', exact: true }).click();
    await page.getByRole('link', { name: 'Juniper Testwood' }).click();
    await page.getByRole('heading', { name: 'Juniper Testwood', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Mark as left' }).click();
    const leaving = page.getByRole('form', { name: 'Mark as left' });
    await leaving.getByLabel('Date they left').fill(addDays(today, -1));
    await leaving.getByLabel('Another school').check();
    await leaving.getByLabel('Name of the new school or setting').fill(SCHOOL);
    await leaving.getByRole('button', { name: 'Mark as left' }).click();

    const prompt = page.getByRole('link', { name: new RegExp(`^Transfer the child-protection file to ${SCHOOL} by `) });
    await prompt.waitFor();
    await prompt.click();

    const form = page.getByRole('form', { name: 'Prepare the transfer' });
    expect(await form.getByLabel('Receiving school or setting').inputValue()).toBe(SCHOOL);
    await form.getByLabel('Their Designated Safeguarding Lead').fill('Rosalind Quaketon');
    await form.getByLabel('How to reach them').fill('dsl@larkspur-vale.example');
    await form.getByLabel('Secure email').check();
    const dueOn = await form.getByLabel('To arrive by').inputValue();
    expect(dueOn > today).toBe(true);
    expect(await form.getByLabel('Covering letter to their DSL').inputValue()).toContain('Juniper Testwood, born 4 May 2012');
    await form.getByRole('button', { name: 'Save the transfer' }).click();
    await page.getByRole('heading', { name: `To ${SCHOOL}`, level: 1 }).waitFor();

    const pdf = page.getByRole('form', { name: 'Save the PDF' });
    await pdf.getByLabel('Password for the PDF', { exact: true }).fill(PDF_PASSWORD);
    await pdf.getByLabel('Confirm password for the PDF').fill(PDF_PASSWORD);
    await pdf.getByLabel(/your password/i).fill(DEMO.dsl.password);
    await pdf.getByRole('button', { name: 'Save the PDF' }).click();
    await pdf.getByRole('status').filter({ hasText: 'protected by the password' }).waitFor();
    const saved = readdirSync(exportDir).filter((f) => f.endsWith('.pdf'));
    expect(saved).toHaveLength(1);
    const file = join(exportDir, saved[0]!);
    expect(spawnSync('pdftotext', [file, '-']).status).not.toBe(0);
    expect(execFileSync('pdftotext', ['-upw', PDF_PASSWORD, file, '-'], { encoding: 'utf8' })).toContain(`Child-protection file — for transfer to ${SCHOOL}`);

    const sent = page.getByRole('form', { name: 'Mark as sent' });
    await sent.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByRole('form', { name: 'Confirm receipt' }).waitFor();
    await page.getByText('Sent, awaiting confirmation').waitFor();

    // Ten days on: the deadline has passed with no confirmation.
    // (The idle lock sees ten days without a touch: the DSL signs in again, as on the next school day.)
    offsetMs = 10 * 24 * 3600_000;
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await signIn(page, DEMO.dsl);
    const chased = page.getByRole('region', { name: /Transfers awaiting confirmation/ });
    await page.getByRole('heading', { name: 'Transfers awaiting confirmation (1)', level: 2 }).waitFor();
    expect(await chased.textContent()).toContain('Overdue');
    expect(await chased.textContent()).toContain(`Juniper Testwood’s child-protection file to ${SCHOOL}: sent, not yet confirmed`);
  });
});
