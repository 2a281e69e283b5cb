// Chronologies (issue 6): paging, every filter and the search, each checked against the
// records as incidents.get reads them (an independent path through the core), on a
// generated school of 1,200 entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData, type DemoSummary } from '../../scripts/demo/generate';
import type { Core } from '../../electron/core/index';
import { containsText, findsWordForm, foldText, startsAWord, type ChronologyFiltersInput, type ChronologyScope } from '../../shared/domain/chronology';
import { isBackdated, utcToSchoolTime } from '../../shared/domain/dates';
import { definitionOf } from '../../shared/domain/entries/kinds';
import type { EntryVersion, IncidentDetail } from '../../shared/ipc/contract';
import type { ChronologyRow } from '../../shared/ipc/contract-chronology';
import { call, DSL, expectError, expectOk, newCore, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const NOW = new Date('2026-11-20T12:00:00Z');

let dataDir: string;
let remove: () => Promise<void>;
let core: Core;
let summary: DemoSummary;

/** One current entry version as the incident page sees it, with its incident around it. */
type Truth = EntryVersion & { incident: IncidentDetail['incident']; people: IncidentDetail['people']; words: string[] };
let truth: Truth[];
let details: IncidentDetail[];

/** The strings of a body a person wrote (not stored codes such as "in_person"), split into words. */
function wordsOf(body: unknown): string[] {
  if (typeof body === 'string') return /[^a-z0-9_-]/.test(body) ? foldText(body).split(/[^\p{L}\p{N}]+/u).filter(Boolean) : [];
  if (Array.isArray(body)) return body.flatMap(wordsOf);
  if (typeof body === 'object' && body !== null) return Object.values(body).flatMap(wordsOf);
  return [];
}

/**
 * The search's rule, written out plainly: every word must match somewhere. Words people
 * wrote match by word forms as the screen highlights them (findsWordForm), so the SQL
 * search agreeing with this on every row is what keeps the highlighting honest.
 */
function matches(entry: Truth, terms: string[]): boolean {
  return terms.every((term) => {
    return (
      findsWordForm(entry.words.join(' '), term) ||
      containsText(entry.incident.reference, term) ||
      findsWordForm(entry.incident.title, term) ||
      entry.people.some((p) => startsAWord(p.pupil ? `${p.pupil.firstName} ${p.pupil.lastName}` : (p.other?.name ?? ''), term))
    );
  });
}

function awaitingNow(entry: EntryVersion): boolean {
  return definitionOf(entry.kind)
    .requiredSignatures(entry.body)
    .some((need) => !entry.signatures.some((s) => s.meaning === need.meaning && (need.staffId === undefined || s.signerId === need.staffId)));
}

const newestFirst = (a: Truth, b: Truth) => (a.occurredAt === b.occurredAt ? b.id - a.id : a.occurredAt < b.occurredAt ? 1 : -1);
const oldestFirst = (a: Truth, b: Truth) => -newestFirst(a, b);
const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

async function allRows(scope: ChronologyScope, filters: ChronologyFiltersInput = {}, limit = 100): Promise<{ total: number; rows: ChronologyRow[]; terms: string[] }> {
  const first = expectOk(await call(core, 'chronology.page', { scope, filters, offset: 0, limit }));
  if (first.total === null) throw new Error('the first page must count');
  const rows = [...first.rows];
  for (let offset = limit; offset < first.total; offset += limit) {
    const page = expectOk(await call(core, 'chronology.page', { scope, filters, offset, limit, snapshot: first.snapshot, count: false }));
    expect(page.total).toBeNull();
    expect(page.snapshot).toBe(first.snapshot);
    rows.push(...page.rows);
  }
  return { total: first.total, rows, terms: first.terms };
}

const SCHOOL: ChronologyScope = { type: 'school' };

beforeAll(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
  summary = await generateDemoData({ dataDir, pupils: 40, incidents: 60, entries: 1200, seed: 11, now: NOW, username: DSL.username, password: DSL.password });
  core = await newCore(dataDir);
  await unlockAs(core, DSL);
  const incidents = expectOk(await call(core, 'incidents.list', { status: 'all' }));
  details = [];
  for (const incident of incidents) details.push(expectOk(await call(core, 'incidents.get', { incidentId: incident.id })));
  truth = details.flatMap((d) => d.entries.filter((e) => e.latest).map((e) => ({ ...e, incident: d.incident, people: d.people, words: wordsOf(e.body) })));
}, 120_000);

