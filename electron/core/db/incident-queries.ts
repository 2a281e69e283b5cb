import { z } from 'zod';
import { INCIDENT_SOURCES } from '../../../shared/domain/incident-source';
import { INCIDENT_KINDS, INCIDENT_STATUSES, MEDIA, OTHER_PERSON_KINDS, SHARING, type IncidentInput, type OtherPersonInput, type PersonRole } from '../../../shared/domain/incidents';
import { SEXES } from '../../../shared/domain/pupils';
import type { IncidentDetail } from '../../../shared/domain/read-models/incident-detail';
import type { IncidentSummary } from '../../../shared/domain/read-models/incident-summary';
import type { Executor } from './connection';
import { toPupil } from './pupil-queries';
import { groupBy } from './group-rows';
import { idRow, personRoles, stringList } from './row-schemas';

const nextRow = z.object({ next: z.number().int() });
const rolesRow = z.object({ roles: z.string() });

type IncidentFields = IncidentDetail['incident'];

const incidentRow = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  came_to_attention_on: z.string(),
  imagery_date: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  media: z.enum(MEDIA),
  services: z.string(),
  sharing: z.enum(SHARING),
  sharing_details: z.string(),
  police_matter: z.number().int(),
  source: z.enum(INCIDENT_SOURCES),
  source_agency: z.string(),
  source_reference: z.string(),
  created_at: z.string(),
  created_by_name: z.string(),
  voided: z.number().int(),
  reopened_at: z.string().nullable(),
});

/** The incident's row with who opened it and when it was last reopened (migration 6). */
const INCIDENT_SELECT = `SELECT i.*, s.name AS created_by_name,
  (SELECT max(c.changed_at) FROM incident_status_changes c WHERE c.incident_id = i.id AND c.change = 'reopened') AS reopened_at
  FROM incidents i JOIN staff s ON s.id = i.created_by`;

function toIncident(row: unknown): IncidentFields {
  const r = incidentRow.parse(row);
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    status: r.status,
    cameToAttentionOn: r.came_to_attention_on,
    imageryDate: r.imagery_date,
    kind: r.kind,
    media: r.media,
    services: stringList.parse(JSON.parse(r.services)),
    sharing: r.sharing,
    sharingDetails: r.sharing_details,
    policeMatter: r.police_matter === 1,
    source: r.source,
    sourceAgency: r.source_agency,
    sourceReference: r.source_reference,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    voided: r.voided === 1,
    reopenedAt: r.reopened_at,
  };
}

export async function nextReferenceNumber(tx: Executor, year: number): Promise<number> {
  const row = await tx.get('SELECT coalesce(max(ref_number), 0) + 1 AS next FROM incidents WHERE ref_year = ?', [year]);
  return nextRow.parse(row).next;
}

export async function insertIncident(
  tx: Executor,
  input: IncidentInput & { reference: string; year: number; number: number; policeMatter: boolean },
  at: string,
  by: number,
): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO incidents (reference, ref_year, ref_number, title, status, came_to_attention_on, imagery_date, kind, media,
       services, sharing, sharing_details, police_matter, source, source_agency, source_reference, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      input.reference,
      input.year,
      input.number,
      input.title,
      input.cameToAttentionOn,
      input.imageryDate,
      input.kind,
      input.media,
      JSON.stringify(input.services),
      input.sharing,
      input.sharingDetails,
      input.policeMatter ? 1 : 0,
      input.source,
      input.sourceAgency,
      input.sourceReference,
      at,
      by,
      at,
      by,
    ],
  );
  return lastId;
}

export async function findIncident(db: Pick<Executor, 'get'>, id: number): Promise<IncidentFields | undefined> {
  const row = await db.get(
    `${INCIDENT_SELECT} WHERE i.id = ?`,
    [id],
  );
  return row ? toIncident(row) : undefined;
}

const summaryRow = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  came_to_attention_on: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  police_matter: z.number().int(),
  people_count: z.number().int(),
  entry_count: z.number().int(),
});

function toSummary(row: unknown): IncidentSummary {
  const r = summaryRow.parse(row);
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    status: r.status,
    cameToAttentionOn: r.came_to_attention_on,
    kind: r.kind,
    policeMatter: r.police_matter === 1,
    peopleCount: r.people_count,
    entryCount: r.entry_count,
  };
}

