import { defaultOrder, foldedStartsAWord, foldText, searchTerms, snippetAround } from '../../../shared/domain/chronology';
import { isBackdated } from '../../../shared/domain/dates';
import { matchesAnywhere, searchStems, stemmedWords } from '../../../shared/domain/search-words';
import { closureSignatureCounts } from '../../../shared/domain/incident-lifecycle';
import { definitionOf } from '../../../shared/domain/entries/kinds';
import { signatoryInWords } from '../../../shared/domain/phrases';
import { concernsOnlyOthers, entrySubjectIds } from '../../../shared/domain/whose-entry';
import type { StaffMember } from '../../../shared/domain/staff';
import type { ChronologyRow } from '../../../shared/ipc/contract-chronology';
import { AppError } from '../errors';
import {
  chronologyPage,
  COMMON_TERM_MATCHES,
  countChronology,
  entriesSnapshot,
  entryTexts,
  incidentSearchFacts,
  pupilIncidentSpans,
  personIdsOfPupil,
  pupilsOfIncidents,
  searchMatchCount,
  subjectsByPersonId,
  signaturesOfEntries,
  versionIdsOfEntry,
  type ChronologyRecord,
  type IncidentSearchFacts,
  type SignatureBrief,
} from '../db/chronology-queries';
import { findEntry, signaturesOfIncident } from '../db/entry-queries';
import { findIncident, peopleOfIncident, removedPeopleOfIncident } from '../db/incident-queries';
import { findPupil } from '../db/pupil-queries';
import { listStaff } from '../db/staff-queries';
import { auditView } from '../audit/audit-view';
import type { SearchableIncident } from '../records/derived-views';
import { readIncidentHistory } from '../records/incident-history';
import { entryView, personView } from '../records/read-models';
import type { Handlers } from './types';
import { requireIncident, requireReadable } from './incident-guards';

/** Roughly how many entries an incident has, to weigh incidents a word finds by title or name. */
const ENTRIES_PER_INCIDENT = 20;


/** Who a still-missing signature is awaited from, in words. */
function awaitedFrom(need: { staffId?: number; role?: string }, staff: ReadonlyMap<number, StaffMember>): string {
  return signatoryInWords(need, (id) => staff.get(id)?.name);
}

/** The signatures a version's kind requires that it does not have (as the entry card works them out). */
function awaiting(record: ChronologyRecord, all: SignatureBrief[], staff: ReadonlyMap<number, StaffMember>): ChronologyRow['awaiting'] {
  // A closure approved before the incident was last reopened no longer counts.
  const signatures = record.kind === 'closure' ? all.filter((s) => closureSignatureCounts(s.signedAt, record.incidentReopenedAt)) : all;
  return definitionOf(record.kind)
    .requiredSignatures(record.body)
    .filter((need) => !signatures.some((s) => s.meaning === need.meaning && (need.staffId === undefined || s.signerId === need.staffId)))
    .map((need) => ({ meaning: need.meaning, from: awaitedFrom(need, staff) }));
}

/** An incident's search facts folded (foldText) and its title's words stemmed once, rather than for every word of every search. */
function searchable(facts: readonly IncidentSearchFacts[]): SearchableIncident[] {
  return facts.map(({ id, reference, title, names }) => ({ id, reference: foldText(reference), titleWords: stemmedWords(foldText(title)), names: names.map(foldText) }));
}

/**
 * The incidents a search word finds by their reference (anywhere in it), title (by word
 * forms, as entries' words are found) or people's names (at the start of a word).
 */
function incidentsMatching(incidents: readonly SearchableIncident[], term: string): number[] {
  const t = foldText(term);
  const stems = searchStems(t);
  return incidents
    .filter((f) => f.reference.includes(t) || matchesAnywhere(f.titleWords, stems) || f.names.some((name) => foldedStartsAWord(name, t)))
    .map((f) => f.id);
}

