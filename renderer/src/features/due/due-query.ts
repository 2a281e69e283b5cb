import type { DueFilter, DueOrder } from '../../../../shared/domain/due';

/** The page's sort and filters, kept in the address so Back returns to the list as it was. */
export type DueQuery = { filter: DueFilter; order: DueOrder };

export function dueQueryOf(params: URLSearchParams): DueQuery {
  const owner = params.get('owner');
  const incident = Number(params.get('incident'));
  const filter: DueFilter = {};
  if (owner === 'anyone') filter.owner = 'anyone';
  else if (owner !== null && /^\d+$/.test(owner)) filter.owner = { staffId: Number(owner) };
  if (Number.isInteger(incident) && incident > 0) filter.incidentId = incident;
  return { filter, order: params.get('order') === 'latest' ? 'latest' : 'soonest' };
}

/** The address's search part for a query; the defaults are left out, so the plain /due is the whole list soonest first. */
export function paramsOf(query: DueQuery): URLSearchParams {
  const params = new URLSearchParams();
  const { owner, incidentId } = query.filter;
  if (owner !== undefined) params.set('owner', owner === 'anyone' ? 'anyone' : String(owner.staffId));
  if (incidentId !== undefined) params.set('incident', String(incidentId));
  if (query.order === 'latest') params.set('order', 'latest');
  return params;
}
