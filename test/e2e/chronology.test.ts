// Issue 6, end to end on generated data: the pupil, incident and whole-school chronologies,
// their filters (in the address, so Back works), search with highlighting, the backdated
// mark, the keyboard, and a school log of 30,000 entries. The data folder is generated
// once for the file; what each screen should show is read straight from the database.
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Row } from '../../electron/core/db/connection';
import { generateDemoData } from '../../scripts/demo/generate';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { formatDateTime, isBackdated, utcToSchoolTime } from '../../shared/domain/dates';
import { ENTRY_KIND_DEFINITIONS, type EntryKind } from '../../shared/domain/entries/kinds';
import { PERSON_ROLE_LABELS, type PersonRole } from '../../shared/domain/incidents';
import { makeTempDir } from '../integration/helpers/temp-dir';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { DEMO, signIn } from '../support/journeys';

const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots';
const ENTRIES = 30_000;

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  if (target) await target.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
  else await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

type Entry = { id: number; kind: EntryKind; occurredAt: string; recordedAt: string; reference: string; roles: PersonRole[]; incidentId: number };

const LATEST = 'NOT EXISTS (SELECT 1 FROM entries n WHERE n.supersedes = e.id)';

/** What the screens should show, read from the database itself rather than through the app. */
type Facts = {
  pupil: { id: number; first: string; last: string };
  pupilEntries: Entry[];
  newest: Entry;
  oldest: Entry;
  reference: { reference: string; count: number };
  word: { word: string; count: number; newest: number };
  /** An amended entry: its incident, and where it comes in that incident's chronology. */
  amended: { reference: string; index: number; count: number; reason: string };
};

function toEntry(row: Row): Entry {
  return {
    id: Number(row.id),
    kind: String(row.kind) as EntryKind,
    occurredAt: String(row.occurred_at),
    recordedAt: String(row.recorded_at),
    reference: String(row.reference),
    roles: typeof row.roles === 'string' ? (JSON.parse(row.roles) as PersonRole[]) : [],
    incidentId: Number(row.incident_id),
  };
}

async function readFacts(dataDir: string): Promise<Facts> {
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DEMO.dsl.username, DEMO.dsl.password);
  if (!unlocked.ok) throw new Error('the demo account should open its key slot');
  const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
  try {
    const select = `SELECT e.id, e.kind, e.occurred_at, e.recorded_at, e.incident_id, i.reference FROM entries e JOIN incidents i ON i.id = e.incident_id WHERE ${LATEST}`;
    // A pupil on exactly two incidents, each with a few dozen entries.
    const pupilRow = await db.get(
      `SELECT p.id, p.first_name, p.last_name FROM pupils p JOIN incident_people ip ON ip.pupil_id = p.id
       GROUP BY p.id HAVING count(*) = 2 AND (SELECT count(*) FROM entries e WHERE e.incident_id IN (SELECT incident_id FROM incident_people WHERE pupil_id = p.id)) BETWEEN 40 AND 140
       ORDER BY p.id LIMIT 1`,
    );
    if (!pupilRow) throw new Error('the demo data should have a pupil on two incidents');
    const pupil = { id: Number(pupilRow.id), first: String(pupilRow.first_name), last: String(pupilRow.last_name) };
    const pupilEntries = (
      await db.all(
        `SELECT e.id, e.kind, e.occurred_at, e.recorded_at, e.incident_id, i.reference, ip.roles
         FROM entries e JOIN incidents i ON i.id = e.incident_id JOIN incident_people ip ON ip.incident_id = e.incident_id AND ip.pupil_id = ?
         WHERE ${LATEST} ORDER BY e.occurred_at, e.id`,
        [pupil.id],
      )
    ).map(toEntry);
    const newest = toEntry((await db.get(`${select} ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1`))!);
    const oldest = toEntry((await db.get(`${select} ORDER BY e.occurred_at ASC, e.id ASC LIMIT 1`))!);
    const refRow = (await db.get(`SELECT i.reference, count(*) AS n FROM entries e JOIN incidents i ON i.id = e.incident_id WHERE ${LATEST} AND i.ref_number = 12 GROUP BY i.id LIMIT 1`))!;
    const word = 'kaleidoscope';
    const wordRows = await db.all(`${select} AND e.body LIKE ? ORDER BY e.occurred_at DESC, e.id DESC`, [`%${word}%`]);
    const amendedRow = (await db.get(`SELECT e.id, e.incident_id, e.amendment_reason, i.reference FROM entries e JOIN incidents i ON i.id = e.incident_id
       WHERE e.version = 2 AND ${LATEST} ORDER BY e.id LIMIT 1`))!;
    const incidentEntries = await db.all(`SELECT e.id FROM entries e WHERE e.incident_id = ? AND ${LATEST} ORDER BY e.occurred_at, e.id`, [Number(amendedRow.incident_id)]);
    return {
      amended: {
        reference: String(amendedRow.reference),
        index: incidentEntries.findIndex((r) => r.id === amendedRow.id),
        count: incidentEntries.length,
        reason: String(amendedRow.amendment_reason),
      },
      pupil,
      pupilEntries,
      newest,
      oldest,
      reference: { reference: String(refRow.reference), count: Number(refRow.n) },
      word: { word, count: wordRows.length, newest: Number(wordRows[0]!.id) },
    };
  } finally {
    await db.close();
  }
}