// Counts only current versions: an amended entry is still one entry. Lists leave out voided
// incidents (opened by mistake); DSLs find them on their own list (incidents.listVoided).
const SUMMARY_COLUMNS = `i.id, i.reference, i.title, i.status, i.came_to_attention_on, i.kind, i.police_matter,
  (SELECT count(*) FROM incident_people ip WHERE ip.incident_id = i.id AND ip.removed_at IS NULL) AS people_count,
  (SELECT count(*) FROM entries e WHERE e.incident_id = i.id
     AND NOT EXISTS (SELECT 1 FROM entries n WHERE n.supersedes = e.id)) AS entry_count`;

export async function listIncidents(db: Pick<Executor, 'all'>, status: 'open' | 'closed' | 'all'): Promise<IncidentSummary[]> {
  const rows = await db.all(
    `SELECT ${SUMMARY_COLUMNS} FROM incidents i WHERE (?1 = 'all' OR i.status = ?1) AND i.voided = 0
     ORDER BY i.came_to_attention_on DESC, i.ref_year DESC, i.ref_number DESC`,
    [status],
  );
  return rows.map(toSummary);
}

export async function incidentsOfPupil(db: Pick<Executor, 'all'>, pupilId: number): Promise<(IncidentSummary & { roles: PersonRole[] })[]> {
  const rows = await db.all(
    `SELECT ${SUMMARY_COLUMNS}, p.roles AS roles FROM incidents i JOIN incident_people p ON p.incident_id = i.id
     WHERE p.pupil_id = ? AND p.removed_at IS NULL AND i.voided = 0 ORDER BY i.came_to_attention_on DESC`,
    [pupilId],
  );
  return rows.map((row) => ({
    ...toSummary(row),
    roles: personRoles.parse(JSON.parse(rolesRow.parse(row).roles)),
  }));
}

const personRow = z.object({
  id: z.number().int(),
  incident_id: z.number().int(),
  pupil_id: z.number().int().nullable(),
  other_kind: z.enum(OTHER_PERSON_KINDS).nullable(),
  other_name: z.string().nullable(),
  other_age: z.number().int().nullable(),
  other_date_of_birth: z.string().nullable(),
  other_sex: z.enum(SEXES).nullable(),
  other_setting: z.string().nullable(),
  other_relationship: z.string().nullable(),
  other_group_size: z.number().int().nullable(),
  roles: z.string(),
  added_at: z.string(),
  added_by_name: z.string(),
  removed_at: z.string().nullable(),
  removed_by_name: z.string().nullable(),
  removal_reason: z.string().nullable(),
});

export type PersonRecord = {
  id: number;
  incidentId: number;
  /** When removed, the roles they had until then. */
  roles: PersonRole[];
  pupil: ReturnType<typeof toPupil> | null;
  other: IncidentDetail['people'][number]['other'];
  addedAt: string;
  addedByName: string;
  /** Set when they were removed from the incident (added in error): the row is kept. */
  removal: { at: string; byName: string; reason: string } | null;
};

const PERSON_SELECT = `SELECT ip.id, ip.incident_id, ip.pupil_id, ip.other_kind, ip.other_name, ip.other_age, ip.other_date_of_birth,
  ip.other_sex, ip.other_setting, ip.other_relationship, ip.other_group_size, ip.roles, p.id AS p_id, p.first_name, p.last_name, p.date_of_birth,
  p.sex, p.year_group, p.sen, p.sen_details, p.looked_after, p.social_care, p.left_on, p.left_destination_kind, p.left_destination, p.upn,
  ip.added_at, adder.name AS added_by_name, ip.removed_at, remover.name AS removed_by_name, ip.removal_reason
  FROM incident_people ip LEFT JOIN pupils p ON p.id = ip.pupil_id
  JOIN staff adder ON adder.id = ip.added_by LEFT JOIN staff remover ON remover.id = ip.removed_by`;

function toPerson(row: Record<string, unknown>): PersonRecord {
  const r = personRow.parse(row);
  return {
    id: r.id,
    incidentId: r.incident_id,
    roles: personRoles.parse(JSON.parse(r.roles)),
    pupil: r.pupil_id === null ? null : toPupil({ ...row, id: row.p_id }),
    other:
      r.other_kind === null
        ? null
        : {
            kind: r.other_kind,
            name: r.other_name ?? '',
            age: r.other_age,
            dateOfBirth: r.other_date_of_birth ?? '',
            sex: r.other_sex ?? 'not_known',
            setting: r.other_setting ?? '',
            relationship: r.other_relationship ?? '',
            groupSize: r.other_group_size,
          },
    addedAt: r.added_at,
    addedByName: r.added_by_name,
    removal:
      r.removed_at === null ? null : { at: r.removed_at, byName: r.removed_by_name ?? '', reason: r.removal_reason ?? '' },
  };
}

