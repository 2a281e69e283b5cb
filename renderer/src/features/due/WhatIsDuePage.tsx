import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../../../shared/domain/dates';
import { dueWords, filterDue, sortDue } from '../../../../shared/domain/due';
import type { DueItem, WhatIsDue } from '../../../../shared/ipc/contract';
import { useRead } from '../../api/queries';
import { useCan } from '../../app/use-can';
import { useSession } from '../../app/session-context';
import { SelectField } from '../../components/fields';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { dueQueryOf, paramsOf, type DueQuery } from './due-query';
import { MarkDoneForm } from './MarkDoneForm';

const LINK_WORDS: Record<DueItem['kind'], string> = {
  action: 'Open the action',
  deletion: 'Record the confirmation',
  signature: 'Sign on the incident',
  review: 'Record the review',
  device: 'Record its handover or return',
  backup: 'Go to Backups',
  transfer: 'Open the transfer',
};

function DueRow({ item, today }: { item: DueItem; today: string }) {
  const canMark = useCan('entries.revise');
  const [marking, setMarking] = useState(false);
  return (
    <tr className={item.overdue ? 'due-overdue' : undefined}>
      <td>
        {item.what}
        {marking && item.action ? <MarkDoneForm item={item} action={item.action} today={today} onClose={() => setMarking(false)} /> : null}
      </td>
      <td>{item.incidentId === null ? '—' : <Link className="reference" to={`/incidents/${item.incidentId}`}>{item.reference}</Link>}</td>
      <td>{item.ownerWords}</td>
      <td>
        {item.overdue ? <strong>Overdue: </strong> : null}
        {dueWords(item, formatDate)}
      </td>
      <td className="table-actions">
        <Link to={item.link} aria-label={`${LINK_WORDS[item.kind]}: ${item.what}`}>
          {LINK_WORDS[item.kind]}
        </Link>
        {item.action && canMark && !marking ? (
          <button type="button" className="button button-secondary button-small" aria-label={`Mark done: ${item.what}`} onClick={() => setMarking(true)}>
            Mark done
          </button>
        ) : null}
      </td>
    </tr>
  );
}

function DueList({ data, query, setQuery }: { data: WhatIsDue; query: DueQuery; setQuery: (query: DueQuery) => void }) {
  const { user } = useSession().status;
  const shown = sortDue(filterDue(data.items, query.filter, data.staff), query.order);
  const incidents = [...new Map(data.items.flatMap((i) => (i.incidentId === null ? [] : [[i.incidentId, i.reference ?? ''] as const]))).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const owner = query.filter.owner;
  const ownerValue = owner === undefined ? '' : owner === 'anyone' ? 'anyone' : String(owner.staffId);
  const nextOrder = query.order === 'soonest' ? 'latest' : 'soonest';
  return (
    <>
      <form className="filters" aria-label="Filter what is due" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="due-owner"
          label="Whose"
          placeholder="Everyone’s"
          options={[{ value: 'anyone', label: 'Anyone’s (no one named)' }, ...data.staff.filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.id === user.id ? `${s.name} (you)` : s.name }))]}
          value={ownerValue}
          onChange={(v) => setQuery({ ...query, filter: { ...query.filter, owner: v === '' ? undefined : v === 'anyone' ? 'anyone' : { staffId: Number(v) } } })}
        />
        <SelectField
          name="due-incident"
          label="Incident"
          placeholder="All open incidents"
          options={incidents.map(([id, reference]) => ({ value: String(id), label: reference }))}
          value={query.filter.incidentId === undefined ? '' : String(query.filter.incidentId)}
          onChange={(v) => setQuery({ ...query, filter: { ...query.filter, incidentId: v === '' ? undefined : Number(v) } })}
        />
      </form>
      <p>
        <Link to={`/due?${paramsOf({ ...query, filter: { ...query.filter, owner: { staffId: user.id } } }).toString()}`}>Show only what is yours</Link>
      </p>
      {shown.length === 0 ? (
        <p>Nothing is due{query.filter.owner !== undefined || query.filter.incidentId !== undefined ? ' for this choice' : ''}.</p>
      ) : (
        <table className="table" aria-label="What is due">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Incident</th>
              <th scope="col">Who</th>
              <th scope="col" aria-sort={query.order === 'soonest' ? 'ascending' : 'descending'}>
                <button type="button" className="button-link" onClick={() => setQuery({ ...query, order: nextOrder })}>
                  Due {query.order === 'soonest' ? '(soonest first)' : '(latest first)'}
                </button>
              </th>
              <th scope="col">Where it is done</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <DueRow key={item.key} item={item} today={data.today} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** /due: every action and deadline across the open incidents, sorted and filtered through the address. */
export function WhatIsDuePage() {
  const loaded = useRead('due.list', {});
  const [params, setParams] = useSearchParams();
  const query = dueQueryOf(params);
  return (
    <>
      <PageHeading>What is due</PageHeading>
      <p className="lead">Every action and deadline on the open incidents: actions, deletions to be confirmed, signatures awaited, review dates, devices held and backups.</p>
      <LoadState loaded={loaded}>{(data) => <DueList data={data} query={query} setQuery={(next) => setParams(paramsOf(next))} />}</LoadState>
    </>
  );
}
