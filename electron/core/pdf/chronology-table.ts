import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDateTime } from '../../../shared/domain/dates';
import { ENTRY_KIND_DEFINITIONS } from '../../../shared/domain/entries/kinds';
import { INCIDENT_EVENT_LABELS, incidentEventSummary } from '../../../shared/domain/incident-lifecycle';
import type { EntryVersion } from '../../../shared/domain/read-models/entry-version';
import type { IncidentDetail } from '../../../shared/domain/read-models/incident-detail';
import type { IncidentEventView } from '../../../shared/domain/read-models/incident-history';
import { entryAboutLine } from '../../../shared/forms/entry-about';
import { dataTable, paragraph } from './blocks';

type Row = { entry: EntryVersion; reference: string; people: IncidentDetail['people'] } | { event: IncidentEventView; reference: string };

const rowAt = (row: Row) => ('entry' in row ? row.entry.occurredAt : row.event.at);

function signatureText(entry: EntryVersion): string {
  if (entry.signatures.length === 0) return '—';
  return entry.signatures.map((s) => `${s.signerName}, ${formatDateTime(s.signedAt)}`).join('\n');
}

/**
 * Every version of every entry in the order things happened; an amended entry shows its
 * earlier versions too, marked superseded, because the chronology is the record's history.
 * Corrections of the incident's facts and its closures, reopenings and voiding are rows too,
 * at the time they were made, with who made them and why.
 */
export function chronologyTable(details: readonly IncidentDetail[], options: { withReference: boolean; heading: readonly Content[] }): Content[] {
  const rows: Row[] = details
    .flatMap((d): Row[] => [...d.entries.map((entry) => ({ entry, reference: d.incident.reference, people: d.people })), ...d.history.map((event) => ({ event, reference: d.incident.reference }))])
    .sort((a, b) => rowAt(a).localeCompare(rowAt(b)) || ('entry' in a && 'entry' in b ? a.entry.id - b.entry.id : 0));
  if (rows.length === 0) return [{ stack: [...options.heading, paragraph('Nothing has been recorded yet.', 'note')], unbreakable: true }];

  const body = rows.map((row): TableCell[] => {
    const { reference } = row;
    if ('event' in row) {
      const { event } = row;
      return [
        formatDateTime(event.at),
        ...(options.withReference ? [reference] : []),
        { text: INCIDENT_EVENT_LABELS[event.kind], bold: true },
        incidentEventSummary(event),
        `${event.byName}\n${formatDateTime(event.at)}`,
        '—',
      ];
    }
    const { entry, people } = row;
    // Whom it is about, by name here; the document's redaction then prints withheld children as their labels.
    const about = entryAboutLine(entry.kind, entry.body, people);
    const muted = entry.latest ? {} : { color: '#555555' };
    const what = `${ENTRY_KIND_DEFINITIONS[entry.kind].label}${entry.version > 1 ? ` (version ${entry.version})` : ''}${entry.latest ? '' : '\nSUPERSEDED'}`;
    const recorded = `${entry.authorName}\n${formatDateTime(entry.recordedAt)}${entry.backdated ? '\n(recorded later)' : ''}`;
    const cells: TableCell[] = [
      { text: formatDateTime(entry.occurredAt), ...muted },
      ...(options.withReference ? [{ text: reference, ...muted }] : []),
      { text: what, bold: entry.latest, ...muted },
      { text: `${entry.summary}${about ? `\n${about}.` : ''}${entry.amendmentReason ? `\nAmended because: ${entry.amendmentReason}` : ''}`, ...muted },
      { text: recorded, ...muted },
      { text: signatureText(entry), ...muted },
    ];
    return cells;
  });
  const headers = ['When', ...(options.withReference ? ['Incident'] : []), 'Entry', 'What was recorded', 'Recorded by', 'Signed by'];
  // A reference ("YPSI-2026-001", 60 pt at 9 pt) is never wrapped (text-runs.ts): its column fits it,
  // and a four-digit one still stays within the cell's padding.
  const widths: (number | '*')[] = options.withReference ? [58, 62, 70, '*', 68, 68] : [62, 80, '*', 72, 72];
  return dataTable(headers, body, widths, { heading: options.heading, charsPerLine: 28 });
}
