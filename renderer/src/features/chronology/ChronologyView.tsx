import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { ChronologyScope } from '../../../../shared/domain/chronology';
import type { ChronologyHeader } from '../../../../shared/ipc/contract-chronology';
import { ChronologyList } from './ChronologyList';
import { FiltersForm } from './FiltersForm';
import { useChronologyPages } from './use-chronology-pages';
import { filtersFromParams, isFiltered, paramsFromFilters } from './url-filters';
import './chronology.css';

function countText(total: number, filtered: boolean): string {
  const n = `${total.toLocaleString('en-GB')} ${total === 1 ? 'entry' : 'entries'}`;
  return filtered ? `${n} ${total === 1 ? 'matches' : 'match'} the search and filters` : n;
}

/** Filters, the count and the entries of one chronology; everything chosen lives in the address. */
export function ChronologyView({ scope, header, label, empty }: { scope: ChronologyScope; header: ChronologyHeader; label: string; empty: string }) {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const data = useChronologyPages(scope, filters);
  const filtered = isFiltered(filters);
  const tones = useMemo(() => new Map(header.pupilIncidents.map((incident, n) => [incident.id, n])), [header]);
  const toneOf = useCallback((incidentId: number) => (scope.type === 'pupil' ? (tones.get(incidentId) ?? null) : null), [scope.type, tones]);

  return (
    <>
      <FiltersForm key={params.toString()} scope={scope} header={header} filters={filters} onApply={(next) => setParams(paramsFromFilters(next))} />
      <h2 id="chron-entries-title">Entries</h2>
      <p className="chron-count" role="status">
        {data.error ? '' : data.total === null ? 'Loading entries…' : countText(data.total, filtered)}
      </p>
      {data.error ? (
        <div className="error-summary" role="alert">
          <h3 className="error-summary-title">The entries could not be loaded</h3>
          <p>{data.error.message}</p>
          <button type="button" className="button button-secondary" onClick={data.retry}>
            Try again
          </button>
        </div>
      ) : null}
      {data.total === 0 ? <p>{filtered ? 'No entries match. Try fewer words or filters.' : empty}</p> : null}
      {data.total !== null && data.total > 0 ? (
        <>
          <p className="hint chron-keys" id="chron-keys">
            In the list, use the arrow keys (or j and k) to move between entries, Home and End for the first and last, Enter to open an entry in
            full and Escape to close it.
          </p>
          <ChronologyList key={location.key} scope={scope} data={data} label={label} storageKey={`chronology:${location.key}`} toneOf={toneOf} />
        </>
      ) : null}
    </>
  );
}
