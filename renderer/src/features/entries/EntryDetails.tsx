import { entryDetailRows } from '../../../../shared/forms/entry-details';
import type { EntryVersion, IncidentDetail } from '../../../../shared/ipc/contract';
import { SummaryRows } from '../../components/SummaryRows';
import { InitialReviewDetails } from '../initial-review/InitialReviewDetails';
import { ViewingLogDetails } from '../viewing-log/ViewingLogDetails';

const UNREADABLE = <p>This entry could not be read.</p>;

/** The whole body of one version, laid out for reading (shared/forms/entry-details, as the PDFs print it). */
export function EntryDetails({ entry, detail }: { entry: EntryVersion; detail: IncidentDetail }) {
  const details = entryDetailRows(entry.kind, entry.body, { people: [...detail.people, ...detail.removedPeople], staff: detail.staff, signatures: entry.signatures });
  if (!details) return UNREADABLE;
  if (entry.kind === 'viewing-log') return <ViewingLogDetails rows={details.rows} warnings={details.warnings} />;
  if (entry.kind === 'initial-review') return <InitialReviewDetails rows={details.rows} />;
  return <SummaryRows rows={details.rows.map(({ label, value }) => [label, value] as const)} />;
}
