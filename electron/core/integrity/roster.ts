import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { rosterChangeRefusal, type Roster, type RosterMember, type RosterSigner } from '../../../shared/domain/roster';
import { ROLES } from '../../../shared/domain/staff';
import type { Executor } from '../db/connection';
import { insertRosterRow, rosterRows, type RosterRow } from '../db/roster-queries';
import { listStaff } from '../db/staff-queries';
import { signBytes, verifyBytes, type PersonKeys } from '../vault/person-keys';
import { GENESIS_HASH } from '../../../shared/domain/audit';
import { AppError } from '../errors';

const publicKeys = z.object({ sign: z.string(), box: z.string() });
const member = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  sign: z.string().nullable(),
  box: z.string().nullable(),
});

/** A verified version of the roster, and where it sits in the chain. */
export type RosterVersion = { version: number; hash: string; at: string; signerId: number | null; roster: Roster };

/** One finding about the roster chain, naming the version. */
export type RosterProblem = { version: number; problem: string };

function hashOf(row: Omit<RosterRow, 'hash' | 'signature'>): string {
  const { version, at, signer_id, members, recovery, prev_hash } = row;
  return createHash('sha256').update(canonicalJson({ version, at, signer_id, members, recovery, prev_hash })).digest('hex');
}

function parseRoster(row: RosterRow): Roster | null {
  try {
    const members = z.array(member).safeParse(JSON.parse(row.members));
    const recovery = publicKeys.nullable().safeParse(JSON.parse(row.recovery));
    return members.success && recovery.success ? { members: members.data, recovery: recovery.data } : null;
  } catch {
    return null;
  }
}

function signerOf(row: RosterRow): RosterSigner {
  return row.signer_id === null ? { kind: 'recovery' } : { kind: 'staff', id: row.signer_id };
}

/** The key that must have made a version's signature: the signer's in the version before, or their own new one. */
function signingKeyFor(prev: Roster | null, next: Roster, signer: RosterSigner): string | null {
  if (signer.kind === 'recovery') return prev?.recovery?.sign ?? next.recovery?.sign ?? null;
  const before = prev?.members.find((m) => m.id === signer.id);
  if (before?.sign) return before.sign;
  return next.members.find((m) => m.id === signer.id)?.sign ?? null;
}

/**
 * Every version checked in order: its hash, its link to the one before, its signature by a
 * key the version before trusted, and that its signer could make that change. The roster
 * in force is the last version that passed: nothing after a bad version is trusted.
 */
export async function readVerifiedRoster(db: Pick<Executor, 'all'>): Promise<{ versions: RosterVersion[]; problems: RosterProblem[] }> {
  const versions: RosterVersion[] = [];
  let prev = null as RosterVersion | null;
  for (const row of await rosterRows(db)) {
    const fail = (problem: string) => ({ versions, problems: [{ version: row.version, problem }] });
    const roster = parseRoster(row);
    if (!roster) return fail('it cannot be read');
    if (row.version !== (prev?.version ?? 0) + 1) return fail(`version ${(prev?.version ?? 0) + 1} is missing`);
    if (row.prev_hash !== (prev?.hash ?? GENESIS_HASH)) return fail('it does not link to the version before it');
    if (hashOf(row) !== row.hash) return fail('its content does not match its hash');
    const signer = signerOf(row);
    const key = signingKeyFor(prev?.roster ?? null, roster, signer);
    if (!key || !verifyBytes(key, row.hash, row.signature)) return fail('its signature does not match the key of the person it names');
    const refusal = rosterChangeRefusal(prev?.roster ?? null, roster, signer, key);
    if (refusal) return fail(refusal);
    prev = { version: row.version, hash: row.hash, at: row.at, signerId: row.signer_id, roster };
    versions.push(prev);
  }
  return { versions, problems: [] };
}

/** Signs and appends the roster that follows `prev`. Inside the change's transaction, before its audit row. */
export async function appendRoster(
  tx: Executor,
  prev: RosterVersion | null,
  next: Roster,
  signer: { id: number | null; keys: PersonKeys },
  at: Date,
): Promise<RosterVersion> {
  const members = [...next.members].sort((a, b) => a.id - b.id);
  const content = {
    version: (prev?.version ?? 0) + 1,
    at: at.toISOString(),
    signer_id: signer.id,
    members: canonicalJson(members),
    recovery: canonicalJson(next.recovery),
    prev_hash: prev?.hash ?? GENESIS_HASH,
  };
  const hash = hashOf(content);
  await insertRosterRow(tx, { ...content, hash, signature: signBytes(signer.keys, hash) });
  return { version: content.version, hash, at: content.at, signerId: signer.id, roster: { members, recovery: next.recovery } };
}

