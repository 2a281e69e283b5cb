import type { Content } from 'pdfmake/interfaces';
import { formatDateTime } from '../../../shared/domain/dates';
import { ENTRY_KIND_DEFINITIONS } from '../../../shared/domain/entries/kinds';
import { SIGNATURE_MEANINGS } from '../../../shared/domain/signatures';
import { entryDetailRows } from '../../../shared/forms/entry-details';
import type { EntryVersion, Signature } from '../../../shared/domain/read-models/entry-version';
import type { IncidentDetail } from '../../../shared/domain/read-models/incident-detail';
import { entryHeading, keyValueTable, paragraph } from './blocks';

/** Enough of the SHA-256 to match a printed signature to the stored version by eye. */
const HASH_PREFIX_LENGTH = 12;

function signatureLine(s: Signature): string {
  return `${s.signerName} (${s.signerRole}): “${SIGNATURE_MEANINGS[s.meaning]}”. Signed ${formatDateTime(s.signedAt)}. Content hash ${s.contentHash.slice(0, HASH_PREFIX_LENGTH)}`;
}

function metaLine(entry: EntryVersion, supersededBy: EntryVersion | undefined): string {
  const parts = [`Happened ${formatDateTime(entry.occurredAt)}. Recorded by ${entry.authorName} on ${formatDateTime(entry.recordedAt)}.`];
  if (entry.backdated) parts.push('Recorded more than a day after the event.');
  parts.push(`Version ${entry.version}.`);
  if (supersededBy) parts.push(`SUPERSEDED by version ${supersededBy.version}, recorded ${formatDateTime(supersededBy.recordedAt)}.`);
  return parts.join(' ');
}

function versionBlock(entry: EntryVersion, detail: IncidentDetail, supersededBy: EntryVersion | undefined, lead: readonly Content[]): Content[] {
  const label = ENTRY_KIND_DEFINITIONS[entry.kind].label;
  const details = entryDetailRows(entry.kind, entry.body, { people: [...detail.people, ...detail.removedPeople], staff: detail.staff, signatures: entry.signatures });
  const heading: Content[] = [
    ...lead,
    entryHeading(supersededBy ? `${label} — version ${entry.version} (superseded)` : label),
    { text: metaLine(entry, supersededBy), style: 'meta' },
    ...(details?.warnings ?? []).map((w) => paragraph(`Departs from the guidance: ${w}`, 'warning')),
  ];
  const rows: [string, string][] = [
    ...(entry.amendmentReason ? [['Why it was amended', entry.amendmentReason] as [string, string]] : []),
    ...(details === null ? [['Content', 'This version could not be read with the current form. Its stored content is unchanged.'] as [string, string]] : details.rows.map((r): [string, string] => [r.label, r.value])),
    ...(entry.signatures.length === 0 ? [['Signatures', 'Not signed'] as [string, string]] : entry.signatures.map((s): [string, string] => ['Signature', signatureLine(s)])),
  ];
  return keyValueTable(rows, { heading });
}

/**
 * One entry as recorded: its latest version in full, then every earlier version in full,
 * marked superseded, so the printout shows exactly what the database holds. `lead` (a
 * section heading) is kept on the same page as the entry's first rows.
 */
export function entryBlock(versions: readonly EntryVersion[], detail: IncidentDetail, lead: readonly Content[] = []): Content[] {
  const ordered = [...versions].sort((a, b) => b.version - a.version);
  return ordered.flatMap((version, index) => {
    const block = versionBlock(version, detail, index === 0 ? undefined : ordered[index - 1], index === 0 ? lead : []);
    return index === 0 ? block : [{ stack: block, style: 'superseded', margin: [16, 0, 0, 0] }];
  });
}
