import { z } from 'zod';
import { CHRONOLOGY_ORDERS, SIGNATURE_FILTERS, type ChronologyFiltersInput } from '../../../../shared/domain/chronology';
import { isoDate } from '../../../../shared/domain/dates';
import { ENTRY_KINDS } from '../../../../shared/domain/entries/kinds';
import { INCIDENT_STATUSES } from '../../../../shared/domain/incidents';

/**
 * Filters as they appear in the page's address (?q=…&kind=…), so Back and Forward step
 * through them and a filtered view can be returned to. Anything in the address that is
 * not a valid value is ignored rather than refused: it may have been typed or edited.
 */
const PARAMS = {
  q: z.string().max(200),
  kind: z.enum(ENTRY_KINDS),
  from: isoDate,
  to: isoDate,
  author: z.coerce.number().int().positive(),
  signatures: z.enum(SIGNATURE_FILTERS),
  status: z.enum(INCIDENT_STATUSES),
  incident: z.coerce.number().int().positive(),
  backdated: z.literal('1'),
  others: z.literal('leave-out'),
  order: z.enum(CHRONOLOGY_ORDERS),
} as const;

function param<K extends keyof typeof PARAMS>(params: URLSearchParams, key: K): z.output<(typeof PARAMS)[K]> | undefined {
  const raw = params.get(key);
  if (raw === null || raw === '') return undefined;
  const parsed = PARAMS[key].safeParse(raw);
  return parsed.success ? (parsed.data as z.output<(typeof PARAMS)[K]>) : undefined;
}

export function filtersFromParams(params: URLSearchParams): ChronologyFiltersInput {
  const filters: ChronologyFiltersInput = { q: (param(params, 'q') ?? '').trim() };
  const kind = param(params, 'kind');
  if (kind) filters.kind = kind;
  let from = param(params, 'from');
  let to = param(params, 'to');
  // Dates the wrong way round in an address are read the right way round.
  if (from && to && from > to) [from, to] = [to, from];
  if (from) filters.from = from;
  if (to) filters.to = to;
  const author = param(params, 'author');
  if (author) filters.authorId = author;
  const signatures = param(params, 'signatures');
  if (signatures) filters.signatures = signatures;
  const status = param(params, 'status');
  if (status) filters.status = status;
  const incident = param(params, 'incident');
  if (incident) filters.incidentId = incident;
  if (param(params, 'backdated')) filters.backdated = true;
  if (param(params, 'others')) filters.leaveOutOthers = true;
  const order = param(params, 'order');
  if (order) filters.order = order;
  return filters;
}

export function paramsFromFilters(filters: ChronologyFiltersInput): URLSearchParams {
  const params = new URLSearchParams();
  const q = (filters.q ?? '').trim();
  if (q) params.set('q', q);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.authorId) params.set('author', String(filters.authorId));
  if (filters.signatures) params.set('signatures', filters.signatures);
  if (filters.status) params.set('status', filters.status);
  if (filters.incidentId) params.set('incident', String(filters.incidentId));
  if (filters.backdated) params.set('backdated', '1');
  if (filters.leaveOutOthers) params.set('others', 'leave-out');
  if (filters.order) params.set('order', filters.order);
  return params;
}

/** Whether anything narrows the list (the order does not). */
export function isFiltered(filters: ChronologyFiltersInput): boolean {
  const { order: _order, ...rest } = filters;
  return paramsFromFilters(rest).size > 0;
}
