import type { DetailRow } from '../../../../shared/forms/entry-details';
import { SummaryRows } from '../../components/SummaryRows';

/** A viewing log as entryDetailRows lays it out: the departures from the guidance first. */
export function ViewingLogDetails({ rows, warnings }: { rows: readonly DetailRow[]; warnings: readonly string[] }) {
  return (
    <>
      {warnings.length > 0 ? (
        <ul className="warning-list" aria-label="Departures from the guidance">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <SummaryRows rows={rows.map(({ label, value }) => [label, value] as const)} />
    </>
  );
}