/** The row of the list showing entry `index` (0-based), once its data has arrived. */
function rowAt(page: Page, index: number): Locator {
  return page.locator(`article[data-index="${index}"]:not([aria-busy="true"])`);
}

async function focusedIndex(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.activeElement?.getAttribute('data-index') ?? -1));
}

/** What a row shows, in the words a reader sees. */
async function rowFacts(row: Locator): Promise<{ title: string; when: string; reference: string | null; text: string }> {
  return {
    title: (await row.locator('h3').textContent()) ?? '',
    when: (await row.locator('time').getAttribute('datetime')) ?? '',
    reference: (await row.locator('.chron-reference').count()) > 0 ? await row.locator('.chron-reference').textContent() : null,
    text: (await row.textContent()) ?? '',
  };
}

const countLine = (page: Page) => page.locator('.chron-count');

/** From anywhere: the register, the pupil's page, then their chronology, as a person would go. */
async function openPupilChronology(page: Page, pupil: Facts['pupil']): Promise<void> {
  await page.getByRole('link', { name: 'Pupils', exact: true }).click();
  await page.getByLabel('Find a pupil').fill(pupil.last);
  await page.getByRole('link', { name: `${pupil.first} ${pupil.last}` }).click();
  await page.getByRole('heading', { name: `${pupil.first} ${pupil.last}`, level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Chronology', exact: true }).click();
  await page.getByRole('heading', { name: `Chronology: ${pupil.first} ${pupil.last}`, level: 1 }).waitFor();
}

describe('chronologies on 30,000 generated entries', () => {
  let folder: { dir: string; remove: () => Promise<void> };
  let app: LaunchedApp;
  let page: Page;
  let facts: Facts;

  beforeAll(async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
    folder = await makeTempDir('records-e2e-chronology-');
    const dataDir = join(folder.dir, 'data');
    const summary = await generateDemoData({ dataDir, pupils: 400, incidents: 600, entries: ENTRIES, seed: 2026 });
    expect(summary.entries).toBe(ENTRIES);
    facts = await readFacts(dataDir);
    app = await launchApp({ dataDir });
    page = app.page;
    await signIn(page, DEMO.dsl);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor({ timeout: 30_000 });
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await folder?.remove();
  });

  it('merges a pupil’s two incidents in the order things happened, with each incident’s reference and their role', async () => {
    const { pupil, pupilEntries } = facts;
    const references = [...new Set(pupilEntries.map((e) => e.reference))];
    expect(references).toHaveLength(2);

    await openPupilChronology(page, pupil);

    // Both incidents, earliest first, the earlier one marked as such.
    const incidents = page.getByRole('region', { name: `Incidents involving ${pupil.first}` });
    await expect.poll(() => incidents.getByRole('listitem').count()).toBe(2);
    expect(await incidents.getByRole('listitem').first().textContent()).toContain('Earlier incident');
    await incidents.getByText(`has been involved in 2 incidents`).waitFor();

    await expect.poll(() => countLine(page).textContent()).toBe(`${pupilEntries.length} entries`);
    await rowAt(page, 0).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'chronology-pupil');

    // Walk the whole list with the keyboard: every entry, in time order, with its incident and role.
    await rowAt(page, 0).focus();
    const seen: string[] = [];
    for (let i = 0; i < pupilEntries.length; i += 1) {
      const expected = pupilEntries[i]!;
      const row = rowAt(page, i);
      await row.waitFor();
      expect(await focusedIndex(page)).toBe(i);
      const shown = await rowFacts(row);
      expect(shown.when).toBe(expected.occurredAt);
      expect(shown.title.startsWith(ENTRY_KIND_DEFINITIONS[expected.kind].label)).toBe(true);
      expect(shown.reference).toBe(expected.reference);
      expect(shown.text).toContain(`Role: ${expected.roles.map((r) => PERSON_ROLE_LABELS[r]).join('; ')}`);
      seen.push(expected.reference);
      if (i < pupilEntries.length - 1) await page.keyboard.press(i % 2 === 0 ? 'ArrowDown' : 'j');
    }
    // The two incidents are interleaved or follow one another, but both are there, merged.
    expect(new Set(seen)).toEqual(new Set(references));
    await page.keyboard.press('k');
    expect(await focusedIndex(page)).toBe(pupilEntries.length - 2);
    expect(app.consoleErrors).toEqual([]);
  });

  it('narrows by kind and then by dates, keeps the filters in the address, and steps back through them', async () => {
    const { pupilEntries } = facts;
    const kind: EntryKind = (['conversation', 'action', 'parents'] as const).find((k) => pupilEntries.filter((e) => e.kind === k).length >= 4)!;
    const ofKind = pupilEntries.filter((e) => e.kind === kind);
    const label = ENTRY_KIND_DEFINITIONS[kind].label;

    await openPupilChronology(page, facts.pupil);
    await page.getByLabel('Kind of entry').selectOption({ label });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => countLine(page).textContent()).toBe(`${ofKind.length} entries match the search and filters`);
    expect(page.url()).toContain(`kind=${kind}`);
    for (let i = 0; i < Math.min(ofKind.length, 4); i += 1) {
      const shown = await rowFacts(rowAt(page, i));
      expect(shown.when).toBe(ofKind[i]!.occurredAt);
      expect(shown.title.startsWith(label)).toBe(true);
    }

    // Dates on the school's clock, both ends included: from the second to the third of these entries.
    const from = utcToSchoolTime(ofKind[1]!.occurredAt).date;
    const to = utcToSchoolTime(ofKind[2]!.occurredAt).date;
    const inRange = ofKind.filter((e) => utcToSchoolTime(e.occurredAt).date >= from && utcToSchoolTime(e.occurredAt).date <= to);
    await page.getByLabel('Happened from').fill(from);
    await page.getByLabel('Happened to').fill(to);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => countLine(page).textContent()).toBe(`${inRange.length} ${inRange.length === 1 ? 'entry matches' : 'entries match'} the search and filters`);
    expect(page.url()).toContain(`from=${from}`);
    for (const [i, entry] of inRange.entries()) expect((await rowFacts(rowAt(page, i))).when).toBe(entry.occurredAt);
    expect(await page.locator('article[data-index]').count()).toBe(inRange.length);
    await expectNoAxeViolations(page);
    await shot(page, 'chronology-pupil-filtered');

    // The wrong way round is refused at the field, and nothing changes.
    await page.getByLabel('Happened from').fill(to);
    await page.getByLabel('Happened to').fill('2000-01-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('#chron-to-error').getByText('The “to” date must be the same as or after the “from” date').waitFor();
    expect(await page.getByLabel('Happened to').evaluate((node) => node === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);

    // Back: the kind alone again, in the list and in the form.
    await page.goBack();
    await expect.poll(() => countLine(page).textContent()).toBe(`${ofKind.length} entries match the search and filters`);
    expect(await page.getByLabel('Happened from').inputValue()).toBe('');
    expect(await page.getByLabel('Kind of entry').inputValue()).toBe(kind);
    await page.goBack();
    await expect.poll(() => countLine(page).textContent()).toBe(`${pupilEntries.length} entries`);
    expect(await page.getByLabel('Kind of entry').inputValue()).toBe('');
  });

  it('marks a backdated entry, and finds every one of them with the backdated filter', async () => {
    const backdated = facts.pupilEntries.filter((e) => isBackdated(e.occurredAt, e.recordedAt));
    expect(backdated.length).toBeGreaterThan(0);
    await openPupilChronology(page, facts.pupil);
    await page.getByLabel('Only backdated entries').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => countLine(page).textContent()).toBe(`${backdated.length} ${backdated.length === 1 ? 'entry matches' : 'entries match'} the search and filters`);
    const first = rowAt(page, 0);
    expect((await rowFacts(first)).when).toBe(backdated[0]!.occurredAt);
    await first.locator('h3 .tag', { hasText: 'Backdated' }).waitFor();
    const days = Math.floor((Date.parse(backdated[0]!.recordedAt) - Date.parse(backdated[0]!.occurredAt)) / 86_400_000);
    expect(await first.locator('.chron-meta').textContent()).toContain(`Recorded ${formatDateTime(backdated[0]!.recordedAt)}`);
    expect(await first.locator('.chron-meta').textContent()).toContain(`(recorded ${days} day${days === 1 ? '' : 's'} after it happened)`);
    await expectNoAxeViolations(page);
    await shot(page, 'chronology-backdated', first);

    // Open in place with Enter, close with Escape; focus stays on the entry.
    await first.focus();
    await page.keyboard.press('Enter');
    await first.locator('.chron-full dl, .chron-full .summary-list').first().waitFor();
    await first.getByRole('button', { name: /Hide the full record/ }).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'chronology-entry-open', first);
    await first.getByRole('link', { name: /to sign or amend/ }).focus();
    await page.keyboard.press('Escape');
    await first.getByRole('button', { name: /Show the full record/ }).waitFor();
    expect(await focusedIndex(page)).toBe(0);
  });

  it('finds an incident by its reference and entries by a word in them, highlighted', async () => {
    await page.getByRole('link', { name: 'School log' }).click();
    await page.getByRole('heading', { name: 'School log', level: 1 }).waitFor();
    const { reference, count } = facts.reference;
    await page.getByLabel('Search', { exact: true }).fill(reference);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => countLine(page).textContent()).toBe(`${count} entries match the search and filters`);
    const row = rowAt(page, 0);
    expect(await row.locator('.chron-reference mark').textContent()).toBe(reference);
    const references = await page.locator('article[data-index] .chron-reference').allTextContents();
    expect(new Set(references)).toEqual(new Set([reference]));
    await expectNoAxeViolations(page);
    await shot(page, 'chronology-search-reference');

    const { word } = facts.word;
    await page.getByLabel('Search', { exact: true }).fill(word);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => countLine(page).textContent()).toBe(`${facts.word.count} entries match the search and filters`);
    const found = rowAt(page, 0);
    await found.locator('.chron-snippet mark', { hasText: word }).waitFor();
    expect((await found.locator('.chron-snippet').textContent())?.toLowerCase()).toContain(word);
    // Opened in full, the word is highlighted inside the record too.
    await found.getByRole('button', { name: /Show the full record/ }).click();
    await found.locator('.chron-full .summary-list, .chron-full dl').first().waitFor();
    const highlighted = await page.evaluate(() => {
      const highlight = CSS.highlights.get('chronology-search');
      return highlight ? [...highlight].map((range) => (range as Range).toString()) : [];
    });
    expect(highlighted.map((w) => w.toLowerCase())).toContain(word);
    await expectNoAxeViolations(page);
    await shot(page, 'chronology-search-word');
    expect(page.url()).toContain(`q=${word}`);
    expect(app.consoleErrors).toEqual([]);
  });

  it('opens the whole-school log of 30,000 entries, newest first, and reaches the last one by keyboard and by scrolling', async () => {
    await page.getByRole('link', { name: 'School log' }).click();
    await expect.poll(() => countLine(page).textContent()).toBe('30,000 entries');
    const first = rowAt(page, 0);
    expect(await rowFacts(first)).toMatchObject({ when: facts.newest.occurredAt, reference: facts.newest.reference });
    expect(await first.getAttribute('aria-setsize')).toBe(String(ENTRIES));
    // Only what is on screen is in the page.
    expect(await page.locator('article[data-index]').count()).toBeLessThan(40);
    await expectNoAxeViolations(page);
    await shot(page, 'chronology-school-log');

    await first.focus();
    await page.keyboard.press('End');
    const last = rowAt(page, ENTRIES - 1);
    await last.waitFor({ timeout: 30_000 });
    expect(await focusedIndex(page)).toBe(ENTRIES - 1);
    // In view, whole, at the foot of the list.
    await expect
      .poll(() =>
        last.evaluate((row) => {
          const list = row.closest('.chron-scroll')!.getBoundingClientRect();
          const box = row.getBoundingClientRect();
          return box.top >= list.top - 1 && box.bottom <= list.bottom + 1;
        }),
      )
      .toBe(true);
    expect(await rowFacts(last)).toMatchObject({ when: facts.oldest.occurredAt, reference: facts.oldest.reference });
    expect(await last.getAttribute('aria-posinset')).toBe(String(ENTRIES));
    expect(await last.locator('time').textContent()).toBe(formatDateTime(facts.oldest.occurredAt));
    await shot(page, 'chronology-school-log-end', page.locator('.chron-scroll'));

    await page.keyboard.press('Home');
    await rowAt(page, 0).waitFor();
    expect(await focusedIndex(page)).toBe(0);
    await page.keyboard.press('PageDown');
    expect(await focusedIndex(page)).toBe(10);

    // Scrolling there instead: the last rows arrive as they come into view.
    // Rows are measured as they render, so the list's height settles as it goes: like a person,
    // keep scrolling to the bottom until the last row is there.
    await expect
      .poll(
        async () => {
          await page.locator('.chron-scroll').evaluate((node) => node.scrollTo({ top: node.scrollHeight }));
          return rowAt(page, ENTRIES - 1).count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(1);
    expect(await page.locator('article[data-index]').count()).toBeLessThan(40);
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows one incident’s chronology from its page, with earlier versions inside their successor', async () => {
    const { reference, index, count, reason } = facts.amended;
    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    // The page left behind links the same reference on every row: wait for the list itself.
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    await page.getByRole('table').getByRole('link', { name: reference, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Chronology', exact: true }).click();
    await page.getByRole('heading', { name: /^Chronology: /, level: 1 }).waitFor();
    await expect.poll(() => countLine(page).textContent()).toBe(`${count} entries`);
    await rowAt(page, 0).focus();
    // No reference on every row: they are all this incident's.
    expect(await page.locator('article[data-index] .chron-reference').count()).toBe(0);
    for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
    const row = rowAt(page, index);
    await row.locator('h3 .tag', { hasText: 'Amended (version 2)' }).waitFor();
    await page.keyboard.press('Enter');
    await row.getByText(`Amended: ${reason}`).first().waitFor();
    await row.getByText('Earlier version (1)').click();
    await row.getByRole('heading', { name: /Version 1\s+Superseded/, level: 4 }).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'chronology-incident-earlier-version', row);
    await shot(page, 'chronology-incident');
    expect(app.consoleErrors).toEqual([]);
  });

  it('draws the first 20 open incidents on the home screen, and the rest when asked, from the keyboard', async () => {
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    const heading = page.getByRole('heading', { name: /^Open incidents \(\d+\)$/, level: 2 });
    const total = Number(/\((\d+)\)/.exec((await heading.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(20);
    const open = page.locator('[aria-label="Open incidents and what each is missing"] > li');
    await expect.poll(() => open.count()).toBe(20);
    const showAll = page.getByRole('button', { name: `Show all ${total} open incidents` });
    await showAll.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => open.count()).toBe(total);
    await expect.poll(() => showAll.count()).toBe(0);
    // Focus is not lost with the button: it is on the first incident the button brought in.
    const twentyFirst = (await open.nth(20).getByRole('link').first().textContent()) ?? '';
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(twentyFirst);
    expect(app.consoleErrors).toEqual([]);
  });
});
