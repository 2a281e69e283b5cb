import type { RosterMember } from '../../../shared/domain/roster';
import { appendAudit } from '../audit/audit-log';
import type { Database, Executor } from '../db/connection';
import { listStaff } from '../db/staff-queries';
import { PROTECTED_TABLE_NAMES, protectedRows, PROTECTED_TABLES } from '../db/protected-rows';
import { AppError } from '../errors';
import type { PersonKeys } from '../vault/person-keys';
import { appendRoster, readVerifiedRoster, rosterFromStaffTable, withMember, type RosterVersion } from './roster';
import { rowStateHash, stateKey } from './row-state';

const ALTERED =
  'The signed list of staff and roles in these records has been altered, so no one’s roles can be trusted. Nothing has been changed. Ask your IT technician to restore the records from the newest good backup.';

/**
 * At sign-in: the verified roster, the member signing in as it has them, and what is wrong.
 * Records from before signing began get their first roster here, from the first DSL to sign
 * in; a member without keys adds their own (both rules in shared/domain/roster.ts).
 */
export async function establishRoster(
  db: Database,
  staffId: number,
  keys: PersonKeys,
  now: Date,
): Promise<{ member: RosterMember; roster: RosterVersion | null; problems: string[] }> {
  const { versions, problems: chainProblems } = await readVerifiedRoster(db);
  if (chainProblems.length > 0) throw new AppError('damaged', ALTERED);
  let latest = versions[versions.length - 1] ?? null;
  if (!latest) {
    if (!db.writable) return legacyMember(db, staffId);
    latest = await beginSigning(db, staffId, keys, now);
  }
  let member = latest.roster.members.find((m) => m.id === staffId);
  if (!member) throw new AppError('bad_credentials', 'The username or password is not right.');
  if (member.sign === null && db.writable) {
    const enrolled: RosterMember = { ...member, sign: keys.publicKeys.sign, box: keys.publicKeys.box };
    latest = await db.transaction(async (tx) => {
      const next = await appendRoster(tx, latest, withMember(latest!.roster, enrolled), { id: staffId, keys }, now);
      await appendAudit(tx, { action: 'roster.key-added', actorId: staffId, at: now, subjectType: 'staff', subjectId: staffId });
      return next;
    });
    member = enrolled;
  } else if (member.sign !== keys.publicKeys.sign) {
    throw new AppError(
      'conflict',
      'Your signing key does not match the one these records hold for you, so you cannot sign in. Ask a DSL to reset your password.',
    );
  }
  return { member, roster: latest, problems: await staffTableProblems(db, latest) };
}

/** The staff table is a copy for lists and names; where it differs from the signed roster, the roster holds. */
async function staffTableProblems(db: Pick<Executor, 'all'>, roster: RosterVersion): Promise<string[]> {
  const problems: string[] = [];
  const members = new Map(roster.roster.members.map((m) => [m.id, m]));
  for (const row of await listStaff(db)) {
    const member = members.get(row.id);
    if (!member) {
      problems.push(`The staff list holds an account (id ${row.id}) that the signed roster does not: it cannot sign in or sign anything.`);
      continue;
    }
    const differs: string[] = [];
    if (JSON.stringify([...row.roles].sort()) !== JSON.stringify([...member.roles].sort())) differs.push('roles');
    if (row.active !== member.active) differs.push('whether the account is active');
    if (row.name !== member.name || row.username !== member.username) differs.push('name or username');
    if (differs.length > 0) {
      problems.push(
        `The staff list was changed outside the app for ${member.name} (${differs.join(', ')}): the signed roster is used instead. Run Verify to see every change.`,
      );
    }
  }
  return problems;
}

/** A damaged database from before signing began: read-only, roles as its staff table has them. */
async function legacyMember(db: Database, staffId: number): Promise<{ member: RosterMember; roster: null; problems: string[] }> {
  const row = (await listStaff(db)).find((s) => s.id === staffId);
  if (!row) throw new AppError('bad_credentials', 'The username or password is not right.');
  return { member: { ...row, sign: null, box: null }, roster: null, problems: [] };
}

/**
 * The first roster of records made before signing began, signed by the first DSL to sign in,
 * and one audit row vouching for every protected row as it stands (the baseline): from here
 * on, any change that is not the app's own shows.
 */
async function beginSigning(db: Database, staffId: number, keys: PersonKeys, now: Date): Promise<RosterVersion> {
  return db.transaction(async (tx) => {
    const roster = await rosterFromStaffTable(tx, null);
    const self = roster.members.find((m) => m.id === staffId);
    if (!self?.active || !self.roles.includes('dsl')) {
      throw new AppError(
        'conflict',
        'These records were made by an earlier version of this app. A DSL must sign in first after the update, to begin signing the records; then everyone else can sign in.',
      );
    }
    const first = await appendRoster(tx, null, withMember(roster, { ...self, sign: keys.publicKeys.sign, box: keys.publicKeys.box }), { id: staffId, keys }, now);
    const baselineStates: Record<string, string> = {};
    for (const table of PROTECTED_TABLE_NAMES) {
      if (table === 'roster') continue;
      for await (const page of protectedRows(tx, table)) {
        for (const row of page) baselineStates[stateKey(table, String(row[PROTECTED_TABLES[table]]))] = rowStateHash(table, row);
      }
    }
    await appendAudit(tx, { action: 'integrity.started', actorId: staffId, at: now, baselineStates });
    return first;
  });
}