afterAll(async () => {
  await core.close();
  await remove();
});

/** The generated school's database, opened beside the core, to look at query plans and shapes. */
async function openDirectly() {
  const { Database } = await import('../../electron/core/db/connection');
  const { KeyslotStore } = await import('../../electron/core/vault/keyslots');
  const unlocked = await new KeyslotStore(`${dataDir}/keyslots.json`).unlockWithPassword(DSL.username, DSL.password);
  if (!unlocked.ok) throw new Error('key slot did not open');
  return Database.open(`${dataDir}/records.db`, unlocked.dataKey);
}

describe('paging', () => {
  it('pages the whole school newest first, every current entry exactly once', async () => {
    expect(truth).toHaveLength(summary.entries);
    const { total, rows } = await allRows(SCHOOL);
    expect(total).toBe(1200);
    expect(ids(rows)).toEqual(ids([...truth].sort(newestFirst)));
  });

  it('gives the same rows whatever the page size, and a short last page', async () => {
    const whole = await allRows(SCHOOL, {}, 200);
    const small = await allRows(SCHOOL, {}, 7);
    expect(ids(small.rows)).toEqual(ids(whole.rows));
    const last = expectOk(await call(core, 'chronology.page', { scope: SCHOOL, filters: {}, offset: 1197, limit: 7 }));
    expect(last.rows).toHaveLength(3);
    const beyond = expectOk(await call(core, 'chronology.page', { scope: SCHOOL, filters: {}, offset: 5000, limit: 7 }));
    expect(beyond.rows).toEqual([]);
  });

  it('orders by when it was recorded when asked, either way', async () => {
    const byRecorded = (a: Truth, b: Truth) => (a.recordedAt === b.recordedAt ? a.id - b.id : a.recordedAt < b.recordedAt ? -1 : 1);
    expect(ids((await allRows(SCHOOL, { order: 'recorded-asc' })).rows)).toEqual(ids([...truth].sort(byRecorded)));
    expect(ids((await allRows(SCHOOL, { order: 'recorded-desc' })).rows)).toEqual(ids([...truth].sort(byRecorded).reverse()));
    expect(ids((await allRows(SCHOOL, { order: 'happened-asc' })).rows)).toEqual(ids([...truth].sort(oldestFirst)));
  });

  it('serves the school log from the index on when things happened, not by sorting every entry', async () => {
    const { explainChronologyPage } = await import('../../electron/core/db/chronology-queries');
    const db = await openDirectly();
    try {
      const plan = await explainChronologyPage(db, { scope: SCHOOL, filters: { q: '', backdated: false }, order: 'happened-desc', terms: [], snapshot: 1e9 });
      expect(plan.join('\n')).toContain('USING INDEX entries_by_occurred');
      const searching = await explainChronologyPage(db, {
        scope: SCHOOL,
        filters: { q: 'x', backdated: false },
        order: 'happened-desc',
        terms: [{ term: 'photo', incidentIds: [1, 2] }],
        snapshot: 1e9,
      });
      expect(searching.join('\n')).toContain('VIRTUAL TABLE INDEX');
      expect(plan.join('\n')).toContain('USING INDEX entries_by_occurred');
      expect(plan.join('\n')).not.toContain('TEMP B-TREE FOR ORDER BY');
    } finally {
      await db.close();
    }
  });

  it('pages a common word along the index, finding exactly the rows that gathering every match finds', async () => {
    const { chronologyPage, explainChronologyPage } = await import('../../electron/core/db/chronology-queries');
    const db = await openDirectly();
    try {
      const reference = details[3]!.incident.reference;
      const query = (term: string, common: boolean, incidentIds: number[] = []) => ({
        scope: SCHOOL,
        filters: { q: term, backdated: false },
        order: 'happened-desc' as const,
        terms: [{ term, incidentIds, common }],
        snapshot: 1e9,
      });
      const pages = async (term: string, common: boolean, incidentIds?: number[]) => {
        const found: number[] = [];
        for (let offset = 0; ; offset += 40) {
          const page = await chronologyPage(db, query(term, common, incidentIds), offset, 40);
          found.push(...page.map((r) => r.id));
          if (page.length < 40) return found;
        }
      };
      for (const [term, incidentIds] of [['said', []], ['pho', []], ['photographs', []], ['zzzz', []], ['x', [details[3]!.incident.id]]] as const) {
        const gathered = await pages(term, false, [...incidentIds]);
        expect(await pages(term, true, [...incidentIds]), term).toEqual(gathered);
      }
      expect(await pages('said', true)).not.toHaveLength(0);
      const plan = (await explainChronologyPage(db, query(reference, true))).join('\n');
      expect(plan).toContain('USING INDEX entries_by_occurred');
      expect(plan).not.toContain('TEMP B-TREE FOR ORDER BY');
    } finally {
      await db.close();
    }
  });
});

