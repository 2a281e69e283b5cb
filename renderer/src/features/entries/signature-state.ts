import { definitionOf } from '../../../../shared/domain/entries/kinds';
import type { SignatureMeaning } from '../../../../shared/domain/signatures';
import type { EntryVersion } from '../../../../shared/ipc/contract';

export type AwaitedSignature = { meaning: SignatureMeaning; staffId?: number; role?: string };

/** The signatures this version still needs: required by its kind, not yet given on this version. */
export function awaitedSignatures(entry: EntryVersion): AwaitedSignature[] {
  return definitionOf(entry.kind)
    .requiredSignatures(entry.body)
    .filter((need) => !entry.signatures.some((s) => s.meaning === need.meaning && (need.staffId === undefined || s.signerId === need.staffId)));
}
