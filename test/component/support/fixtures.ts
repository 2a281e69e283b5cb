import type { EntryKind } from '../../../shared/domain/entries/kinds';
import type { OtherPersonKind, PersonRole } from '../../../shared/domain/incidents';
import type { YEAR_GROUPS } from '../../../shared/domain/pupils';
import type { Role } from '../../../shared/domain/staff';
import { contract, type EntryVersion, type IncidentDetail, type Output } from '../../../shared/ipc/contract';
import type { ChronologyRow } from '../../../shared/ipc/contract-chronology';
import type { UnlockedStatus } from '../../../renderer/src/app/session-context';

/**
 * The one set of fictional records for the component tests, each parsed by the contract's
 * own output schema: a fixture that no longer matches what the core answers fails here, not
 * as a puzzling screen. A test varies one by passing the fields it changes, which are spread
 * over the fixture before the parse, so a variation the contract refuses fails here too.
 */

const SIGNED_IN = { id: 1, name: 'Dana Example', username: 'dana.example' };
const STAFF_ON_INCIDENT = [{ id: SIGNED_IN.id, name: SIGNED_IN.name, roles: ['dsl' as const], active: true }];

/** Signed in as Dana Example with these roles (none: staff with no role in force, who may only read). */
export function signedInStatus(roles: Role[] = ['dsl'], changes: Partial<UnlockedStatus> = {}): UnlockedStatus {
  const status = contract['session.status'].output.parse({
    state: 'unlocked',
    user: { ...SIGNED_IN, roles },
    schoolName: 'Testbridge Academy',
    lockMinutes: 15,
    problems: [],
    practice: false,
    ...changes,
  });
  if (status.state !== 'unlocked') throw new Error('unreachable: the fixture is unlocked');
  return status;
}

/** What app.info answers on this fictional install. */
export function appInfo(): Output<'app.info'> {
  return contract['app.info'].output.parse({ version: '0.0.0-test', dataDir: '/tmp/fictional-records', setUp: true, platform: 'linux' });
}

/** The dashboard of a school with nothing open or overdue and no backup yet. */
export function quietDashboard(): Output<'dashboard.get'> {
  return contract['dashboard.get'].output.parse({ openIncidents: [], overdue: [], awaitingSignature: [], transfersAwaiting: [], lastBackup: { at: null, folderChosen: false, recent: false } });
}

type PersonOnIncident = IncidentDetail['people'][number];
type PupilPersonOptions = { id: number; firstName: string; lastName: string; dateOfBirth: string; yearGroup: (typeof YEAR_GROUPS)[number]; roles: PersonRole[]; ageOnImageryDate: number | null };

/** A pupil on the incident as incidents.get lists them. */
export function pupilOnIncident(options: PupilPersonOptions): PersonOnIncident {
  return {
    id: options.id,
    roles: options.roles,
    ageOnImageryDate: options.ageOnImageryDate,
    ageWhenReported: null,
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
      leaving: null,
      upn: '',
    },
    other: null,
    addedAt: '2026-11-02T09:15:00.000Z',
    addedByName: SIGNED_IN.name,
    removal: null,
  };
}

/** Someone on the incident who is not a pupil of the school: an adult, a young person elsewhere, an online account or a group. */
export function otherOnIncident(options: { id: number; name: string; kind: OtherPersonKind; roles: PersonRole[]; age: number | null; setting?: string; groupSize?: number }): PersonOnIncident {
  return {
    id: options.id,
    roles: options.roles,
    ageOnImageryDate: options.age,
    ageWhenReported: null,
    pupil: null,
    other: { kind: options.kind, name: options.name, age: options.age, dateOfBirth: '', sex: 'not_known', setting: options.setting ?? '', relationship: '', groupSize: options.groupSize ?? null },
    addedAt: '2026-11-02T09:20:00.000Z',
    addedByName: SIGNED_IN.name,
    removal: null,
  };
}

export const AYESHA = pupilOnIncident({ id: 11, firstName: 'Ayesha', lastName: 'Testperson', dateOfBirth: '2011-03-14', yearGroup: '10', roles: ['pictured', 'made'], ageOnImageryDate: 15 });
export const BEN = pupilOnIncident({ id: 12, firstName: 'Ben', lastName: 'Sample', dateOfBirth: '2010-09-01', yearGroup: '11', roles: ['received'], ageOnImageryDate: 16 });

