import { z } from 'zod';
import type { KeepDecision } from '../../../shared/domain/retention';
import type { Executor } from './connection';
import type { HoldTarget } from './legal-hold-queries';

const ids = z.string().transform((s) => z.array(z.number().int()).parse(JSON.parse(s)));
const dates = z.string().transform((s) => z.array(z.string()).parse(JSON.parse(s)));

const keepColumns = {
  keep_next_review_on: z.string().nullable(),
  keep_decided_at: z.string().nullable(),
  keep_reason: z.string().nullable(),
  keep_decided_by: z.string().nullable(),
};

// The latest keep decision of each record (the highest id: decisions are only ever added).
function latestKeepJoin(column: 'incident_id' | 'pupil_id', outer: string): string {
  return `LEFT JOIN retention_reviews k ON k.id = (SELECT max(id) FROM retention_reviews WHERE ${column} = ${outer}.id)
    LEFT JOIN staff ks ON ks.id = k.decided_by`;
}
const KEEP_SELECT = 'k.next_review_on AS keep_next_review_on, k.decided_at AS keep_decided_at, k.reason AS keep_reason, ks.name AS keep_decided_by';

function toKeep(r: { keep_next_review_on: string | null; keep_decided_at: string | null; keep_reason: string | null; keep_decided_by: string | null }): KeepDecision | null {
  if (r.keep_next_review_on === null || r.keep_decided_at === null) return null;
  return { nextReviewOn: r.keep_next_review_on, decidedAt: r.keep_decided_at, reason: r.keep_reason ?? '', decidedBy: r.keep_decided_by ?? '' };
}

const incidentRow = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  created_at: z.string(),
  closed_at: z.string().nullable(),
  pupil_ids: ids,
  pupil_dobs: dates,
  ...keepColumns,
});

export type IncidentRetentionRow = {
  id: number;
  reference: string;
  title: string;
  status: 'open' | 'closed';
  createdAt: string;
  /** When it was last closed; null while open. */
  closedAt: string | null;
  pupilIds: number[];
  pupilDatesOfBirth: string[];
  latestKeep: KeepDecision | null;
};

const INCIDENTS = `SELECT i.id, i.reference, i.title, i.status, i.created_at,
    CASE WHEN i.status = 'closed' THEN (SELECT max(c.changed_at) FROM incident_status_changes c WHERE c.incident_id = i.id AND c.change = 'closed') END AS closed_at,
    (SELECT json_group_array(ip.pupil_id) FROM incident_people ip WHERE ip.incident_id = i.id AND ip.pupil_id IS NOT NULL AND ip.removed_at IS NULL) AS pupil_ids,
    (SELECT json_group_array(p.date_of_birth) FROM incident_people ip JOIN pupils p ON p.id = ip.pupil_id WHERE ip.incident_id = i.id AND ip.removed_at IS NULL) AS pupil_dobs,
    ${KEEP_SELECT}
  FROM incidents i ${latestKeepJoin('incident_id', 'i')}`;

function toIncident(row: unknown): IncidentRetentionRow {
  const r = incidentRow.parse(row);
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    status: r.status,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    pupilIds: r.pupil_ids,
    pupilDatesOfBirth: r.pupil_dobs,
    latestKeep: toKeep(r),
  };
}

/** Every incident (voided ones too: they are kept as records) with what its review date is worked out from. */
export async function incidentsForRetention(db: Pick<Executor, 'all'>): Promise<IncidentRetentionRow[]> {
  return (await db.all(`${INCIDENTS} ORDER BY i.id`)).map(toIncident);
}

export async function incidentForRetention(db: Pick<Executor, 'get'>, incidentId: number): Promise<IncidentRetentionRow | undefined> {
  const row = await db.get(`${INCIDENTS} WHERE i.id = ?`, [incidentId]);
  return row ? toIncident(row) : undefined;
}

const pupilRow = z.object({
  id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  date_of_birth: z.string(),
  created_at: z.string(),
  incident_ids: ids,
  ...keepColumns,
});

export type PupilRetentionRow = {
  id: number;
  name: string;
  dateOfBirth: string;
  createdAt: string;
  incidentIds: number[];
  latestKeep: KeepDecision | null;
};

const PUPILS = `SELECT p.id, p.first_name, p.last_name, p.date_of_birth, p.created_at,
    (SELECT json_group_array(ip.incident_id) FROM incident_people ip WHERE ip.pupil_id = p.id AND ip.removed_at IS NULL) AS incident_ids,
    ${KEEP_SELECT}
  FROM pupils p ${latestKeepJoin('pupil_id', 'p')}`;

function toPupil(row: unknown): PupilRetentionRow {
  const r = pupilRow.parse(row);
  return {
    id: r.id,
    name: `${r.first_name} ${r.last_name}`,
    dateOfBirth: r.date_of_birth,
    createdAt: r.created_at,
    incidentIds: r.incident_ids,
    latestKeep: toKeep(r),
  };
}

export async function pupilsForRetention(db: Pick<Executor, 'all'>): Promise<PupilRetentionRow[]> {
  return (await db.all(`${PUPILS} ORDER BY p.last_name, p.first_name, p.id`)).map(toPupil);
}

export async function pupilForRetention(db: Pick<Executor, 'get'>, pupilId: number): Promise<PupilRetentionRow | undefined> {
  const row = await db.get(`${PUPILS} WHERE p.id = ?`, [pupilId]);
  return row ? toPupil(row) : undefined;
}

/** Records the DSL's decision to keep a record until a new review date. */
export async function insertKeepDecision(tx: Executor, keep: { target: HoldTarget; reason: string; nextReviewOn: string; at: string; by: number }): Promise<number> {
  const incidentId = 'incidentId' in keep.target ? keep.target.incidentId : null;
  const pupilId = 'pupilId' in keep.target ? keep.target.pupilId : null;
  const { lastId } = await tx.run(
    'INSERT INTO retention_reviews (incident_id, pupil_id, reason, next_review_on, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)',
    [incidentId, pupilId, keep.reason, keep.nextReviewOn, keep.at, keep.by],
  );
  return lastId;
}
