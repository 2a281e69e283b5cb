import { z } from 'zod';
import { SEXES, YEAR_GROUPS } from '../../../shared/domain/pupils';
import type { NewPupil, PupilUpdate, RegisteredPupil } from '../../../shared/domain/pupils/import-match';
import type { Executor } from './connection';

const registeredRow = z.object({
  id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  preferred_first_name: z.string(),
  preferred_last_name: z.string(),
  date_of_birth: z.string(),
  sex: z.enum(SEXES),
  year_group: z.enum(YEAR_GROUPS),
  registration_group: z.string(),
  upn: z.string().nullable(),
  sen: z.number().int(),
  looked_after: z.number().int(),
  left_on: z.string().nullable(),
});

/** Every pupil on the register, as an import compares them. */
export async function listRegisteredPupils(db: Pick<Executor, 'all'>): Promise<RegisteredPupil[]> {
  const rows = await db.all(
    `SELECT id, first_name, last_name, preferred_first_name, preferred_last_name, date_of_birth, sex, year_group,
       registration_group, upn, sen, looked_after, left_on FROM pupils ORDER BY id`,
  );
  return rows.map((row) => {
    const r = registeredRow.parse(row);
    return {
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      preferredFirstName: r.preferred_first_name,
      preferredLastName: r.preferred_last_name,
      dateOfBirth: r.date_of_birth,
      sex: r.sex,
      yearGroup: r.year_group,
      registrationGroup: r.registration_group,
      upn: r.upn ?? '',
      sen: r.sen === 1,
      lookedAfter: r.looked_after === 1,
      leftOn: r.left_on,
    };
  });
}

/**
 * A pupil new from the MIS. What the file does not say is recorded as not known where the
 * register can say so (sex, children's social care) and as "no" where it cannot (SEN, looked
 * after), for the DSL to correct on the pupil's page.
 */
export async function insertImportedPupil(tx: Executor, pupil: NewPupil, at: string, by: number): Promise<void> {
  await tx.run(
    `INSERT INTO pupils (first_name, last_name, preferred_first_name, preferred_last_name, date_of_birth, sex, year_group,
       registration_group, upn, sen, sen_details, looked_after, social_care, left_on, left_destination_kind,
       created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, 'not_known', ?, ?, ?, ?, ?, ?)`,
    [
      pupil.firstName,
      pupil.lastName,
      pupil.preferredFirstName ?? '',
      pupil.preferredLastName ?? '',
      pupil.dateOfBirth,
      pupil.sex ?? 'not_known',
      pupil.yearGroup,
      pupil.registrationGroup ?? '',
      pupil.upn || null,
      pupil.sen ? 1 : 0,
      pupil.lookedAfter ? 1 : 0,
      pupil.leftOn ?? null,
      pupil.leftOn ? 'not-known' : null,
      at,
      by,
      at,
      by,
    ],
  );
}

const COLUMN_OF: Record<keyof PupilUpdate, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  preferredFirstName: 'preferred_first_name',
  preferredLastName: 'preferred_last_name',
  sex: 'sex',
  yearGroup: 'year_group',
  registrationGroup: 'registration_group',
  upn: 'upn',
  sen: 'sen',
  lookedAfter: 'looked_after',
  leftOn: 'left_on',
};

/** The fields an import changes, and nothing else; a leaving date the MIS gives has no known destination. */
export async function updateImportedPupil(tx: Executor, id: number, update: PupilUpdate, at: string, by: number): Promise<void> {
  const sets: string[] = [];
  const values: (string | number | null)[] = [];
  for (const [field, value] of Object.entries(update) as [keyof PupilUpdate, PupilUpdate[keyof PupilUpdate]][]) {
    sets.push(`${COLUMN_OF[field]} = ?`);
    values.push(typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null));
  }
  if (update.leftOn) sets.push(`left_destination_kind = coalesce(left_destination_kind, 'not-known')`);
  await tx.run(`UPDATE pupils SET ${sets.join(', ')}, updated_at = ?, updated_by = ? WHERE id = ?`, [...values, at, by, id]);
}