export const chronologyHandlers = {
  'chronology.header': async ({ scope }, ctx) => {
    const { db } = ctx.session;
    const staff = await listStaff(db);
    const authors = staff.map(({ id, name, active }) => ({ id, name, active }));
    if (scope.type === 'incident') {
      const incident = await requireIncident(db, scope.incidentId);
      requireReadable(incident, ctx.session.user.roles);
      await auditView(ctx.session, {
        action: 'incident.viewed',
        at: ctx.now(),
        subjectType: 'incident',
        subjectId: incident.id,
        details: { reference: incident.reference, view: 'chronology' },
      });
      const { id, reference, title, status, cameToAttentionOn, voided } = incident;
      const incidentHistory = await readIncidentHistory(db, incident.id);
      return { incident: { id, reference, title, status, cameToAttentionOn, voided }, pupil: null, pupilIncidents: [], incidentHistory, authors };
    }
    if (scope.type === 'pupil') {
      const pupil = await findPupil(db, scope.pupilId);
      if (!pupil) throw new AppError('not_found', 'There is no pupil with that id.');
      await auditView(ctx.session, { action: 'pupil.viewed', at: ctx.now(), subjectType: 'pupil', subjectId: pupil.id, details: { view: 'chronology' } });
      const { id, firstName, lastName, yearGroup, dateOfBirth } = pupil;
      return { incident: null, pupil: { id, firstName, lastName, yearGroup, dateOfBirth }, pupilIncidents: await pupilIncidentSpans(db, pupil.id), incidentHistory: [], authors };
    }
    await auditView(ctx.session, { action: 'log.viewed', at: ctx.now(), details: { view: 'school log' } });
    return { incident: null, pupil: null, pupilIncidents: [], incidentHistory: [], authors };
  },

  'chronology.page': async ({ scope, filters, offset, limit, snapshot, count }, ctx) => {
    const { db, derived } = ctx.session;
    if (scope.type === 'incident') {
      const incident = await findIncident(db, scope.incidentId);
      if (incident) requireReadable(incident, ctx.session.user.roles);
    }
    const version = await db.recordsVersion();
    const terms = searchTerms(filters.q);
    const facts = terms.length > 0 ? await derived.searchFacts.get(version, '', async () => searchable(await incidentSearchFacts(db))) : [];
    const query = {
      scope,
      filters,
      order: filters.order ?? defaultOrder(scope),
      terms: await Promise.all(
        terms.map(async (term) => {
          // Checking every incident's title and names costs about a millisecond a word; the
          // answer changes only with the records, like the facts it is read from.
          const incidentIds = await derived.termIncidents.get(version, term, () => Promise.resolve(incidentsMatching(facts, term)));
          const matches = await derived.termMatches.get(version, term, () => searchMatchCount(db, term));
          return { term, incidentIds, common: matches + incidentIds.length * ENTRIES_PER_INCIDENT >= COMMON_TERM_MATCHES };
        }),
      ),
      snapshot: snapshot ?? (await derived.entriesSnapshot.get(version, '', () => entriesSnapshot(db))),
    };
    // The count is the slow half of a first page (it visits every match, not just a page's
    // worth), and the same query over unchanged records always finds the same number.
    const countKey = JSON.stringify({ scope, filters, terms: query.terms.map(({ term, incidentIds }) => ({ term, incidentIds })), snapshot: query.snapshot });
    const [records, total] = await Promise.all([
      chronologyPage(db, query, offset, limit),
      count || snapshot === undefined ? derived.chronologyCounts.get(version, countKey, () => countChronology(db, query)) : Promise.resolve(null),
    ]);
    const ids = records.map((r) => r.id);
    const incidentIds = [...new Set(records.map((r) => r.incidentId))];
    const subjectIds = new Map(records.map((r) => [r.id, entrySubjectIds(r.kind, r.body)]));
    const [signatures, pupils, texts, staffList, roles, subjects, ownPersonIds] = await Promise.all([
      signaturesOfEntries(db, ids),
      scope.type === 'incident' ? Promise.resolve(new Map<number, { id: number; name: string }[]>()) : pupilsOfIncidents(db, incidentIds),
      terms.length > 0 ? entryTexts(db, ids) : Promise.resolve(new Map<number, string>()),
      derived.staff.get(version, '', () => listStaff(db)),
      scope.type === 'pupil' ? derived.pupilSpans.get(version, String(scope.pupilId), () => pupilIncidentSpans(db, scope.pupilId)) : Promise.resolve([]),
      subjectsByPersonId(db, [...new Set([...subjectIds.values()].flat())]),
      scope.type === 'pupil' ? personIdsOfPupil(db, scope.pupilId) : Promise.resolve([]),
    ]);
    const staff = new Map(staffList.map((s) => [s.id, s]));
    const rolesByIncident = new Map(roles.map((span) => [span.id, span.roles]));
    const rows: ChronologyRow[] = records.map((record) => {
      const own = signatures.filter((s) => s.entryId === record.id);
      const text = texts.get(record.id);
      const about = subjectIds.get(record.id) ?? [];
      return {
        id: record.id,
        entryKey: record.entryKey,
        version: record.version,
        kind: record.kind,
        occurredAt: record.occurredAt,
        recordedAt: record.recordedAt,
        authorId: record.authorId,
        authorName: record.authorName,
        incidentId: record.incidentId,
        incidentReference: record.incidentReference,
        incidentTitle: record.incidentTitle,
        incidentStatus: record.incidentStatus,
        summary: definitionOf(record.kind).summary(record.body),
        backdated: isBackdated(record.occurredAt, record.recordedAt),
        amendmentReason: record.amendmentReason,
        signatures: own.map(({ signerName, meaning, signedAt }) => ({ signerName, meaning, signedAt })),
        awaiting: awaiting(record, own, staff),
        roles: scope.type === 'pupil' ? (rolesByIncident.get(record.incidentId) ?? []) : null,
        pupils: pupils.get(record.incidentId) ?? [],
        about: about.map((personId) => subjects.get(personId) ?? { personId, name: 'Someone no longer on this incident', child: false }),
        concernsOnlyOthers: scope.type === 'pupil' && concernsOnlyOthers(about, ownPersonIds),
        snippet: text === undefined ? null : snippetAround(text, terms),
      };
    });
    return { rows, total, snapshot: query.snapshot, terms };
  },

  'chronology.entry': async ({ entryId }, ctx) => {
    const { db } = ctx.session;
    const entry = await findEntry(db, entryId);
    if (!entry) throw new AppError('not_found', 'There is no entry with that id.');
    const incident = await findIncident(db, entry.incidentId);
    if (!incident) throw new Error('incident row not found');
    requireReadable(incident, ctx.session.user.roles);
    const [people, removedPeople, signatures, staff, versionIds] = await Promise.all([
      peopleOfIncident(db, incident.id),
      removedPeopleOfIncident(db, incident.id),
      signaturesOfIncident(db, incident.id),
      listStaff(db),
      versionIdsOfEntry(db, entryId),
    ]);
    const versions = [];
    for (const id of versionIds) {
      const version = id === entry.id ? entry : await findEntry(db, id);
      if (version) versions.push(entryView(version, signatures));
    }
    await auditView(ctx.session, {
      action: 'incident.viewed',
      at: ctx.now(),
      subjectType: 'incident',
      subjectId: incident.id,
      details: { reference: incident.reference, entryId, view: 'chronology' },
    });
    return {
      incident,
      people: people.map((p) => personView(p, incident)),
      removedPeople: removedPeople.map((p) => personView(p, incident)),
      staff: staff.map(({ id, name, roles, active }) => ({ id, name, roles, active })),
      versions,
    };
  },
} satisfies Partial<Handlers>;
