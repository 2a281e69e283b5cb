import type { CompletenessInput, LatestEntry } from '../../../shared/domain/completeness';
import { ENTRY_BODY_SCHEMAS } from '../../../shared/domain/entries/kinds';
import { closureSignatureCounts } from '../../../shared/domain/incident-lifecycle';
import { pupilFullName } from '../../../shared/domain/pupils';
import type { EntryRecord, SignatureRecord } from '../db/entry-queries';
import type { PersonRecord } from '../db/incident-queries';

/**
 * Re-reads a stored body with its kind's schema, so the rules see typed, checked data.
 * `reopenedAt`: a closure approved before the incident was last reopened no longer counts.
 */
export function latestEntry(entry: EntryRecord, signatures: readonly SignatureRecord[], reopenedAt: string | null = null): LatestEntry {
  const body: unknown = ENTRY_BODY_SCHEMAS[entry.kind].parse(entry.body);
  // The schema just parsed is the one for `entry.kind`, so kind and body belong together.
  return {
    kind: entry.kind,
    body,
    occurredAt: entry.occurredAt,
    signatures: signatures
      .filter((s) => s.entryId === entry.id && (entry.kind !== 'closure' || closureSignatureCounts(s.signedAt, reopenedAt)))
      .map((s) => ({ meaning: s.meaning, signerId: s.signerId })),
  } as LatestEntry;
}

export function completenessInput(
  incident: CompletenessInput['incident'] & { reopenedAt?: string | null },
  people: readonly PersonRecord[],
  entries: readonly EntryRecord[],
  signatures: readonly SignatureRecord[],
  staff: readonly { id: number; name: string }[],
  today?: string,
): CompletenessInput {
  return {
    ...(today === undefined ? {} : { today }),
    incident,
    pupils: people.flatMap((p) => (p.pupil ? [{ personId: p.id, name: pupilFullName(p.pupil) }] : [])),
    entries: entries.filter((e) => e.latest).map((e) => latestEntry(e, signatures, incident.reopenedAt ?? null)),
    staffName: (id) => staff.find((s) => s.id === id)?.name ?? `staff member ${id}`,
  };
}
