import { z } from 'zod';
import { DESTINATION_KINDS } from '../../../shared/domain/leaving';
import { pupil, SEXES, YEAR_GROUPS, type Pupil, type PupilInput } from '../../../shared/domain/pupils';
import type { PupilSummary } from '../../../shared/domain/read-models/pupil-summary';
import type { Executor } from './connection';

const pupilRow = z.object({
  id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  date_of_birth: z.string(),
  sex: z.enum(SEXES),
  year_group: z.enum(YEAR_GROUPS),
  sen: z.number().int(),
  sen_details: z.string(),
  looked_after: z.number().int(),
  social_care: z.string(),
  left_on: z.string().nullable(),
  left_destination_kind: z.enum(DESTINATION_KINDS).nullable(),
  left_destination: z.string(),
  upn: z.string().nullable(),
});

export function toPupil(row: unknown): Pupil {
  const r = pupilRow.parse(row);
  return pupil.parse({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    yearGroup: r.year_group,
    sen: r.sen === 1,
    senDetails: r.sen_details,
    lookedAfter: r.looked_after === 1,
    socialCare: r.social_care,
    leaving: r.left_on !== null && r.left_destination_kind !== null ? { leftOn: r.left_on, destinationKind: r.left_destination_kind, destination: r.left_destination } : null,
    upn: r.upn ?? '',
  });
}

const summaryRow = z.object({
  id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  date_of_birth: z.string(),
  year_group: z.enum(YEAR_GROUPS),
  sex: z.enum(SEXES),
  incident_count: z.number().int(),
  left_on: z.string().nullable(),
});

function toSummary(row: unknown): PupilSummary {
  const r = summaryRow.parse(row);
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    yearGroup: r.year_group,
    sex: r.sex,
    incidentCount: r.incident_count,
    leftOn: r.left_on,
  };
}

const SUMMARY_COLUMNS = `p.id, p.first_name, p.last_name, p.date_of_birth, p.year_group, p.sex, p.left_on,
  (SELECT count(*) FROM incident_people ip JOIN incidents i ON i.id = ip.incident_id WHERE ip.pupil_id = p.id AND ip.removed_at IS NULL AND i.voided = 0) AS incident_count`;

/** LIKE with the user's text taken literally: % and _ typed in a name match themselves. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Pupils whose first name, last name or full name starts with what was typed, so that
 * "amel", "okafor" and "amelia ok" all find Amelia Okafor before anyone retypes her.
 */
export async function searchPupils(db: Pick<Executor, 'all'>, query: string, limit: number): Promise<PupilSummary[]> {
  const prefix = likePrefix(query.trim());
  const rows = await db.all(
    `SELECT ${SUMMARY_COLUMNS} FROM pupils p
     WHERE p.first_name LIKE ?1 ESCAPE '\\' OR p.last_name LIKE ?1 ESCAPE '\\'
        OR (p.first_name || ' ' || p.last_name) LIKE ?1 ESCAPE '\\'
     ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE
     LIMIT ?2`,
    [prefix, limit],
  );
  return rows.map(toSummary);
}

export async function listPupils(db: Pick<Executor, 'all'>): Promise<PupilSummary[]> {
  const rows = await db.all(`SELECT ${SUMMARY_COLUMNS} FROM pupils p ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE`);
  return rows.map(toSummary);
}

export async function findPupil(db: Pick<Executor, 'get'>, id: number): Promise<Pupil | undefined> {
  const row = await db.get('SELECT * FROM pupils WHERE id = ?', [id]);
  return row ? toPupil(row) : undefined;
}

export async function findPupilBySameNameAndBirth(db: Pick<Executor, 'get'>, input: PupilInput, exceptId?: number): Promise<Pupil | undefined> {
  const row = await db.get(
    `SELECT * FROM pupils WHERE first_name = ? COLLATE NOCASE AND last_name = ? COLLATE NOCASE AND date_of_birth = ? AND id IS NOT ?`,
    [input.firstName, input.lastName, input.dateOfBirth, exceptId ?? null],
  );
  return row ? toPupil(row) : undefined;
}

function pupilParams(input: PupilInput): (string | number | null)[] {
  return [
    input.firstName,
    input.lastName,
    input.dateOfBirth,
    input.sex,
    input.yearGroup,
    input.sen ? 1 : 0,
    input.senDetails,
    input.lookedAfter ? 1 : 0,
    input.socialCare,
    input.upn === '' ? null : input.upn,
  ];
}

export async function insertPupil(tx: Executor, input: PupilInput, at: string, by: number): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO pupils (first_name, last_name, date_of_birth, sex, year_group, sen, sen_details, looked_after, social_care, upn,
       created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [...pupilParams(input), at, by, at, by],
  );
  return lastId;
}

export async function updatePupil(tx: Executor, id: number, input: PupilInput, at: string, by: number): Promise<void> {
  await tx.run(
    `UPDATE pupils SET first_name = ?, last_name = ?, date_of_birth = ?, sex = ?, year_group = ?, sen = ?, sen_details = ?,
       looked_after = ?, social_care = ?, upn = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    [...pupilParams(input), at, by, id],
  );
}

/** A pupil leaves (issue 20), or, with null, is back on roll: the rest of their record is unchanged. */
export async function setPupilLeaving(
  tx: Executor,
  id: number,
  left: { leftOn: string; destinationKind: string; destination: string } | null,
  at: string,
  by: number,
): Promise<void> {
  await tx.run(`UPDATE pupils SET left_on = ?, left_destination_kind = ?, left_destination = ?, updated_at = ?, updated_by = ? WHERE id = ?`, [
    left?.leftOn ?? null,
    left?.destinationKind ?? null,
    left?.destination ?? '',
    at,
    by,
    id,
  ]);
}

export async function findPupilByUpn(db: Pick<Executor, 'get'>, upn: string, exceptId?: number): Promise<Pupil | undefined> {
  if (upn === '') return undefined;
  const row = await db.get('SELECT * FROM pupils WHERE upn = ? AND id IS NOT ?', [upn, exceptId ?? null]);
  return row ? toPupil(row) : undefined;
}
