import { access, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PRACTICE_MARK } from '../../../shared/domain/practice';
import { appendAudit } from '../audit/audit-log';
import { dataFolder, type DataFolder } from '../context';
import type { Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { writeSetting } from '../db/settings-queries';
import { findStaffByUsername, insertStaff } from '../db/staff-queries';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { appendRoster, changeRosterMember } from '../integrity/roster';
import { openSettlingRekey } from '../integrity/rekey';
import { signerFor } from '../session/open-session';
import { emptyFailureLogText } from '../session/login-throttle';
import type { StaffMember } from '../../../shared/domain/staff';
import { newDataKey, newRecoveryCode, type PasswordUnlock } from '../vault/keyslots';
import { newPersonKeys } from '../vault/person-keys';
import { newStewardSecret, resealForRecords, STEWARD_NAME, STEWARD_USERNAME, stewardSecretByRecords, writePracticeAccess } from './practice-access';

/** The practice folder sits beside the school's own, never inside it (so no backup of the one holds the other). */
export function practiceFolderFor(dataDir: string): DataFolder {
  return dataFolder(`${resolve(dataDir)}-practice`);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function openPracticeDatabase(folder: DataFolder, dataKey: Buffer, create: boolean): Promise<Database> {
  const { db } = await openSettlingRekey(folder.paths.database, folder.keyslots, { dataKey: Buffer.from(dataKey) }, { create });
  try {
    await migrate(db);
    await db.trackChanges();
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Makes the practice folder the first time anyone opens practice: its own random data key, the
 * steward as its first DSL (practice-access.ts), the mark as its school name. Its recovery code
 * is thrown away: the way back in is the school's own records (the steward's secret).
 */
async function createPracticeFolder(folder: DataFolder, recordsKey: Buffer, lockMinutes: number, at: Date): Promise<void> {
  await mkdir(folder.paths.dataDir, { recursive: true, mode: 0o700 });
  if (await exists(folder.paths.database)) {
    throw new AppError('conflict', 'The practice folder holds a practice database but no key file. Move the practice folder elsewhere to start practice afresh.');
  }
  const dataKey = newDataKey();
  const secret = newStewardSecret();
  const keys = newPersonKeys();
  const recoveryKeys = newPersonKeys();
  const db = await openPracticeDatabase(folder, dataKey, true);
  let stewardId: number;
  try {
    stewardId = await db.transaction(async (tx) => {
      await writeSetting(tx, 'schoolName', PRACTICE_MARK);
      await writeSetting(tx, 'schoolUrn', '000000');
      await writeSetting(tx, 'lockMinutes', String(lockMinutes));
      const steward = await insertStaff(tx, { name: STEWARD_NAME, username: STEWARD_USERNAME, roles: ['dsl'], createdAt: at.toISOString(), createdBy: null });
      db.setSigner(signerFor(steward.id, keys));
      const member = { id: steward.id, username: steward.username, name: steward.name, roles: steward.roles, active: true, ...keys.publicKeys };
      await appendRoster(tx, null, { members: [member], recovery: recoveryKeys.publicKeys }, { id: steward.id, keys }, at);
      await appendAudit(tx, { action: 'setup', actorId: steward.id, at, subjectType: 'staff', subjectId: steward.id });
      return steward.id;
    });
  } finally {
    await db.close();
  }
  await writeFileAtomic(folder.paths.loginFailures, emptyFailureLogText());
  await writePracticeAccess(folder.paths.dataDir, secret, recordsKey, dataKey);
  // Written last, as at set-up: the key file's presence is what "made" means.
  await folder.keyslots.create(dataKey, { staffId: stewardId, username: STEWARD_USERNAME, password: secret, keys }, { code: newRecoveryCode(), keys: recoveryKeys });
  dataKey.fill(0);
}

/**
 * The person's own slot in the practice folder, as a DSL there, signed onto the practice roster
 * by the steward: the first time they practise, or after their password changed in the school's
 * records (their old practice slot no longer opens with it, so it is replaced with new keys).
 */
async function addPracticeMember(folder: DataFolder, recordsKey: Buffer, person: StaffMember, password: string, at: Date): Promise<void> {
  const secret = await stewardSecretByRecords(folder.paths.dataDir, recordsKey);
  if (secret === null) {
    throw new AppError(
      'conflict',
      'The practice records were made under an earlier key of the school’s records. Ask a colleague who has practised before to open practice mode once; then you can open it too.',
    );
  }
  const steward = await folder.keyslots.unlockWithPassword(STEWARD_USERNAME, secret);
  if (!steward.ok) throw new AppError('damaged', 'The practice folder’s key file is damaged. Move the practice folder elsewhere to start practice afresh.');
  const db = await openPracticeDatabase(folder, steward.dataKey, false);
  try {
    db.setSigner(signerFor(steward.staffId, steward.keys));
    const keys = newPersonKeys();
    await db.transaction(async (tx) => {
      const known = await findStaffByUsername(tx, person.username);
      const member = known ?? (await insertStaff(tx, { name: person.name, username: person.username, roles: ['dsl'], createdAt: at.toISOString(), createdBy: steward.staffId }));
      await changeRosterMember(tx, { id: steward.staffId, keys: steward.keys }, member.id, () => ({ id: member.id, name: member.name, username: member.username, roles: ['dsl'], active: true, ...keys.publicKeys }), at);
      await appendAudit(tx, { action: known ? 'password.reset' : 'staff.added', actorId: steward.staffId, at, subjectType: 'staff', subjectId: member.id, details: { roles: ['dsl'] } });
      await folder.keyslots.setStaffSlot(steward.dataKey, { staffId: member.id, username: member.username, password, keys });
    });
  } finally {
    await db.close();
    steward.dataKey.fill(0);
  }
}

/**
 * Opens the practice folder's key with this person's own password, making the folder or their
 * slot in it first where needed. The school's data key (`recordsKey`) is only read, never stored here.
 */
export async function unlockPractice(
  folder: DataFolder,
  recordsKey: Buffer,
  person: StaffMember,
  password: string,
  settings: { lockMinutes: number; at: Date },
): Promise<Extract<PasswordUnlock, { ok: true }>> {
  if (!(await folder.keyslots.exists())) await createPracticeFolder(folder, recordsKey, settings.lockMinutes, settings.at);
  let attempt = await folder.keyslots.unlockWithPassword(person.username, password);
  if (!attempt.ok) {
    await addPracticeMember(folder, recordsKey, person, password, settings.at);
    attempt = await folder.keyslots.unlockWithPassword(person.username, password);
    if (!attempt.ok) throw new AppError('damaged', 'Your practice key slot could not be opened. Move the practice folder elsewhere to start practice afresh.');
  }
  await resealForRecords(folder.paths.dataDir, recordsKey, attempt.dataKey);
  return attempt;
}
