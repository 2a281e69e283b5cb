import { useState, type FormEvent } from 'react';
import {
  CHRONOLOGY_ORDER_LABELS,
  CHRONOLOGY_ORDERS,
  defaultOrder,
  SIGNATURE_FILTER_LABELS,
  SIGNATURE_FILTERS,
  type ChronologyFiltersInput,
  type ChronologyScope,
} from '../../../../shared/domain/chronology';
import { ENTRY_KIND_DEFINITIONS, ENTRY_KINDS } from '../../../../shared/domain/entries/kinds';
import type { ChronologyHeader } from '../../../../shared/ipc/contract-chronology';
import { filtersFromParams, isFiltered, paramsFromFilters } from './url-filters';

/** The form's own copy of the filters: every field a string, as inputs hold them. */
type Draft = {
  q: string;
  kind: string;
  from: string;
  to: string;
  author: string;
  signatures: string;
  status: string;
  incident: string;
  backdated: boolean;
  leaveOutOthers: boolean;
  order: string;
};

function draftOf(filters: ChronologyFiltersInput): Draft {
  return {
    q: filters.q ?? '',
    kind: filters.kind ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
    author: filters.authorId ? String(filters.authorId) : '',
    signatures: filters.signatures ?? '',
    status: filters.status ?? '',
    incident: filters.incidentId ? String(filters.incidentId) : '',
    backdated: filters.backdated ?? false,
    leaveOutOthers: filters.leaveOutOthers ?? false,
    order: filters.order ?? '',
  };
}

/** Through the same reading as the address, so a filter applied and a filter typed in the URL mean the same. */
function filtersOf(draft: Draft): ChronologyFiltersInput {
  const { backdated, leaveOutOthers, ...fields } = draft;
  const params = new URLSearchParams(Object.entries(fields).filter(([, v]) => v !== ''));
  if (backdated) params.set('backdated', '1');
  if (leaveOutOthers) params.set('others', 'leave-out');
  return filtersFromParams(params);
}

function Select({
  id,
  label,
  value,
  onChange,
  options,
  wide = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly { value: string; label: string }[];
  wide?: boolean;
}) {
  return (
    <div className={`form-group chron-filter${wide ? ' chron-filter-wide' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Search and filters. Applied together with the button (or Enter in any field), which
 * puts them in the address: each applied set is a step Back can return to.
 */
export function FiltersForm({
  scope,
  header,
  filters,
  onApply,
}: {
  scope: ChronologyScope;
  header: ChronologyHeader;
  filters: ChronologyFiltersInput;
  onApply: (filters: ChronologyFiltersInput) => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(filters));
  const [dateError, setDateError] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setDateError('The “to” date must be the same as or after the “from” date');
      document.getElementById('chron-to')?.focus();
      return;
    }
    setDateError(null);
    onApply(filtersOf(draft));
  }

  const order = draft.order || defaultOrder(scope);
  return (
    <form className="chron-filters" role="search" aria-label="Find entries" onSubmit={submit} noValidate>
      <div className="form-group chron-search">
        <label className="label" htmlFor="chron-q">
          Search
        </label>
        <div className="hint" id="chron-q-hint">
          Words in entries or incident titles, in any form (“blackmail” also finds “blackmailed”), pupils’ names or incident references; every word must match
        </div>
        <input
          id="chron-q"
          className="input"
          type="search"
          value={draft.q}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="chron-q-hint"
          onChange={(event) => set('q')(event.target.value)}
        />
      </div>
      <div className="chron-filter-grid">
        <Select
          id="chron-kind"
          label="Kind of entry"
          value={draft.kind}
          onChange={set('kind')}
          options={[{ value: '', label: 'Any kind' }, ...ENTRY_KINDS.map((k) => ({ value: k, label: ENTRY_KIND_DEFINITIONS[k].label }))]}
        />
        <div className="form-group chron-filter">
          <label className="label" htmlFor="chron-from">
            Happened from
          </label>
          <input id="chron-from" className="input" type="date" value={draft.from} onChange={(event) => set('from')(event.target.value)} />
        </div>
        <div className={`form-group chron-filter${dateError ? ' form-group-error' : ''}`}>
          <label className="label" htmlFor="chron-to">
            Happened to
          </label>
          {dateError ? (
            <p className="field-error" id="chron-to-error">
              <span className="visually-hidden">Error:</span> {dateError}
            </p>
          ) : null}
          <input
            id="chron-to"
            className={`input${dateError ? ' input-error' : ''}`}
            type="date"
            value={draft.to}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? 'chron-to-error' : undefined}
            onChange={(event) => set('to')(event.target.value)}
          />
        </div>
        <Select
          id="chron-author"
          label="Recorded by"
          value={draft.author}
          onChange={set('author')}
          options={[{ value: '', label: 'Anyone' }, ...header.authors.map((a) => ({ value: String(a.id), label: a.active ? a.name : `${a.name} (no longer active)` }))]}
        />
        <Select
          id="chron-signatures"
          label="Signatures"
          value={draft.signatures}
          onChange={set('signatures')}
          options={[{ value: '', label: 'Signed or not' }, ...SIGNATURE_FILTERS.map((s) => ({ value: s, label: SIGNATURE_FILTER_LABELS[s] }))]}
        />
        {scope.type !== 'incident' ? (
          <Select
            id="chron-status"
            label="Incident status"
            value={draft.status}
            onChange={set('status')}
            options={[
              { value: '', label: 'Open or closed' },
              { value: 'open', label: 'Open' },
              { value: 'closed', label: 'Closed' },
            ]}
          />
        ) : null}
        {scope.type === 'pupil' && header.pupilIncidents.length > 1 ? (
          <Select
            id="chron-incident"
            wide
            label="Incident"
            value={draft.incident}
            onChange={set('incident')}
            options={[{ value: '', label: 'All their incidents' }, ...header.pupilIncidents.map((i) => ({ value: String(i.id), label: `${i.reference}: ${i.title}` }))]}
          />
        ) : null}
        <Select
          id="chron-order"
          wide
          label="Order"
          value={order}
          onChange={(value) => set('order')(value === defaultOrder(scope) ? '' : value)}
          options={CHRONOLOGY_ORDERS.map((o) => ({ value: o, label: CHRONOLOGY_ORDER_LABELS[o] }))}
        />
      </div>
      <div className="button-group chron-filter-actions">
        <div className="checkbox chron-backdated-filter">
          <input id="chron-backdated" type="checkbox" checked={draft.backdated} onChange={(event) => set('backdated')(event.target.checked)} />
          <label htmlFor="chron-backdated">Only backdated entries (recorded more than a day after they happened)</label>
        </div>
        {scope.type === 'pupil' ? (
          <div className="checkbox chron-backdated-filter">
            <input id="chron-others" type="checkbox" checked={draft.leaveOutOthers} onChange={(event) => set('leaveOutOthers')(event.target.checked)} />
            <label htmlFor="chron-others">Leave out entries that concern only other children or people</label>
          </div>
        ) : null}
        <button type="submit" className="button">
          Apply filters
        </button>
        {isFiltered(filters) || paramsFromFilters(filtersOf(draft)).size > 0 ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              const cleared = { q: '', ...(filters.order ? { order: filters.order } : {}) };
              setDraft(draftOf(cleared));
              setDateError(null);
              onApply(cleared);
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
