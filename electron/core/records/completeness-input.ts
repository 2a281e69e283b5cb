import type { CompletenessInput, LatestEntry } from '../../../shared/domain/completeness';
import { ENTRY_BODY_SCHEMAS } from '../../../shared/domain/entries/kinds';
import { pupilFullName } from '../../../shared/domain/pupils';
import type { EntryRecord, SignatureRecord } from '../db/entry-queries';
import type { PersonRecord } from '../db/incident-queries';

/** Re-reads a stored body with its kind's schema, so the rules see typed, checked data. */
export function latestEntry(entry: EntryRecord, signatures: readonly SignatureRecord[]): LatestEntry {
  const body: unknown = ENTRY_BODY_SCHEMAS[entry.kind].parse(entry.body);
  // The schema just parsed is the one for `entry.kind`, so kind and body belong together.
  return {
    kind: entry.kind,
    body,
    occurredAt: entry.occurredAt,
    signatures: signatures.filter((s) => s.entryId === entry.id).map((s) => ({ meaning: s.meaning, signerId: s.signerId })),
  } as LatestEntry;
}

export function completenessInput(
  incident: { kind: string; policeMatter: boolean },
  people: readonly PersonRecord[],
  entries: readonly EntryRecord[],
  signatures: readonly SignatureRecord[],
  staff: readonly { id: number; name: string }[],
): CompletenessInput {
  return {
    incident,
    pupils: people.flatMap((p) => (p.pupil ? [{ personId: p.id, name: pupilFullName(p.pupil) }] : [])),
    entries: entries.filter((e) => e.latest).map((e) => latestEntry(e, signatures)),
    staffName: (id) => staff.find((s) => s.id === id)?.name ?? `staff member ${id}`,
  };
}
