import { z } from 'zod';
import type { ChronologyFilters, ChronologyOrder, ChronologyScope } from '../../../shared/domain/chronology';
import { schoolTimeToUtc } from '../../../shared/domain/dates';
import { ENTRY_KINDS, type EntryKind } from '../../../shared/domain/entries/kinds';
import { INCIDENT_STATUSES, type PersonRole } from '../../../shared/domain/incidents';
import { SIGNATURE_MEANING_KEYS, type SignatureMeaning } from '../../../shared/domain/signatures';
import { KINDS_ABOUT_PEOPLE } from '../../../shared/domain/whose-entry';
import type { Executor, SqlValue } from './connection';
import { groupBy } from './group-rows';
import { countRow, idRow, jsonObject, personRoles } from './row-schemas';

const pupilOfIncidentRow = z.object({ incident_id: z.number().int(), id: z.number().int(), first_name: z.string(), last_name: z.string() });
const entryTextRow = z.object({ entry_id: z.number().int(), text: z.string() });
const searchFactRow = z.object({ id: z.number().int(), reference: z.string(), title: z.string(), name: z.string().nullable() });

/**
 * A search word, the incidents it finds by reference, title or name, and whether it is
 * common: found in so many entries that walking the chronology in order meets a page of
 * them sooner than gathering and sorting every match (see `searchMatchCount`).
 */
type SearchTerm = { term: string; incidentIds: readonly number[]; common?: boolean };

/** One chronology query: where, which, in what order, and as of which entry row. */
export type ChronologyQuery = {
  scope: ChronologyScope;
  filters: ChronologyFilters;
  order: ChronologyOrder;
  /**
   * Search words (shared/domain/chronology searchTerms); every one must match, either in the
   * entry's words or by its incident being one of `incidentIds` (found by reference, title
   * or the names of its people, which the handler matches).
   */
  terms: readonly SearchTerm[];
  /** The newest entries.id the answer covers, so pages fetched later line up with the first. */
  snapshot: number;
};

/**
 * Tie-broken by id, so the order is total and every entry lands on exactly one page.
 * Each is served by an index (entries_by_occurred, entries_by_recorded; the rowid is the
 * last column of every index).
 */
const ORDER_BY: Record<ChronologyOrder, string> = {
  'happened-asc': 'e.occurred_at ASC, e.id ASC',
  'happened-desc': 'e.occurred_at DESC, e.id DESC',
  'recorded-desc': 'e.recorded_at DESC, e.id DESC',
  'recorded-asc': 'e.recorded_at ASC, e.id ASC',
};

/**
 * When the entry's incident was last reopened (migration 6): a closure approved before then no
 * longer counts (shared/domain/incident-lifecycle closureSignatureCounts).
 */
const REOPENED_AT = `(SELECT max(c.changed_at) FROM incident_status_changes c WHERE c.incident_id = e.incident_id AND c.change = 'reopened')`;

/**
 * Whether a version still lacks a signature its kind requires. Mirrors each kind's
 * `requiredSignatures` in shared/domain/entries/kinds.ts (a signature from a named member
 * of staff where the kind names one; otherwise anyone's with that meaning);
 * test/integration/chronology.test.ts checks the two agree on every kind of generated entry.
 */
const AWAITING_SIGNATURE = `(CASE e.kind
  WHEN 'viewing-log' THEN
    (json_type(e.body, '$.viewerStaffId') = 'integer'
        AND NOT EXISTS (SELECT 1 FROM signatures g WHERE g.entry_id = e.id AND g.meaning = 'viewed-accurate'
                        AND g.signer_id = json_extract(e.body, '$.viewerStaffId')))
    OR (json_type(e.body, '$.presentStaffId') = 'integer'
        AND NOT EXISTS (SELECT 1 FROM signatures g WHERE g.entry_id = e.id AND g.meaning = 'present-accurate'
                        AND g.signer_id = json_extract(e.body, '$.presentStaffId')))
    OR ('no-account' IN (json_extract(e.body, '$.viewerStaffId'), json_extract(e.body, '$.presentStaffId'))
        AND NOT EXISTS (SELECT 1 FROM signatures g WHERE g.entry_id = e.id AND g.meaning = 'attest-no-account'))
  WHEN 'initial-review' THEN json_extract(e.body, '$.decision') = 'manage-in-school'
    AND NOT EXISTS (SELECT 1 FROM signatures g WHERE g.entry_id = e.id AND g.meaning = 'authorise-no-referral')
  WHEN 'deletion' THEN json_extract(e.body, '$.mode') = 'staff-search'
    AND NOT EXISTS (SELECT 1 FROM signatures g WHERE g.entry_id = e.id AND g.meaning = 'authorised-search')
  WHEN 'closure' THEN NOT EXISTS (SELECT 1 FROM signatures g WHERE g.entry_id = e.id AND g.meaning = 'approve-closure'
    AND g.signed_at > coalesce(${REOPENED_AT}, ''))
  ELSE 0 END)`;

