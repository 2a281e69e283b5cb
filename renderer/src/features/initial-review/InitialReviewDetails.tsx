import type { DetailRow } from '../../../../shared/forms/entry-details';
import { SummaryRows } from '../../components/SummaryRows';

/** An initial review as entryDetailRows lays it out: attendees, the five points, the decision. */
export function InitialReviewDetails({ rows }: { rows: readonly DetailRow[] }) {
  return <SummaryRows rows={rows.map(({ label, value }) => [label, value] as const)} />;
}