export const INCIDENT_ID = 7;
const REFERENCE = 'YPSI-2026-007';
const TITLE = 'Image shared in a Year 10 group chat';

/** The open incident YPSI-2026-007 with Ayesha and Ben on it and nothing recorded yet, changed by `changes`. */
export function incidentDetail(changes: Partial<IncidentDetail> = {}): IncidentDetail {
  return contract['incidents.get'].output.parse({
    incident: {
      id: INCIDENT_ID,
      reference: REFERENCE,
      title: TITLE,
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
      createdByName: SIGNED_IN.name,
      voided: false,
      reopenedAt: null,
    },
    people: [AYESHA, BEN],
    removedPeople: [],
    entries: [],
    staff: STAFF_ON_INCIDENT,
    gaps: [],
    closureSigned: false,
    police: { involved: false, words: '' },
    history: [],
    ...changes,
  });
}

/** One version of an entry on YPSI-2026-007, unsigned, written by the signed-in DSL; also what entries.create and entries.revise answer. */
export function recordedEntry(kind: EntryKind, body: Record<string, unknown>, changes: Partial<EntryVersion> = {}): EntryVersion {
  return contract['entries.create'].output.parse({
    id: 501,
    entryKey: 'entry-501',
    incidentId: INCIDENT_ID,
    kind,
    version: 1,
    supersedesId: null,
    occurredAt: '2026-11-03T10:30:00.000Z',
    recordedAt: '2026-11-03T10:35:00.000Z',
    authorId: SIGNED_IN.id,
    authorName: SIGNED_IN.name,
    body,
    amendmentReason: null,
    contentHash: 'f'.repeat(64),
    latest: true,
    backdated: false,
    summary: 'Recorded',
    signatures: [],
    ...changes,
  });
}

/** The version as the DSL has signed it: the record is accurate. */
export function signedByTheDsl(version: EntryVersion): EntryVersion {
  const signature = { id: 5, entryId: version.id, signerId: SIGNED_IN.id, signerName: SIGNED_IN.name, signerRole: 'DSL', meaning: 'record-accurate' as const, signedAt: '2026-11-03T10:40:00.000Z', contentHash: version.contentHash, witnessedByName: '' };
  return recordedEntry(version.kind, version.body, { ...version, signatures: [...version.signatures, signature] });
}

/** A friend's disclosure to the form tutor, recorded and not yet signed. */
export function disclosure(): EntryVersion {
  const body = { source: 'friend', sourceName: '', toldTo: 'Form tutor', means: 'in_person', whatWasSaid: 'A friend said a photo was going round.', immediateActions: '' };
  return recordedEntry('disclosure', body, { id: 511, entryKey: 'entry-511', summary: 'A friend told the form tutor in person.' });
}

const ROW_KINDS: readonly EntryKind[] = ['action', 'disclosure', 'initial-review', 'parents', 'police-report', 'conversation'];

/**
 * `count` entries of the chronology from place `from` (0 the first), oldest first, a day apart
 * from 1 September 2026 (the first an action); each says its number ("Entry number 1 of the incident").
 */
export function chronologyRows(count: number, from = 0): ChronologyRow[] {
  const rows = Array.from({ length: count }, (_, n) => {
    const index = from + n;
    const day = new Date(Date.UTC(2026, 8, 1 + index, 9, 0));
    return {
      id: 1000 + index,
      entryKey: `entry-${1000 + index}`,
      version: 1,
      kind: ROW_KINDS[index % ROW_KINDS.length],
      occurredAt: day.toISOString(),
      recordedAt: day.toISOString(),
      authorId: SIGNED_IN.id,
      authorName: SIGNED_IN.name,
      incidentId: INCIDENT_ID,
      incidentReference: REFERENCE,
      incidentTitle: TITLE,
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
  return contract['chronology.page'].output.parse({ rows, total: from + count, snapshot: 1, terms: [] }).rows;
}

/** What chronology.entry answers for a row: the incident, and the entry's one version. */
export function chronologyEntry(row: ChronologyRow, body: Record<string, unknown>): Output<'chronology.entry'> {
  const detail = incidentDetail();
  return contract['chronology.entry'].output.parse({
    incident: detail.incident,
    people: detail.people,
    removedPeople: [],
    staff: detail.staff,
    versions: [recordedEntry(row.kind, body, { id: row.id, entryKey: row.entryKey, occurredAt: row.occurredAt, summary: row.summary })],
  });
}