describe('an incident’s chronology', () => {
  it('is that incident’s current entries, in the order they happened, with everything a row shows', async () => {
    const detail = details.find((d) => d.entries.some((e) => e.version > 1) && d.entries.some((e) => isBackdated(e.occurredAt, e.recordedAt)));
    if (!detail) throw new Error('the generated data should hold an incident with an amended and a backdated entry');
    const { rows } = await allRows({ type: 'incident', incidentId: detail.incident.id });
    const expected = truth.filter((t) => t.incidentId === detail.incident.id).sort(oldestFirst);
    expect(ids(rows)).toEqual(ids(expected));
    for (const [i, row] of rows.entries()) {
      const t = expected[i]!;
      expect(row).toMatchObject({
        kind: t.kind,
        version: t.version,
        occurredAt: t.occurredAt,
        recordedAt: t.recordedAt,
        authorName: t.authorName,
        incidentReference: detail.incident.reference,
        summary: t.summary,
        backdated: t.backdated,
        amendmentReason: t.amendmentReason,
        roles: null,
        pupils: [],
        snippet: null,
      });
      expect(row.signatures.map((s) => s.meaning)).toEqual(t.signatures.map((s) => s.meaning));
      expect(row.awaiting.length > 0).toBe(awaitingNow(t));
    }
    expect(rows.some((r) => r.backdated)).toBe(true);
    expect(rows.some((r) => r.version > 1)).toBe(true);
  });

  it('opens an entry in full with its earlier versions, newest first', async () => {
    const amended = truth.find((t) => t.version > 1)!;
    const entry = expectOk(await call(core, 'chronology.entry', { entryId: amended.id }));
    expect(entry.versions.map((v) => v.version)).toEqual(Array.from({ length: amended.version }, (_, i) => amended.version - i));
    expect(entry.versions[0]).toMatchObject({ id: amended.id, latest: true, body: amended.body });
    expect(entry.versions[1]).toMatchObject({ latest: false, entryKey: amended.entryKey });
    expect(entry.incident.id).toBe(amended.incidentId);
    expectError(await call(core, 'chronology.entry', { entryId: 999_999 }), 'not_found');
  });

  it('says when there is no such incident or pupil', async () => {
    expectError(await call(core, 'chronology.header', { scope: { type: 'incident', incidentId: 999_999 } }), 'not_found');
    expectError(await call(core, 'chronology.header', { scope: { type: 'pupil', pupilId: 999_999 } }), 'not_found');
  });
});

describe('a pupil’s chronology', () => {
  it('merges every incident they are on, in time order, with their roles in each', async () => {
    const pupils = expectOk(await call(core, 'pupils.list', {}));
    const pupil = pupils.find((p) => p.incidentCount >= 2)!;
    expect(pupil).toBeDefined();
    const theirs = details.filter((d) => d.people.some((p) => p.pupil?.id === pupil.id));
    expect(theirs.length).toBe(pupil.incidentCount);

    const header = expectOk(await call(core, 'chronology.header', { scope: { type: 'pupil', pupilId: pupil.id } }));
    expect(header.pupil).toMatchObject({ id: pupil.id, firstName: pupil.firstName });
    expect(header.pupilIncidents.map((i) => i.reference)).toEqual(
      [...theirs].sort((a, b) => a.incident.cameToAttentionOn.localeCompare(b.incident.cameToAttentionOn) || a.incident.id - b.incident.id).map((d) => d.incident.reference),
    );

    const { rows } = await allRows({ type: 'pupil', pupilId: pupil.id });
    const expected = truth.filter((t) => theirs.some((d) => d.incident.id === t.incidentId)).sort(oldestFirst);
    expect(ids(rows)).toEqual(ids(expected));
    expect(new Set(rows.map((r) => r.incidentReference)).size).toBe(theirs.length);
    for (const row of rows) {
      const roles = theirs.find((d) => d.incident.id === row.incidentId)!.people.find((p) => p.pupil?.id === pupil.id)!.roles;
      expect(row.roles).toEqual(roles);
      expect(row.pupils.map((p) => p.id)).toContain(pupil.id);
    }

    // One of their incidents only.
    const one = theirs[0]!.incident.id;
    const only = await allRows({ type: 'pupil', pupilId: pupil.id }, { incidentId: one });
    expect(ids(only.rows)).toEqual(ids(expected.filter((t) => t.incidentId === one)));
  });
});

