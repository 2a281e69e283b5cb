import type { Role } from './staff';

/**
 * The roster: who works with these records, in which roles, whether their account is
 * active, and the public half of each person's signing and sealing keys. Every version of
 * it is signed (decision 0017), and the roles in force are the latest verified version's,
 * never the staff table's, which anyone holding the data key could edit.
 */
export type RosterMember = {
  id: number;
  username: string;
  name: string;
  roles: Role[];
  active: boolean;
  /** Base64 Ed25519 public key; null for an account that has not signed in since signing began. */
  sign: string | null;
  box: string | null;
};

export type Roster = { members: RosterMember[]; recovery: { sign: string; box: string } | null };

/** Who signed a roster version: a member of staff, or the school's recovery code. */
export type RosterSigner = { kind: 'staff'; id: number } | { kind: 'recovery' };

function byId(roster: Roster): Map<number, RosterMember> {
  return new Map(roster.members.map((m) => [m.id, m]));
}

function activeDsl(roster: Roster, id: number): boolean {
  const member = byId(roster).get(id);
  return member !== undefined && member.active && member.roles.includes('dsl');
}

/**
 * Only a member's keys changed (what recovery or a person's first signed sign-in does). The
 * recovery keys may be added where there were none: records from before signing began have
 * a recovery slot whose keys are made the first time the code is used.
 */
function onlyKeysOf(prev: Roster, next: Roster, id: number | null, recoveryMayBeAdded = false): boolean {
  const recoverySame = JSON.stringify(prev.recovery) === JSON.stringify(next.recovery);
  if (!recoverySame && !(recoveryMayBeAdded && prev.recovery === null && next.recovery !== null)) return false;
  const before = byId(prev);
  const after = byId(next);
  if (before.size !== after.size) return false;
  for (const [memberId, member] of after) {
    const old = before.get(memberId);
    if (!old) return false;
    const same =
      old.username === member.username &&
      old.name === member.name &&
      JSON.stringify(old.roles) === JSON.stringify(member.roles) &&
      old.active === member.active &&
      (memberId === id || (old.sign === member.sign && old.box === member.box));
    if (!same) return false;
  }
  return true;
}

/**
 * Why a roster version may not follow the one before, or null if it may. The rules:
 * - the first version is signed by an active DSL it names;
 * - any change is signed by a DSL who was active in the version before;
 * - the recovery code may change one member's keys and nothing else (a password reset
 *   with the school's code gives that person new keys);
 * - a member who had no keys may add their own and nothing else (their first sign-in after
 *   signing began), signed by the keys they add;
 * - a member may replace their own keys and nothing else, signed by the keys they replace
 *   (their first own password after someone else set one: the keys that person made are retired).
 */
export function rosterChangeRefusal(prev: Roster | null, next: Roster, signer: RosterSigner, signerSignKey: string | null): string | null {
  if (prev === null) {
    return signer.kind === 'staff' && activeDsl(next, signer.id) ? null : 'the first roster is not signed by a DSL it names';
  }
  if (signer.kind === 'staff' && activeDsl(prev, signer.id)) return null;
  if (signer.kind === 'recovery') {
    const changed = next.members.filter((m) => {
      const old = byId(prev).get(m.id);
      return old && (old.sign !== m.sign || old.box !== m.box);
    });
    return changed.length <= 1 && onlyKeysOf(prev, next, changed[0]?.id ?? null, true) ? null : 'the recovery code may only give one person new keys';
  }
  const self = byId(prev).get(signer.id);
  const enrolled = byId(next).get(signer.id);
  if (self && self.active && onlyKeysOf(prev, next, signer.id)) {
    // First keys: signed by the keys added. New keys: signed by the keys they replace.
    if (self.sign === null ? enrolled?.sign === signerSignKey : self.sign === signerSignKey) return null;
  }
  return 'it is signed by someone who was not an active DSL';
}

/**
 * A staff row with the roles and access the signed roster gives that person: the table is a
 * copy for names and lists, and where it differs the roster holds (decision 0017).
 */
export function inForce<T extends { roles: Role[]; active: boolean }>(row: T, member: RosterMember | undefined): T {
  return member ? { ...row, roles: member.roles, active: member.active } : row;
}
