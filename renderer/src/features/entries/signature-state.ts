import { definitionOf } from '../../../../shared/domain/entries/kinds';
import { closureSignatureCounts } from '../../../../shared/domain/incident-lifecycle';
import type { SignatureMeaning } from '../../../../shared/domain/signatures';
import type { EntryVersion } from '../../../../shared/ipc/contract';

export type AwaitedSignature = { meaning: SignatureMeaning; staffId?: number; role?: string };

/**
 * The signatures on this version that still count: all of them, except a closure's approval
 * given before the incident was last reopened (as completeness and the dashboard decide).
 */
export function countingSignatures(entry: EntryVersion, reopenedAt: string | null): EntryVersion['signatures'] {
  return entry.signatures.filter((s) => entry.kind !== 'closure' || closureSignatureCounts(s.signedAt, reopenedAt));
}

/** The signatures this version still needs: required by its kind, not yet given on this version (or given before a reopening). */
export function awaitedSignatures(entry: EntryVersion, reopenedAt: string | null = null): AwaitedSignature[] {
  const counting = countingSignatures(entry, reopenedAt);
  return definitionOf(entry.kind)
    .requiredSignatures(entry.body)
    .filter((need) => !counting.some((s) => s.meaning === need.meaning && (need.staffId === undefined || s.signerId === need.staffId)));
}