describe('filters', () => {
  const cases: [string, ChronologyFiltersInput, (t: Truth) => boolean][] = [
    ['kind', { kind: 'conversation' }, (t) => t.kind === 'conversation'],
    ['author', { authorId: 3 }, (t) => t.authorId === 3],
    ['incident status', { status: 'closed' }, (t) => t.incident.status === 'closed'],
    ['signed', { signatures: 'signed' }, (t) => t.signatures.length > 0],
    ['not signed', { signatures: 'unsigned' }, (t) => t.signatures.length === 0],
    ['awaiting a signature', { signatures: 'awaiting' }, awaitingNow],
    ['backdated', { backdated: true }, (t) => isBackdated(t.occurredAt, t.recordedAt)],
    [
      'dates, both ends included, on the school’s clock',
      { from: '2025-03-01', to: '2025-06-30' },
      (t) => utcToSchoolTime(t.occurredAt).date >= '2025-03-01' && utcToSchoolTime(t.occurredAt).date <= '2025-06-30',
    ],
    ['one day', { from: '2025-05-21', to: '2025-05-21' }, (t) => utcToSchoolTime(t.occurredAt).date === '2025-05-21'],
    ['from a date on', { from: '2026-10-01' }, (t) => utcToSchoolTime(t.occurredAt).date >= '2026-10-01'],
    [
      'several at once',
      { kind: 'action', signatures: 'unsigned', to: '2026-01-31', status: 'closed' },
      (t) => t.kind === 'action' && t.signatures.length === 0 && utcToSchoolTime(t.occurredAt).date <= '2026-01-31' && t.incident.status === 'closed',
    ],
  ];

  it.each(cases)('narrows by %s, and only by it', async (_name, filters, keep) => {
    const expected = truth.filter(keep).sort(newestFirst);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(truth.length);
    const { total, rows } = await allRows(SCHOOL, filters);
    expect(total).toBe(expected.length);
    expect(ids(rows)).toEqual(ids(expected));
  });

  it('marks awaiting signatures on the rows exactly where the awaiting filter finds them (the SQL and the kinds agree)', async () => {
    const { rows } = await allRows(SCHOOL);
    const awaiting = new Set(ids((await allRows(SCHOOL, { signatures: 'awaiting' })).rows));
    for (const row of rows) expect(row.awaiting.length > 0, `${row.kind} ${row.id}`).toBe(awaiting.has(row.id));
    // Every kind that can await a signature does, somewhere in the data, so the check above covered it.
    expect(new Set(rows.filter((r) => r.awaiting.length > 0).map((r) => r.kind))).toEqual(new Set(['viewing-log', 'initial-review', 'deletion', 'escalation', 'closure'].filter((k) => truth.some((t) => t.kind === k && awaitingNow(t)))));
  });

  it('refuses dates the wrong way round and pages too large', async () => {
    const error = expectError(await call(core, 'chronology.page', { scope: SCHOOL, filters: { from: '2026-02-01', to: '2026-01-01' }, offset: 0 }), 'invalid_input');
    expect(error.fields?.['filters.to']).toMatch(/after the “from” date/);
    expectError(await call(core, 'chronology.page', { scope: SCHOOL, filters: {}, offset: 0, limit: 201 }), 'invalid_input');
    expectError(await call(core, 'chronology.page', { scope: SCHOOL, filters: { from: '2026-02-30' }, offset: 0 }), 'invalid_input');
  });
});