/**
 * Entries of a pupil's incidents that concern only other people: they name whom they are
 * about, and the pupil's own incident person is not among them. Mirrors shared/domain/
 * whose-entry.ts (entrySubjectIds, concernsOnlyOthers); test/integration/whose-entry.test.ts
 * checks the two agree. NOT IN an uncorrelated list, as with the signed filters below.
 */
const ABOUT_ONLY_OTHERS = `e.id NOT IN (SELECT x.id FROM entries x JOIN incident_people me ON me.incident_id = x.incident_id AND me.pupil_id = ? AND me.removed_at IS NULL
  WHERE CASE
    WHEN x.kind = 'parents' THEN json_type(x.body, '$.pupilPersonId') = 'integer' AND json_extract(x.body, '$.pupilPersonId') <> me.id
    WHEN x.kind IN (${KINDS_ABOUT_PEOPLE.map((k) => `'${k}'`).join(', ')})
      THEN json_array_length(x.body, '$.about') > 0 AND me.id NOT IN (SELECT value FROM json_each(x.body, '$.about'))
    ELSE 0 END)`;

/** One word as an FTS5 prefix phrase: quoted, so nothing typed is read as query syntax. */
function ftsPrefix(term: string): string {
  return `"${term.replace(/"/g, '""')}"*`;
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A word matches an entry when it starts a word of the entry's text, or when it matched the entry's incident. */
const TERM_MATCH = `(e.id IN (SELECT rowid FROM entry_search WHERE entry_search MATCH ?)
  OR e.incident_id IN (SELECT value FROM json_each(?)))`;
/**
 * The same test, with the unary + telling SQLite not to drive the query from it: for a
 * common word the page is then read along the order's index, each row tested against the
 * matches gathered once, and it stops after a page. (Driven from the matches, SQLite
 * fetched and sorted all 4,500 entries a common word finds, to return 100.)
 */
const TERM_TEST = `(+e.id IN (SELECT rowid FROM entry_search WHERE entry_search MATCH ?)
  OR +e.incident_id IN (SELECT value FROM json_each(?)))`;

/** Above this many matches a word counts as common (SearchTerm). */
export const COMMON_TERM_MATCHES = 500;

/** How many entry versions contain a word starting with `term`. */
export async function searchMatchCount(db: Pick<Executor, 'get'>, term: string): Promise<number> {
  const row = await db.get('SELECT count(*) AS n FROM entry_search WHERE entry_search MATCH ?', [ftsPrefix(term)]);
  return countRow.parse(row).n;
}

/** `forPage`: a page may walk the order's index past common words; a count never benefits. */
function where(query: ChronologyQuery, forPage = false): { sql: string; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: string, ...values: SqlValue[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  // The latest version of each entry, as of the snapshot: earlier versions are read from their successor.
  add('e.id <= ?', query.snapshot);
  add('NOT EXISTS (SELECT 1 FROM entries n WHERE n.supersedes = e.id AND n.id <= ?)', query.snapshot);

  const { scope, filters } = query;
  if (scope.type === 'incident') add('e.incident_id = ?', scope.incidentId);
  // A voided incident (opened by mistake) is in no pupil's chronology and not in the school log;
  // a DSL still reads it on its own chronology.
  else add('i.voided = 0');
  // A pupil removed from an incident (added in error) was never part of it: not in their chronology.
  if (scope.type === 'pupil') add('e.incident_id IN (SELECT incident_id FROM incident_people WHERE pupil_id = ? AND removed_at IS NULL)', scope.pupilId);
  if (filters.incidentId !== undefined) add('e.incident_id = ?', filters.incidentId);
  if (filters.kind !== undefined) add('e.kind = ?', filters.kind);
  if (filters.from !== undefined) add('e.occurred_at >= ?', schoolTimeToUtc(filters.from, '00:00'));
  if (filters.to !== undefined) add('e.occurred_at < ?', schoolTimeToUtc(nextDay(filters.to), '00:00'));
  if (filters.authorId !== undefined) add('e.author_id = ?', filters.authorId);
  if (filters.status !== undefined) add('i.status = ?', filters.status);
  // Recorded more than a day after it happened (shared/domain/dates isBackdated), compared as ISO text.
  if (filters.backdated) add(`e.recorded_at > strftime('%Y-%m-%dT%H:%M:%fZ', e.occurred_at, '+1 day')`);
  // IN, not a correlated EXISTS: SQLite 3.51 turns a top-level EXISTS into a join, and then
  // OFFSET skips rows before the join has dropped any, so later pages came back overlapping.
  if (filters.signatures === 'signed') add('e.id IN (SELECT entry_id FROM signatures)');
  if (filters.signatures === 'unsigned') add('e.id NOT IN (SELECT entry_id FROM signatures)');
  if (filters.signatures === 'awaiting') add(AWAITING_SIGNATURE);
  if (filters.leaveOutOthers === true && scope.type === 'pupil') add(ABOUT_ONLY_OTHERS, scope.pupilId);
  for (const { term, incidentIds, common } of query.terms) add(forPage && common === true ? TERM_TEST : TERM_MATCH, ftsPrefix(term), JSON.stringify(incidentIds));
  return { sql: clauses.join('\n  AND '), params };
}

const FROM = 'FROM entries e JOIN incidents i ON i.id = e.incident_id';

/** The newest entry row now: a chronology's first page is taken as of this row. */
export async function entriesSnapshot(db: Pick<Executor, 'get'>): Promise<number> {
  const row = await db.get('SELECT coalesce(max(id), 0) AS n FROM entries');
  return countRow.parse(row).n;
}

export async function countChronology(db: Pick<Executor, 'get'>, query: ChronologyQuery): Promise<number> {
  const { sql, params } = where(query);
  const row = await db.get(`SELECT count(*) AS n ${FROM} WHERE ${sql}`, params);
  return countRow.parse(row).n;
}

const chronologyRow = z.object({
  id: z.number().int(),
  entry_key: z.string(),
  version: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  occurred_at: z.string(),
  recorded_at: z.string(),
  author_id: z.number().int(),
  author_name: z.string(),
  body: z.string(),
  amendment_reason: z.string().nullable(),
  incident_id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  reopened_at: z.string().nullable(),
});

export type ChronologyRecord = {
  id: number;
  entryKey: string;
  version: number;
  kind: EntryKind;
  occurredAt: string;
  recordedAt: string;
  authorId: number;
  authorName: string;
  body: Record<string, unknown>;
  amendmentReason: string | null;
  incidentId: number;
  incidentReference: string;
  incidentTitle: string;
  incidentStatus: (typeof INCIDENT_STATUSES)[number];
  /** When the incident was last reopened, if it was. */
  incidentReopenedAt: string | null;
};

function toRecord(row: unknown): ChronologyRecord {
  const r = chronologyRow.parse(row);
  return {
    id: r.id,
    entryKey: r.entry_key,
    version: r.version,
    kind: r.kind,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    authorId: r.author_id,
    authorName: r.author_name,
    body: jsonObject.parse(JSON.parse(r.body)),
    amendmentReason: r.amendment_reason,
    incidentId: r.incident_id,
    incidentReference: r.reference,
    incidentTitle: r.title,
    incidentStatus: r.status,
    incidentReopenedAt: r.reopened_at,
  };
}

/** One page of a chronology: LIMIT/OFFSET over an indexed, total order. */
export async function chronologyPage(db: Pick<Executor, 'all'>, query: ChronologyQuery, offset: number, limit: number): Promise<ChronologyRecord[]> {
  const { sql, params } = where(query, true);
  const rows = await db.all(
    `SELECT e.id, e.entry_key, e.version, e.kind, e.occurred_at, e.recorded_at, e.author_id, s.name AS author_name, e.body,
       e.amendment_reason, e.incident_id, i.reference, i.title, i.status, ${REOPENED_AT} AS reopened_at
     ${FROM} JOIN staff s ON s.id = e.author_id
     WHERE ${sql}
     ORDER BY ${ORDER_BY[query.order]}
     LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  return rows.map(toRecord);
}

/** The query plan of a page, for tests that check the order is served by an index. */
export async function explainChronologyPage(db: Pick<Executor, 'all'>, query: ChronologyQuery): Promise<string[]> {
  const { sql, params } = where(query, true);
  const rows = await db.all(
    `EXPLAIN QUERY PLAN SELECT e.id ${FROM} JOIN staff s ON s.id = e.author_id WHERE ${sql} ORDER BY ${ORDER_BY[query.order]} LIMIT 100 OFFSET 0`,
    params,
  );
  return rows.map((row) => String(row.detail));
}

const idList = (ids: readonly number[]) => JSON.stringify(ids);

const signatureBrief = z.object({
  entry_id: z.number().int(),
  signer_id: z.number().int(),
  signer_name: z.string(),
  meaning: z.enum(SIGNATURE_MEANING_KEYS),
  signed_at: z.string(),
});

export type SignatureBrief = { entryId: number; signerId: number; signerName: string; meaning: SignatureMeaning; signedAt: string };

export async function signaturesOfEntries(db: Pick<Executor, 'all'>, entryIds: readonly number[]): Promise<SignatureBrief[]> {
  if (entryIds.length === 0) return [];
  const rows = await db.all(
    `SELECT entry_id, signer_id, signer_name, meaning, signed_at FROM signatures
     WHERE entry_id IN (SELECT value FROM json_each(?)) ORDER BY signed_at, id`,
    [idList(entryIds)],
  );
  return rows.map((row) => {
    const r = signatureBrief.parse(row);
    return { entryId: r.entry_id, signerId: r.signer_id, signerName: r.signer_name, meaning: r.meaning, signedAt: r.signed_at };
  });
}

/** The pupils on each of these incidents, in the order they were added. */
export async function pupilsOfIncidents(db: Pick<Executor, 'all'>, incidentIds: readonly number[]): Promise<Map<number, { id: number; name: string }[]>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await db.all(
    `SELECT ip.incident_id, p.id, p.first_name, p.last_name FROM incident_people ip JOIN pupils p ON p.id = ip.pupil_id
     WHERE ip.incident_id IN (SELECT value FROM json_each(?)) AND ip.removed_at IS NULL ORDER BY ip.id`,
    [idList(incidentIds)],
  );
  return groupBy(
    rows.map((row) => pupilOfIncidentRow.parse(row)),
    (r) => r.incident_id,
    (r) => ({ id: r.id, name: `${r.first_name} ${r.last_name}` }),
  );
}

/** The words of each entry version as the search index holds them. */
export async function entryTexts(db: Pick<Executor, 'all'>, entryIds: readonly number[]): Promise<Map<number, string>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db.all('SELECT entry_id, text FROM entry_text WHERE entry_id IN (SELECT value FROM json_each(?))', [idList(entryIds)]);
  return new Map(rows.map((row) => {
    const r = entryTextRow.parse(row);
    return [r.entry_id, r.text] as const;
  }));
}

export type PupilIncidentSpan = {
  id: number;
  reference: string;
  title: string;
  status: (typeof INCIDENT_STATUSES)[number];
  cameToAttentionOn: string;
  roles: PersonRole[];
  entryCount: number;
  firstOccurredAt: string | null;
  lastOccurredAt: string | null;
};

const LATEST = 'NOT EXISTS (SELECT 1 FROM entries n WHERE n.supersedes = e.id)';

const spanRow = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  came_to_attention_on: z.string(),
  roles: z.string(),
  entry_count: z.number().int(),
  first_at: z.string().nullable(),
  last_at: z.string().nullable(),
});

/** A pupil's incidents, earliest first, with their roles and when each one's entries begin and end. */
export async function pupilIncidentSpans(db: Pick<Executor, 'all'>, pupilId: number): Promise<PupilIncidentSpan[]> {
  const rows = await db.all(
    `SELECT i.id, i.reference, i.title, i.status, i.came_to_attention_on, ip.roles,
       (SELECT count(*) FROM entries e WHERE e.incident_id = i.id AND ${LATEST}) AS entry_count,
       (SELECT min(e.occurred_at) FROM entries e WHERE e.incident_id = i.id AND ${LATEST}) AS first_at,
       (SELECT max(e.occurred_at) FROM entries e WHERE e.incident_id = i.id AND ${LATEST}) AS last_at
     FROM incident_people ip JOIN incidents i ON i.id = ip.incident_id
     WHERE ip.pupil_id = ? AND ip.removed_at IS NULL AND i.voided = 0
     ORDER BY i.came_to_attention_on, i.id`,
    [pupilId],
  );
  return rows.map((row) => {
    const r = spanRow.parse(row);
    return {
      id: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      cameToAttentionOn: r.came_to_attention_on,
      roles: personRoles.parse(JSON.parse(r.roles)),
      entryCount: r.entry_count,
      firstOccurredAt: r.first_at,
      lastOccurredAt: r.last_at,
    };
  });
}

export type IncidentSearchFacts = { id: number; reference: string; title: string; names: string[] };

/** What a search can find an incident by: its reference, its title, and the names of the people on it. */
export async function incidentSearchFacts(db: Pick<Executor, 'all'>): Promise<IncidentSearchFacts[]> {
  const rows = await db.all(
    `SELECT i.id, i.reference, i.title, coalesce(p.first_name || ' ' || p.last_name, ip.other_name) AS name
     FROM incidents i LEFT JOIN incident_people ip ON ip.incident_id = i.id AND ip.removed_at IS NULL LEFT JOIN pupils p ON p.id = ip.pupil_id
     WHERE i.voided = 0
     ORDER BY i.id, ip.id`,
  );
  const facts = new Map<number, IncidentSearchFacts>();
  for (const row of rows) {
    const r = searchFactRow.parse(row);
    const incident = facts.get(r.id) ?? { id: r.id, reference: r.reference, title: r.title, names: [] };
    if (r.name !== null) incident.names.push(r.name);
    facts.set(r.id, incident);
  }
  return [...facts.values()];
}

/** Every version of the entry this version belongs to, newest first. */
export async function versionIdsOfEntry(db: Pick<Executor, 'all'>, entryId: number): Promise<number[]> {
  const rows = await db.all('SELECT id FROM entries WHERE entry_key = (SELECT entry_key FROM entries WHERE id = ?) ORDER BY version DESC', [entryId]);
  return rows.map((row) => idRow.parse(row).id);
}

/** Merges the search index's b-trees into one: worth doing once after a large load. */
export async function optimizeSearchIndex(tx: Executor): Promise<void> {
  await tx.run("INSERT INTO entry_search (entry_search) VALUES ('optimize')");
}

const subjectRow = z.object({ id: z.number().int(), name: z.string(), child: z.number().int() });

export type EntrySubject = { personId: number; name: string; child: boolean };

/** People on incidents by their incident_people id, with their names and whether each is a child. */
export async function subjectsByPersonId(db: Pick<Executor, 'all'>, personIds: readonly number[]): Promise<Map<number, EntrySubject>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.all(
    `SELECT ip.id, coalesce(p.first_name || ' ' || p.last_name, ip.other_name) AS name,
       (ip.pupil_id IS NOT NULL OR ip.other_kind IN ('young_person', 'online-account')) AS child
     FROM incident_people ip LEFT JOIN pupils p ON p.id = ip.pupil_id
     WHERE ip.id IN (SELECT value FROM json_each(?))`,
    [idList(personIds)],
  );
  return new Map(rows.map((row) => {
    const r = subjectRow.parse(row);
    return [r.id, { personId: r.id, name: r.name, child: r.child === 1 }] as const;
  }));
}

/** A pupil's own incident_people ids, one per incident they are on. */
export async function personIdsOfPupil(db: Pick<Executor, 'all'>, pupilId: number): Promise<number[]> {
  const rows = await db.all('SELECT id FROM incident_people WHERE pupil_id = ? AND removed_at IS NULL', [pupilId]);
  return rows.map((row) => idRow.parse(row).id);
}
