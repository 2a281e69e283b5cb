import type { z } from 'zod';
import type { PersonRole } from '../../../shared/domain/incidents';
import type { YEAR_GROUPS } from '../../../shared/domain/pupils';
import type { EntryKind } from '../../../shared/domain/entries/kinds';
import { contract, type IncidentDetail, type Output } from '../../../shared/ipc/contract';
import type { ChronologyRow } from '../../../shared/ipc/contract-chronology';

/**
 * Fictional records, each parsed by the contract's own output schema: a fixture that no
 * longer matches what the core answers fails here, not as a puzzling screen.
 */

const SIGNED_IN_DSL = { id: 1, name: 'Dana Example', username: 'dana.example', roles: ['dsl' as const] };

export function sessionStatus(): Extract<Output<'session.status'>, { state: 'unlocked' }> {
  const status = contract['session.status'].output.parse({
    state: 'unlocked',
    user: SIGNED_IN_DSL,
    schoolName: 'Testbridge Academy',
    lockMinutes: 15,
    problems: [],
  });
  if (status.state !== 'unlocked') throw new Error('unreachable: the fixture is unlocked');
  return status;
}

type PupilPersonOptions = { id: number; firstName: string; lastName: string; dateOfBirth: string; yearGroup: (typeof YEAR_GROUPS)[number]; roles: PersonRole[]; ageOnImageryDate: number | null };

/** A pupil on the incident as incidents.get lists them. */
export function pupilOnIncident(options: PupilPersonOptions): z.input<(typeof contract)['incidents.get']['output']>['people'][number] {
  return {
    id: options.id,
    roles: options.roles,
    ageOnImageryDate: options.ageOnImageryDate,
    pupil: {
      id: options.id + 100,
      firstName: options.firstName,
      lastName: options.lastName,
      dateOfBirth: options.dateOfBirth,
      sex: 'not_known',
      yearGroup: options.yearGroup,
      sen: false,
      senDetails: '',
      lookedAfter: false,
      socialCare: 'none',
    },
    other: null,
    addedAt: '2026-11-02T09:15:00.000Z',
    addedByName: SIGNED_IN_DSL.name,
    removal: null,
  };
}

export const AYESHA = pupilOnIncident({ id: 11, firstName: 'Ayesha', lastName: 'Testperson', dateOfBirth: '2011-03-14', yearGroup: '10', roles: ['pictured', 'made'], ageOnImageryDate: 15 });
export const BEN = pupilOnIncident({ id: 12, firstName: 'Ben', lastName: 'Sample', dateOfBirth: '2010-09-01', yearGroup: '11', roles: ['received'], ageOnImageryDate: 16 });

export const INCIDENT_ID = 7;

/** An open incident, YPSI-2026-007, with the people given. */
export function incidentDetail(people: ReturnType<typeof pupilOnIncident>[] = [AYESHA, BEN]): IncidentDetail {
  return contract['incidents.get'].output.parse({
    incident: {
      id: INCIDENT_ID,
      reference: 'YPSI-2026-007',
      title: 'Image shared in a Year 10 group chat',
      status: 'open',
      cameToAttentionOn: '2026-11-02',
      imageryDate: '2026-11-01',
      kind: 'shared-on',
      media: 'photo',
      services: [],
      sharing: 'shared',
      sharingDetails: '',
      policeMatter: false,
      createdAt: '2026-11-02T09:10:00.000Z',
      createdByName: SIGNED_IN_DSL.name,
      voided: false,
      reopenedAt: null,
    },
    people,
    removedPeople: [],
    entries: [],
    staff: [{ id: SIGNED_IN_DSL.id, name: SIGNED_IN_DSL.name, roles: SIGNED_IN_DSL.roles, active: true }],
    gaps: [],
    closureSigned: false,
    police: { involved: false, words: '' },
    history: [],
  });
}

/** What entries.create answers: the version the core wrote. */
export function createdEntry(kind: EntryKind, body: Record<string, unknown>): Output<'entries.create'> {
  return contract['entries.create'].output.parse({
    id: 501,
    entryKey: 'entry-501',
    incidentId: INCIDENT_ID,
    kind,
    version: 1,
    supersedesId: null,
    occurredAt: '2026-11-03T10:30:00.000Z',
    recordedAt: '2026-11-03T10:35:00.000Z',
    authorId: SIGNED_IN_DSL.id,
    authorName: SIGNED_IN_DSL.name,
    body,
    amendmentReason: null,
    contentHash: 'f'.repeat(64),
    latest: true,
    backdated: false,
    summary: 'Recorded',
    signatures: [],
  });
}

const ROW_KINDS: readonly EntryKind[] = ['action', 'disclosure', 'initial-review', 'parents', 'police-report', 'conversation'];

/** `count` entries of one incident's chronology, oldest first, a day apart from 1 September 2026 (the first an action). */
export function chronologyRows(count: number): ChronologyRow[] {
  const rows = Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(2026, 8, 1 + index, 9, 0));
    return {
      id: 1000 + index,
      entryKey: `entry-${1000 + index}`,
      version: 1,
      kind: ROW_KINDS[index % ROW_KINDS.length],
      occurredAt: day.toISOString(),
      recordedAt: day.toISOString(),
      authorId: SIGNED_IN_DSL.id,
      authorName: SIGNED_IN_DSL.name,
      incidentId: INCIDENT_ID,
      incidentReference: 'YPSI-2026-007',
      incidentTitle: 'Image shared in a Year 10 group chat',
      incidentStatus: 'open',
      summary: `Entry number ${index + 1} of the incident`,
      backdated: false,
      amendmentReason: null,
      signatures: [],
      awaiting: [],
      roles: null,
      pupils: [],
      about: [],
      concernsOnlyOthers: false,
      snippet: null,
    };
  });
  return contract['chronology.page'].output.parse({ rows, total: count, snapshot: 1, terms: [] }).rows;
}

/** What chronology.entry answers for a row: the incident, and the entry's one version. */
export function chronologyEntry(row: ChronologyRow, body: Record<string, unknown>): Output<'chronology.entry'> {
  const detail = incidentDetail();
  return contract['chronology.entry'].output.parse({
    incident: detail.incident,
    people: detail.people,
    removedPeople: [],
    staff: detail.staff,
    versions: [{ ...createdEntry(row.kind, body), id: row.id, entryKey: row.entryKey, occurredAt: row.occurredAt, summary: row.summary }],
  });
}

/** Someone on the incident who is not a pupil of the school (an adult, or a young person elsewhere). */
export function otherOnIncident(options: { id: number; name: string; kind: 'adult' | 'young_person'; roles: PersonRole[]; age: number | null }): ReturnType<typeof pupilOnIncident> {
  return {
    id: options.id,
    roles: options.roles,
    ageOnImageryDate: options.age,
    pupil: null,
    other: { kind: options.kind, name: options.name, age: options.age, dateOfBirth: '', sex: 'not_known', setting: '', relationship: '' },
    addedAt: '2026-11-02T09:20:00.000Z',
    addedByName: SIGNED_IN_DSL.name,
    removal: null,
  };
}
