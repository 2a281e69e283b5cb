// Issue 14 item 4, end to end and driven only by what is on screen: a form asks whom an
// entry is about, the incident page says whose each entry is, and a pupil's chronology marks
// the entries that concern only other children and can leave them out (kept in the address).
// The pupil's export page offers the same choice for the file. Fictional people throughout.
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { addPupilToIncident, completeSetup, fillWhen, openIncident, startRecord } from '../support/journeys';

const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots';
const TITLE = 'Photo passed round a group chat';
const TAMSIN = { firstName: 'Tamsin', lastName: 'Oakridge', dateOfBirth: '2011-03-04' } as const;
const ROWAN = { firstName: 'Rowan', lastName: 'Ashcombe', dateOfBirth: '2010-11-12' } as const;

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function recordConversation(page: Page, about: readonly string[], summary: string): Promise<void> {
  await startRecord(page, 'Conversation');
  await fillWhen(page, '2026-11-20', '11:00');
  const who = page.getByRole('group', { name: 'Who is this about?' });
  for (const name of about) await who.getByLabel(name).check();
  await page.getByLabel('Who was the conversation with?').fill('A pupil, with the form tutor');
  await page.getByLabel('Who held it?').fill('The DSL');
  await page.getByLabel('Summary of the conversation').fill(summary);
  await page.getByRole('button', { name: 'Save record' }).click();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
}

describe('whose each entry is', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is asked in the form, shown on the incident page, and marked and filtered on a pupil’s chronology', async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    await openIncident(page, TITLE);
    await addPupilToIncident(page, TAMSIN, ['Pictured in the imagery']);
    await addPupilToIncident(page, ROWAN, ['Sent or shared it']);

    // The form asks whom the conversation is about, from the people on this incident.
    await startRecord(page, 'Conversation');
    const who = page.getByRole('group', { name: 'Who is this about?' });
    await who.waitFor();
    await expect.poll(() => who.getByRole('checkbox').count()).toBe(2);
    expect(await who.getByRole('checkbox', { name: 'Tamsin Oakridge (Year 10)' }).isChecked()).toBe(false);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS_DIR}/whose-form.png`, fullPage: true });
    await page.goBack();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    await recordConversation(page, ['Rowan Ashcombe (Year 10)'], 'Talked about who the photo was sent to.');
    await recordConversation(page, ['Tamsin Oakridge (Year 10)'], 'Checked Tamsin knows where to get support.');
    await recordConversation(page, [], 'Talked to the whole tutor group about consent.');

    // The parents entry for Rowan: on Tamsin's record it concerns another child.
    await startRecord(page, 'Parents or carers');
    await fillWhen(page, '2026-11-20', '15:30');
    await page.getByLabel('Which pupil’s parents or carers?').selectOption({ label: 'Rowan Ashcombe (Year 10)' });
    await page.getByLabel('No, they are not being told').check();
    await page.getByLabel('Why are they not being told?').fill('Children’s social care advised waiting until after their visit.');
    await page.getByLabel('Who took the decision?').fill('The DSL with the social worker');
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    // The incident page says whose each entry is.
    const parents = page.getByRole('article', { name: /Parents or carers/ });
    await expect.poll(() => parents.textContent()).toContain('About Rowan Ashcombe');
    const conversations = page.getByRole('article', { name: /Conversation/ });
    await expect.poll(() => conversations.allTextContents()).toHaveLength(3);
    const texts = await conversations.allTextContents();
    expect(texts.filter((t) => t.includes('About Rowan Ashcombe'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('About Tamsin Oakridge'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('About the incident as a whole'))).toHaveLength(1);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS_DIR}/whose-incident-page.png`, fullPage: true });

    // Tamsin's chronology: the two entries about Rowan only are marked.
    await page.getByRole('link', { name: 'Tamsin Oakridge' }).first().click();
    await page.getByRole('heading', { name: 'Tamsin Oakridge', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Chronology' }).click();
    const count = page.locator('.chron-count');
    await expect.poll(() => count.textContent()).toBe('4 entries');
    const feed = page.getByRole('feed');
    const marked = feed.getByRole('article').filter({ hasText: 'Concerns other children only' });
    await expect.poll(() => marked.count()).toBe(2);
    const markedTexts = await marked.allTextContents();
    expect(markedTexts.every((t) => t.includes('About Rowan Ashcombe'))).toBe(true);
    expect(markedTexts.some((t) => t.includes('Parents or carers not informed'))).toBe(true);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS_DIR}/whose-pupil-chronology.png`, fullPage: true });

    // Leaving them out: kept in the address, so Back returns to the whole chronology.
    await page.getByLabel('Leave out entries that concern only other children or people').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => count.textContent()).toBe('2 entries match the search and filters');
    expect(page.url()).toContain('others=leave-out');
    await expect.poll(() => feed.getByRole('article').filter({ hasText: 'Concerns other children only' }).count()).toBe(0);
    expect(await feed.textContent()).toContain('About Tamsin Oakridge');
    expect(await feed.textContent()).toContain('About the incident as a whole');
    await expectNoAxeViolations(page);
    await page.goBack();
    await expect.poll(() => count.textContent()).toBe('4 entries');
    await page.reload();
    await page.goForward();
    await expect.poll(() => count.textContent()).toBe('2 entries match the search and filters');
    expect(await page.getByLabel('Leave out entries that concern only other children or people').isChecked()).toBe(true);

    // The pupil's file: the whole record by default, with the reason given; leaving out is a choice.
    await page.goto(page.url().replace(/\/chronology.*$/, '/export'));
    await page.getByRole('heading', { name: 'Print or export', level: 1 }).waitFor();
    await page.getByRole('radio', { name: /Pupil file/ }).check();
    const choice = page.getByRole('group', { name: 'Entries that concern only other children' });
    await choice.waitFor();
    expect(await choice.getByRole('radio', { name: 'Include them: the whole record' }).isChecked()).toBe(true);
    const said = (await choice.textContent()) ?? '';
    expect(said).toContain('2 entries on this pupil’s incidents concern only other children or people.');
    expect(said).toContain('A child-protection file sent to a new school normally goes in its entirety');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS_DIR}/whose-export.png`, fullPage: true });
  }, 180_000);
});
