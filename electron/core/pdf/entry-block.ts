import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDateTime } from '../../../shared/domain/dates';
import { ENTRY_KIND_DEFINITIONS } from '../../../shared/domain/entries/kinds';
import { SIGNATURE_MEANINGS } from '../../../shared/domain/signatures';
import { entryDetailRows } from '../../../shared/forms/entry-details';
import type { EntryVersion, IncidentDetail } from '../../../shared/ipc/contract';
import { dataTable, entryHeading, keyValueTable, paragraph } from './blocks';

/** Enough of the SHA-256 to match a printed signature to the stored version by eye. */
export const HASH_PREFIX_LENGTH = 12;

function signaturesBlock(entry: EntryVersion): Content {
  if (entry.signatures.length === 0) return paragraph('Not signed.', 'note');
  const rows = entry.signatures.map((s): TableCell[] => [
    s.signerName,
    s.signerRole,
    SIGNATURE_MEANINGS[s.meaning],
    formatDateTime(s.signedAt),
    { text: s.contentHash.slice(0, HASH_PREFIX_LENGTH), font: 'Roboto', characterSpacing: 0.5 },
  ]);
  return dataTable(['Signed by', 'Role', 'What the signature means', 'Signed', 'Content hash'], rows, [85, 70, '*', 70, 68]);
}

function metaLine(entry: EntryVersion, supersededBy: EntryVersion | undefined): string {
  const parts = [`Happened ${formatDateTime(entry.occurredAt)}. Recorded by ${entry.authorName} on ${formatDateTime(entry.recordedAt)}.`];
  if (entry.backdated) parts.push('Recorded more than a day after the event.');
  parts.push(`Version ${entry.version}.`);
  if (entry.amendmentReason) parts.push(`Amended because: ${entry.amendmentReason}`);
  if (supersededBy) parts.push(`SUPERSEDED by version ${supersededBy.version}, recorded ${formatDateTime(supersededBy.recordedAt)}.`);
  return parts.join(' ');
}

function versionBlock(entry: EntryVersion, detail: IncidentDetail, supersededBy: EntryVersion | undefined): Content[] {
  const label = ENTRY_KIND_DEFINITIONS[entry.kind].label;
  const details = entryDetailRows(entry.kind, entry.body, { people: detail.people, staff: detail.staff });
  const heading = supersededBy ? `${label} — version ${entry.version} (superseded)` : label;
  return [
    entryHeading(heading),
    { text: metaLine(entry, supersededBy), style: 'meta', headlineLevel: 3 },
    ...(details === null
      ? [paragraph('This version could not be read with the current form. Its stored content is unchanged.', 'warning')]
      : [
          ...details.warnings.map((w) => paragraph(`Departs from the guidance: ${w}`, 'warning')),
          keyValueTable(details.rows.map((r) => [r.label, r.value] as const)),
        ]),
    signaturesBlock(entry),
  ];
}

/**
 * One entry as recorded: its latest version in full, then every earlier version in full,
 * marked superseded, so the printout shows exactly what the database holds.
 */
export function entryBlock(versions: readonly EntryVersion[], detail: IncidentDetail): Content[] {
  const ordered = [...versions].sort((a, b) => b.version - a.version);
  return ordered.flatMap((version, index) => {
    const block = versionBlock(version, detail, index === 0 ? undefined : ordered[index - 1]);
    return index === 0 ? block : [{ stack: block, style: 'superseded', margin: [16, 0, 0, 0] }];
  });
}
