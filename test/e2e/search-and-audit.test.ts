// Issue 14, items 14 and 15, end to end: the school log's search finds the forms of a word
// and highlights the word each entry was found by; the Audit page names what each row is
// about (references, entries by kind and date, people by name), never bare ids.
// The records are made through the core (fictional), then read only from the screen.
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/ipc/channels';
import type { Input } from '../../shared/ipc/contract';
import { call as callCore, expectOk, newCore } from '../integration/helpers/core';
import { makeTempDir } from '../integration/helpers/temp-dir';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { DEMO, signIn } from '../support/journeys';

const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const SUMMARIES = [
  'Juniper said she was blackmailed for more photos after the first one.',
  'An older pupil has been blackmailing her on Snapchat since half term.',
  'Her mother worries the sender blackmails other children in the year group.',
  'Talked about the trampoline club and how the week went.',
];

/** A school with one incident, a pupil and another young person on it, and four conversations, one amended. */
async function seed(dataDir: string): Promise<{ reference: string }> {
  const core = await newCore(dataDir);
  const call = async <C extends Channel>(channel: C, input: Input<C>) => expectOk(await callCore(core, channel, input));
  try {
    await call('setup.create', { schoolName: DEMO.school, dslName: DEMO.dsl.name, username: DEMO.dsl.username, password: DEMO.dsl.password });
    const pupil = await call('pupils.create', {
      firstName: 'Juniper',
      lastName: 'Ashcombe',
      dateOfBirth: '2011-03-04',
      sex: 'female',
      yearGroup: '10',
      sen: false,
      senDetails: '',
      lookedAfter: false,
      socialCare: 'none',
    });
    const incident = await call('incidents.create', {
      title: 'Pupil pressured for images on Snapchat',
      cameToAttentionOn: '2026-11-16',
      imageryDate: '',
      kind: 'shared-on',
      media: 'photo',
      services: [],
      sharing: 'not_known',
      sharingDetails: '',
    });
    await call('incidents.addPupil', { incidentId: incident.id, pupilId: pupil.id, roles: ['pictured'] });
    await call('incidents.addOtherPerson', { incidentId: incident.id, person: { kind: 'young_person', name: 'Rowan Pennyfeather', setting: 'Larkspur College' }, roles: ['received'] });
    const ids: number[] = [];
    for (const [i, summary] of SUMMARIES.entries()) {
      const entry = await call('entries.create', {
        incidentId: incident.id,
        occurredOn: '2026-11-17',
        occurredTime: `1${i}:00`,
        kind: 'conversation',
        body: { withWhom: 'Juniper Ashcombe', byWhom: DEMO.dsl.name, summary, supportOffered: '' },
      });
      ids.push(entry.id);
    }
    await call('entries.revise', {
      entryId: ids[3]!,
      occurredOn: '2026-11-17',
      occurredTime: '13:00',
      reason: 'Added what was agreed',
      kind: 'conversation',
      body: { withWhom: 'Juniper Ashcombe', byWhom: DEMO.dsl.name, summary: `${SUMMARIES[3]} Agreed to meet again on Friday.`, supportOffered: '' },
    });
    return { reference: incident.reference };
  } finally {
    await core.close();
  }
}

describe('searching by word forms, and the audit log in words', () => {
  let folder: { dir: string; remove: () => Promise<void> };
  let app: LaunchedApp;
  let page: Page;
  let reference: string;

  beforeAll(async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
    folder = await makeTempDir('records-e2e-search-audit-');
    const dataDir = join(folder.dir, 'data');
    ({ reference } = await seed(dataDir));
    app = await launchApp({ dataDir });
    page = app.page;
    await signIn(page, DEMO.dsl);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await folder?.remove();
  });

  it('finds “blackmailed”, “blackmailing” and “blackmails” when searching “blackmail”, each word highlighted', async () => {
    await page.getByRole('link', { name: 'School log' }).click();
    await page.getByRole('heading', { name: 'School log', level: 1 }).waitFor();
    await page.getByLabel('Search').fill('blackmail');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.getByText(/entries match the search and filters/).textContent()).toBe('3 entries match the search and filters');
    const marks = page.locator('article[data-index] .chron-snippet mark');
    await marks.first().waitFor();
    expect((await marks.allTextContents()).sort()).toEqual(['blackmailed', 'blackmailing', 'blackmails']);

    // Opened in full, the word the entry was found by is highlighted inside the record too.
    const found = page.locator('article[data-index]', { hasText: 'blackmailing her' });
    await found.getByRole('button', { name: /Show the full record/ }).click();
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('chronology-search') ?? [])].map((range) => (range as Range).toString())))
      .toContain('blackmailing');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS_DIR}/search-word-forms.png`, fullPage: true });
    expect(app.consoleErrors).toEqual([]);
  });

  it('names what each audit row is about, as a DSL reads it', async () => {
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /Most recent audit rows/ });
    const row = (what: string) => table.getByRole('row').filter({ hasText: what });
    await row('Opened an incident').first().waitFor();

    expect(await row('Opened an incident').first().textContent()).toContain(reference);
    const amended = await row('Amended an entry').textContent();
    expect(amended).toContain(`${reference} · Conversation, 17 Nov 2026 (version 2)`);
    expect(amended).toContain(`Replaces: ${reference} · Conversation, 17 Nov 2026 (version 1)`);
    const added = await row('Added a person to an incident').allTextContents();
    expect(added.join('\n')).toContain('Pupil: Juniper Ashcombe');
    expect(added.join('\n')).toContain('Person: Rowan Pennyfeather');
    expect(await row('Added a pupil').textContent()).toContain('Juniper Ashcombe');

    for (const text of await table.getByRole('row').allTextContents()) {
      expect(text).not.toMatch(/\b(incident|entry|pupil|staff)\s*\d+\b/i);
    }
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS_DIR}/audit-names.png`, fullPage: true });
    expect(app.consoleErrors).toEqual([]);
  });
});
