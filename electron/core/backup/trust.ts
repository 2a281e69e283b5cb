import type { Roster } from '../../../shared/domain/roster';
import type { Executor } from '../db/connection';
import { readVerifiedRoster } from '../integrity/roster';
import type { PersonKeys } from '../vault/person-keys';
import { headerSignedBy, type AnyBackupHeader } from './format';

/**
 * The signing keys the live records have ever given each person (any roster version; null is
 * the recovery code), so a backup signed by anyone else can be told apart without opening it:
 * the test that a backup is one of ours, not one planted from a folder of someone's own.
 */
export type KnownSigners = {
  /** Every signing key the live roster ever gave `signerId`. */
  keysOf(signerId: number | null): readonly string[];
  /** The latest verified live roster (null if none could be read). */
  latest: Roster | null;
};

/**
 * From the live records' verified roster. If it cannot be read at all (damaged records, when a
 * restore is most needed), the signed-in person's own key is still known, so they can at
 * least restore a backup they made themselves.
 */
export async function knownSigners(db: Pick<Executor, 'all'>, self: { id: number; keys: PersonKeys }): Promise<KnownSigners> {
  const known = new Map<number | null, Set<string>>();
  const add = (signerId: number | null, signKey: string) => known.set(signerId, (known.get(signerId) ?? new Set<string>()).add(signKey));
  add(self.id, self.keys.publicKeys.sign);
  const { versions } = await readVerifiedRoster(db).catch(() => ({ versions: [] }));
  for (const { roster } of versions) {
    if (roster.recovery) add(null, roster.recovery.sign);
    for (const member of roster.members) if (member.sign) add(member.id, member.sign);
  }
  return { keysOf: (signerId) => [...(known.get(signerId) ?? [])], latest: versions[versions.length - 1]?.roster ?? null };
}

/**
 * Whether a backup's header is signed by a key the live records gave its signer. Only the
 * header is checked (its records are not opened): enough to decide which files count as our
 * backups when old ones are removed, never enough to restore one (restore checks everything).
 */
export function signedByKnown(header: AnyBackupHeader, known: KnownSigners): boolean {
  return header.format === 2 && known.keysOf(header.signerId).some((key) => headerSignedBy(header, key));
}