/**
 * The people on an incident now, in the order they were added. Someone removed (added in
 * error) is left out: they count for nothing the record decides (the five points, what is
 * missing, ages, the dashboard); `removedPeopleOfIncident` reads them.
 */
export async function peopleOfIncident(db: Pick<Executor, 'all'>, incidentId: number): Promise<PersonRecord[]> {
  const rows = await db.all(`${PERSON_SELECT} WHERE ip.incident_id = ? AND ip.removed_at IS NULL ORDER BY ip.id`, [incidentId]);
  return rows.map(toPerson);
}

/** The people removed from an incident, in the order they were removed. */
export async function removedPeopleOfIncident(db: Pick<Executor, 'all'>, incidentId: number): Promise<PersonRecord[]> {
  const rows = await db.all(`${PERSON_SELECT} WHERE ip.incident_id = ? AND ip.removed_at IS NOT NULL ORDER BY ip.removed_at, ip.id`, [incidentId]);
  return rows.map(toPerson);
}

/** The people (not removed) on every open incident, grouped by incident, each group in the order they were added. */
export async function peopleOfOpenIncidents(db: Pick<Executor, 'all'>): Promise<Map<number, PersonRecord[]>> {
  const rows = await db.all(`${PERSON_SELECT} WHERE ip.incident_id IN (SELECT id FROM incidents WHERE status = 'open' AND voided = 0) AND ip.removed_at IS NULL ORDER BY ip.id`);
  return groupBy(rows.map(toPerson), (person) => person.incidentId, (person) => person);
}

/** A person on an incident by id, removed or not (see `removal`). */
export async function findPerson(db: Pick<Executor, 'get'>, personId: number): Promise<PersonRecord | undefined> {
  const row = await db.get(`${PERSON_SELECT} WHERE ip.id = ?`, [personId]);
  return row ? toPerson(row) : undefined;
}

export async function findPupilOnIncident(db: Pick<Executor, 'get'>, incidentId: number, pupilId: number): Promise<number | undefined> {
  const row = await db.get('SELECT id FROM incident_people WHERE incident_id = ? AND pupil_id = ? AND removed_at IS NULL', [incidentId, pupilId]);
  return row ? idRow.parse(row).id : undefined;
}

export async function insertPupilOnIncident(tx: Executor, incidentId: number, pupilId: number, roles: PersonRole[], at: string, by: number): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO incident_people (incident_id, pupil_id, roles, added_at, added_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [incidentId, pupilId, JSON.stringify(roles), at, by, at, by],
  );
  return lastId;
}

export async function insertOtherPersonOnIncident(
  tx: Executor,
  incidentId: number,
  person: OtherPersonInput,
  roles: PersonRole[],
  at: string,
  by: number,
): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO incident_people (incident_id, other_kind, other_name, other_age, other_date_of_birth, other_sex, other_setting,
       other_relationship, other_group_size, roles, added_at, added_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [incidentId, person.kind, person.name, person.age, person.dateOfBirth, person.sex, person.setting, person.relationship, person.groupSize, JSON.stringify(roles), at, by, at, by],
  );
  return lastId;
}

export async function updatePersonRoles(tx: Executor, personId: number, roles: PersonRole[], at: string, by: number): Promise<void> {
  await tx.run('UPDATE incident_people SET roles = ?, updated_at = ?, updated_by = ? WHERE id = ?', [JSON.stringify(roles), at, by, personId]);
}

/** Marks a person removed from their incident; the row, and the roles they had, stay. */
export async function removePersonFromIncident(tx: Executor, personId: number, reason: string, at: string, by: number): Promise<void> {
  await tx.run('UPDATE incident_people SET removed_at = ?, removed_by = ?, removal_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?', [
    at,
    by,
    reason,
    at,
    by,
    personId,
  ]);
}

export async function closeIncident(tx: Executor, id: number, at: string, by: number): Promise<void> {
  await tx.run(`UPDATE incidents SET status = 'closed', updated_at = ?, updated_by = ? WHERE id = ?`, [at, by, id]);
}

/** The open incidents in full (not voided ones), oldest first: what the dashboard reads. */
export async function openIncidents(db: Pick<Executor, 'all'>): Promise<IncidentFields[]> {
  const rows = await db.all(
    `${INCIDENT_SELECT}
     WHERE i.status = 'open' AND i.voided = 0 ORDER BY i.came_to_attention_on, i.ref_year, i.ref_number`,
  );
  return rows.map(toIncident);
}
