import { z } from 'zod';
import { ROLES, type Role, type StaffMember } from '../../../shared/domain/staff';
import type { Executor } from './connection';

const staffRoles = z.array(z.enum(ROLES));

const staffRow = z.object({
  id: z.number().int(),
  name: z.string(),
  username: z.string(),
  roles: z.string(),
  active: z.number().int(),
});

function toStaff(row: unknown): StaffMember {
  const r = staffRow.parse(row);
  return {
    id: r.id,
    name: r.name,
    username: r.username,
    roles: staffRoles.parse(JSON.parse(r.roles)),
    active: r.active === 1,
  };
}

export async function insertStaff(
  tx: Executor,
  staff: { name: string; username: string; roles: readonly Role[]; createdAt: string; createdBy: number | null },
): Promise<StaffMember> {
  const { lastId } = await tx.run(
    'INSERT INTO staff (username, name, roles, active, created_at, created_by) VALUES (?, ?, ?, 1, ?, ?)',
    [staff.username, staff.name, JSON.stringify(staff.roles), staff.createdAt, staff.createdBy],
  );
  const created = await findStaffById(tx, lastId);
  if (!created) throw new Error('Inserted staff row was not found');
  return created;
}

export async function findStaffById(tx: Pick<Executor, 'get'>, id: number): Promise<StaffMember | undefined> {
  const row = await tx.get('SELECT id, name, username, roles, active FROM staff WHERE id = ?', [id]);
  return row ? toStaff(row) : undefined;
}

export async function findStaffByUsername(tx: Pick<Executor, 'get'>, username: string): Promise<StaffMember | undefined> {
  const row = await tx.get('SELECT id, name, username, roles, active FROM staff WHERE username = ?', [username]);
  return row ? toStaff(row) : undefined;
}

export async function listStaff(tx: Pick<Executor, 'all'>): Promise<StaffMember[]> {
  const rows = await tx.all('SELECT id, name, username, roles, active FROM staff ORDER BY active DESC, name COLLATE NOCASE');
  return rows.map(toStaff);
}

export async function deactivateStaff(tx: Executor, id: number, at: string, by: number): Promise<void> {
  await tx.run('UPDATE staff SET active = 0, deactivated_at = ?, deactivated_by = ? WHERE id = ?', [at, by, id]);
}

export async function setStaffRoles(tx: Executor, id: number, roles: readonly Role[]): Promise<void> {
  await tx.run('UPDATE staff SET roles = ? WHERE id = ?', [JSON.stringify(roles), id]);
}

/** Who deactivated the account and when stays in the audit log; the row says only that it is active. */
export async function reactivateStaff(tx: Executor, id: number): Promise<void> {
  await tx.run('UPDATE staff SET active = 1, deactivated_at = NULL, deactivated_by = NULL WHERE id = ?', [id]);
}

/** Records that someone other than the account's owner chose its password (see migration 008). */
export async function markPasswordSetBy(tx: Executor, id: number, by: number, at: string): Promise<void> {
  await tx.run('UPDATE staff SET password_set_by = ?, password_set_at = ? WHERE id = ?', [by, at, id]);
}

/** The owner chose their own password: nobody else knows it any more. */
export async function clearPasswordSetBy(tx: Executor, id: number): Promise<void> {
  await tx.run('UPDATE staff SET password_set_by = NULL, password_set_at = NULL WHERE id = ?', [id]);
}

const passwordSetRow = z.object({ by_id: z.number().int(), by_name: z.string(), at: z.string() });

/** Who else set this account's password and when, while its owner has not changed it since. */
export async function passwordSetByAnother(tx: Pick<Executor, 'get'>, id: number): Promise<{ byId: number; byName: string; at: string } | undefined> {
  const row = await tx.get(
    `SELECT s.password_set_by AS by_id, b.name AS by_name, s.password_set_at AS at
       FROM staff s JOIN staff b ON b.id = s.password_set_by
      WHERE s.id = ? AND s.password_set_by IS NOT NULL AND s.password_set_by <> s.id`,
    [id],
  );
  if (!row) return undefined;
  const r = passwordSetRow.parse(row);
  return { byId: r.by_id, byName: r.by_name, at: r.at };
}