/** The latest verified version, or null when there is none yet (records from before signing began). */
export async function currentRoster(db: Pick<Executor, 'all'>): Promise<RosterVersion | null> {
  const { versions } = await readVerifiedRoster(db);
  return versions[versions.length - 1] ?? null;
}

/** The roster with one member changed (or added). */
export function withMember(roster: Roster, change: RosterMember): Roster {
  const others = roster.members.filter((m) => m.id !== change.id);
  return { ...roster, members: [...others, change].sort((a, b) => a.id - b.id) };
}

/**
 * The first roster of records made before signing began: the staff table as it stands,
 * with no one's keys but the signer's (each person adds their own at their next sign-in).
 */
export async function rosterFromStaffTable(tx: Pick<Executor, 'all'>, recovery: Roster['recovery']): Promise<Roster> {
  const staff = await listStaff(tx);
  return {
    members: staff.map((s) => ({ id: s.id, username: s.username, name: s.name, roles: s.roles, active: s.active, sign: null, box: null })),
    recovery,
  };
}

/**
 * One member's entry changed (or added) in a new roster version signed by `signer`, inside the
 * change's transaction. The version before is read and verified here, in the same transaction,
 * so the rule that only a DSL changes the roster is checked where the write happens.
 */
export async function changeRosterMember(
  tx: Executor,
  signer: { id: number | null; keys: PersonKeys },
  memberId: number,
  change: (member: RosterMember | undefined) => RosterMember,
  at: Date,
  /** The recovery code's keys, when it signs and the roster does not have them yet (records from before signing began). */
  recovery?: Roster['recovery'],
): Promise<RosterVersion> {
  const { versions, problems } = await readVerifiedRoster(tx);
  const prev = versions[versions.length - 1];
  if (!prev || problems.length > 0) throw new Error('The signed roster could not be verified; no change was made.');
  const changed = withMember(prev.roster, change(prev.roster.members.find((m) => m.id === memberId)));
  const next = signer.id === null && prev.roster.recovery === null && recovery ? { ...changed, recovery } : changed;
  const refusal = rosterChangeRefusal(prev.roster, next, signer.id === null ? { kind: 'recovery' } : { kind: 'staff', id: signer.id }, signer.keys.publicKeys.sign);
  if (refusal) throw new AppError('forbidden', 'Only an active DSL can change who has access or their roles.');
  return appendRoster(tx, prev, next, signer, at);
}

/**
 * A member of staff as the latest verified roster has them (roles, active), for the rules
 * that decide whether a write is allowed. Undefined if the roster does not name them; throws
 * if the roster does not verify, so no decision is ever made on an altered one.
 */
export async function rosterMember(db: Pick<Executor, 'all'>, id: number): Promise<RosterMember | undefined> {
  const { versions, problems } = await readVerifiedRoster(db);
  if (problems.length > 0) throw new AppError('damaged', 'The signed list of staff and roles has been altered, so nothing can be signed or changed. Run Verify and restore from a backup.');
  return versions[versions.length - 1]?.roster.members.find((m) => m.id === id);
}

/** Active DSLs in the latest verified roster other than `exceptId`. */
export async function otherActiveDsls(db: Pick<Executor, 'all'>, exceptId: number): Promise<number> {
  const { versions } = await readVerifiedRoster(db);
  return versions[versions.length - 1]?.roster.members.filter((m) => m.id !== exceptId && m.active && m.roles.includes('dsl')).length ?? 0;
}

/**
 * The recovery code's public keys replaced in a new roster version signed by `signer` (a DSL),
 * inside the change's transaction: the sibling of changeRosterMember for a new recovery code.
 * The roster is read and verified in the same transaction, so only a DSL in force can do it.
 */
export async function changeRosterRecovery(
  tx: Executor,
  signer: { id: number; keys: PersonKeys },
  recovery: NonNullable<Roster['recovery']>,
  at: Date,
): Promise<RosterVersion> {
  const { versions, problems } = await readVerifiedRoster(tx);
  const prev = versions[versions.length - 1];
  if (!prev || problems.length > 0) throw new Error('The signed roster could not be verified; no change was made.');
  const next: Roster = { ...prev.roster, recovery: { sign: recovery.sign, box: recovery.box } };
  const refusal = rosterChangeRefusal(prev.roster, next, { kind: 'staff', id: signer.id }, signer.keys.publicKeys.sign);
  if (refusal) throw new AppError('forbidden', 'Only an active DSL can replace the recovery code.');
  return appendRoster(tx, prev, next, signer, at);
}