describe('search', () => {
  async function expectSearch(q: string, scope: ChronologyScope = SCHOOL): Promise<ChronologyRow[]> {
    const { total, rows, terms } = await allRows(scope, { q });
    const expected = truth.filter((t) => (scope.type === 'pupil' ? t.people.some((p) => p.pupil?.id === scope.pupilId) : true) && matches(t, terms)).sort(scope.type === 'school' ? newestFirst : oldestFirst);
    expect(total).toBe(expected.length);
    expect(ids(rows)).toEqual(ids(expected));
    return rows;
  }

  it('finds a word in the text of entries, wherever in the body it is, and shows where', async () => {
    const notable = ['kaleidoscope', 'lighthouse', 'marmalade', 'trampoline', 'origami', 'hedgehog'].find((w) => truth.some((t) => t.words.includes(w)))!;
    const rows = await expectSearch(notable);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.snippet?.toLowerCase()).toContain(notable);
    // A beginning of a word is enough; case does not matter.
    expect(ids(await expectSearch(notable.slice(0, 5).toUpperCase()))).toEqual(expect.arrayContaining(ids(rows)));
  });

  it('finds an incident by its reference, in full or in part', async () => {
    const reference = details[3]!.incident.reference;
    const rows = await expectSearch(reference);
    expect(new Set(rows.map((r) => r.incidentReference))).toEqual(new Set([reference]));
    expect(rows.length).toBe(truth.filter((t) => t.incident.reference === reference).length);
    await expectSearch(reference.slice(5));
  });

  it('finds entries about a pupil by their first or last name, across their incidents', async () => {
    const person = details.flatMap((d) => d.people).find((p) => p.pupil !== null)!.pupil!;
    const rows = await expectSearch(person.lastName);
    expect(rows.length).toBeGreaterThan(0);
    await expectSearch(`${person.firstName} ${person.lastName}`);
  });

  it('needs every word to match, each in any of the places', async () => {
    const detail = details.find((d) => d.people.length > 0 && d.entries.some((e) => e.kind === 'conversation'))!;
    await expectSearch(`${detail.incident.reference} said`);
    await expectSearch(`${detail.people.find((p) => p.pupil)!.pupil!.firstName} photo`);
    expect((await allRows(SCHOOL, { q: 'kaleidoscope zzzyyyxxx' })).total).toBe(0);
  });

  it('searches within a pupil’s chronology too', async () => {
    const pupil = expectOk(await call(core, 'pupils.list', {})).find((p) => p.incidentCount >= 2)!;
    await expectSearch('photo', { type: 'pupil', pupilId: pupil.id });
  });

  it('takes what is typed literally: quotes, wildcards and search syntax are just characters', async () => {
    for (const q of ['"', '%', '_', 'NEAR(', 'said OR', '*', "o'", 'a"b', '-photo', '^x', '\\']) {
      const page = expectOk(await call(core, 'chronology.page', { scope: SCHOOL, filters: { q }, offset: 0 }));
      expect(page.total, q).toBeGreaterThanOrEqual(0);
    }
    expect((await allRows(SCHOOL, { q: '%' })).total).toBe(truth.length);
    expect((await allRows(SCHOOL, { q: '100%' })).total).toBe(truth.filter((t) => matches(t, ['100'])).length);
  });

  it('echoes the words it searched for, cleaned of punctuation at their edges, for highlighting', async () => {
    const page = expectOk(await call(core, 'chronology.page', { scope: SCHOOL, filters: { q: '  “Photo,”  (snapchat)  photo ' }, offset: 0 }));
    expect(page.terms).toEqual(['Photo', 'snapchat']);
  });
});

describe('while others record', () => {
  it('keeps later pages in line with the first: an entry recorded meanwhile appears on the next look', async () => {
    const first = expectOk(await call(core, 'chronology.page', { scope: SCHOOL, filters: {}, offset: 0, limit: 50 }));
    const open = details.find((d) => d.incident.status === 'open')!;
    const created = expectOk(
      await call(core, 'entries.create', {
        incidentId: open.incident.id,
        occurredOn: '2026-11-20',
        occurredTime: '09:00',
        kind: 'conversation',
        body: { withWhom: 'A pupil', byWhom: DSL.name, summary: 'Checked in about the periwinkle poster.', supportOffered: '' },
      }),
    );
    const second = expectOk(await call(core, 'chronology.page', { scope: SCHOOL, filters: {}, offset: 50, limit: 50, snapshot: first.snapshot, count: false }));
    const before = (await allRows(SCHOOL)).rows;
    expect(ids(second.rows)).not.toContain(created.id);
    // The first look, continued, has not shifted by the new row.
    expect(ids([...first.rows, ...second.rows])).toEqual(ids(before).filter((id) => id !== created.id).slice(0, 100));
    expect(before).toHaveLength(truth.length + 1);
    expect((await allRows(SCHOOL, { q: 'periwinkle poster' })).rows.map((r) => r.id)).toEqual([created.id]);
  });
});
