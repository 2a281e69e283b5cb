import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { commandLineRefusal } from '../../../shared/domain/command-line';
import { inForce } from '../../../shared/domain/roster';
import type { Executor } from '../db/connection';
import { findStaffById } from '../db/staff-queries';
import { AppError } from '../errors';
import { openSettlingRekey } from '../integrity/rekey';
import { KeyslotStore, type Unlocked } from '../vault/keyslots';
import type { Database } from '../db/connection';
import { establishRoster } from '../integrity/session-roster';
import { readVerifiedRoster } from '../integrity/roster';
import { hasRosterTable } from '../db/roster-queries';
import { signerFor } from '../session/open-session';
import type { PersonKeys } from '../vault/person-keys';

/** A member of staff's sign-in, or the school's recovery code. */
export type Credentials = { username: string; password: string } | { recoveryCode: string };

/**
 * The data key from a keyslots file. Wrong credentials → AppError('bad_credentials');
 * a damaged file → KeyslotsDamagedError (its message says so). The caller zeroes the key.
 */
export async function unlockDataKey(keyslotsFile: string, credentials: Credentials): Promise<Buffer> {
  const store = new KeyslotStore(keyslotsFile);
  if ('recoveryCode' in credentials) {
    const unlocked = await store.unlockWithRecoveryCode(credentials.recoveryCode);
    if (!unlocked) throw new AppError('bad_credentials', 'That recovery code does not open these records.');
    return settledKey(store, unlocked);
  }
  const unlocked = await store.unlockWithPassword(credentials.username, credentials.password);
  if (!unlocked.ok) throw new AppError('bad_credentials', 'That username and password do not open these records.');
  return settledKey(store, unlocked);
}

/**
 * A member of staff's data key, id and keys, so what they do from the command line is
 * attributed to them and signed by them.
 */
export async function unlockStaff(keyslotsFile: string, username: string, password: string): Promise<{ dataKey: Buffer; staffId: number; keys: PersonKeys }> {
  const unlocked = await new KeyslotStore(keyslotsFile).unlockWithPassword(username, password);
  if (!unlocked.ok) throw new AppError('bad_credentials', 'That username and password do not open these records.');
  const store = new KeyslotStore(keyslotsFile);
  return { dataKey: await settledKey(store, unlocked), staffId: unlocked.staffId, keys: unlocked.keys };
}

/**
 * The command line signing in as the DSL whose password was typed, on an open database: every
 * row it writes is signed by them (as in the app), and their role is the signed roster's,
 * not only the staff table's (records from before signing began get their roster here, as
 * at the app's sign-in). Throws AppError('forbidden') for anyone but an active DSL.
 */
export async function signInForCommandLine(db: Database, staffId: number, keys: PersonKeys, action: 'back up' | 'restore' | 'verify', now: Date): Promise<void> {
  // The staff table first, so that no one else's sign-in writes anything (a roster enrolment).
  await requireDslForCommandLine(db, staffId, action);
  if (db.writable) await db.trackChanges();
  db.setSigner(signerFor(staffId, keys));
  const { member } = await establishRoster(db, staffId, keys, now);
  const refusal = commandLineRefusal(member, action);
  if (refusal) throw new AppError('forbidden', refusal);
}

/**
 * The key in force when a re-key was interrupted (the key file holds a staged next key): the
 * records.db beside the key file decides, as at sign-in (integrity/rekey.ts). Without a
 * database there (a restore writes the key file first) the current key is the one.
 */
async function settledKey(store: KeyslotStore, unlocked: Pick<Unlocked, 'dataKey' | 'nextDataKey'>): Promise<Buffer> {
  if (!unlocked.nextDataKey) return unlocked.dataKey;
  const database = join(dirname(store.path), 'records.db');
  if (!(await stat(database).then((s) => s.isFile(), () => false))) {
    unlocked.nextDataKey.fill(0);
    return unlocked.dataKey;
  }
  const { db, dataKey } = await openSettlingRekey(database, store, unlocked);
  await db.close();
  return dataKey;
}

/** Whether `dir` is missing or an empty folder: the only places a restore or new folder may go. */
export async function isMissingOrEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return true;
    throw error;
  }
}

/**
 * The command line's role check, after unlocking (issue 16): backup, restore and verify
 * need an active DSL in the records themselves. Throws AppError('forbidden') otherwise.
 */
export async function requireDslForCommandLine(db: Pick<Executor, 'get' | 'all'>, staffId: number, action: 'back up' | 'restore' | 'verify'): Promise<void> {
  const row = await findStaffById(db, staffId);
  const refusal = commandLineRefusal(row, action);
  if (refusal) throw new AppError('forbidden', refusal);
  // Both must say DSL: the staff table, and the signed roster wherever signing has begun
  // (decision 0017), so one UPDATE of the table gives no one the command line.
  if (!row || !(await hasRosterTable(db))) return;
  const { versions, problems } = await readVerifiedRoster(db);
  const latest = versions[versions.length - 1];
  // An altered roster decides nothing: the table's answer stands, and Verify names the change.
  if (!latest || problems.length > 0) return;
  const member = latest.roster.members.find((m) => m.id === staffId);
  const rosterRefusal = commandLineRefusal(member ? inForce(row, member) : undefined, action);
  if (rosterRefusal) throw new AppError('forbidden', rosterRefusal);
}
