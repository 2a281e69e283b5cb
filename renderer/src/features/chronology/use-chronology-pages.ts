import { useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ChronologyFiltersInput, ChronologyScope } from '../../../../shared/domain/chronology';
import type { Input, Output } from '../../../../shared/ipc/contract';
import type { ChronologyRow } from '../../../../shared/ipc/contract-chronology';
import type { IpcError } from '../../../../shared/ipc/result';
import { loadedOf, readKey, readOrThrow } from '../../api/queries';

export const PAGE_SIZE = 100;

/** The page a row is on. */
export function pageOf(index: number): number {
  return Math.floor(index / PAGE_SIZE);
}

export type ChronologyPages = {
  /** Null until the first page has answered. */
  total: number | null;
  terms: string[];
  error: IpcError | null;
  rowAt: (index: number) => ChronologyRow | undefined;
  /** Asks for the pages holding these rows, unless they are here or on their way. */
  request: (pages: readonly number[]) => void;
  retry: () => void;
};

type PageInput = Input<'chronology.page'>;

/** The pages asked for under one query and snapshot. */
type Asked = { for: string; pages: readonly number[] };

const NO_PAGES: readonly number[] = [];

/** Adds the pages not yet asked for (the first page is its own query); the same object when there are none, so nothing re-renders. */
function withPages(prev: Asked, askedFor: string, wanted: readonly number[]): Asked {
  const current = prev.for === askedFor ? prev.pages : NO_PAGES;
  const added = [...new Set(wanted)].filter((page) => page !== 0 && !current.includes(page));
  if (added.length === 0 && prev.for === askedFor) return prev;
  return { for: askedFor, pages: [...current, ...added] };
}

/** A later page, read as of the first page's snapshot. */
function laterPage(scope: ChronologyScope, filters: ChronologyFiltersInput, snapshot: number, page: number): PageInput {
  return { scope, filters, offset: page * PAGE_SIZE, limit: PAGE_SIZE, snapshot, count: false };
}

/** The later pages' rows in the order asked for, and the first refusal among them; module-level so TanStack Query can keep the result while nothing changes. */
function laterPages(results: readonly UseQueryResult<Output<'chronology.page'>>[]): { rows: (ChronologyRow[] | undefined)[]; error: IpcError | null } {
  const failed = results.map((query) => loadedOf(query)).find((loaded) => loaded.state === 'error');
  return { rows: results.map((query) => query.data?.rows), error: failed?.state === 'error' ? failed.error : null };
}

/**
 * A chronology fetched a page at a time as rows come into view: the first page counts the
 * matches and fixes the snapshot; later pages are taken as of that snapshot, so rows
 * recorded meanwhile do not shift the pages under the reader. Each page is its own query
 * (keyed by its input, snapshot included), not one infinite query: the keyboard's End goes
 * straight to the last of 10,000 rows, and an infinite query reaches a page only through
 * every page before it (decision 0018).
 */
export function useChronologyPages(scope: ChronologyScope, filters: ChronologyFiltersInput): ChronologyPages {
  const client = useQueryClient();
  const firstInput = useMemo<PageInput>(() => ({ scope, filters, offset: 0, limit: PAGE_SIZE }), [scope, filters]);
  const first = useQuery({ queryKey: readKey('chronology.page', firstInput), queryFn: () => readOrThrow('chronology.page', firstInput) });
  const firstLoaded = loadedOf(first);
  const head = firstLoaded.state === 'ready' ? firstLoaded.value : null;
  const snapshot = head?.snapshot ?? null;

  // The pages asked for so far, for this query and snapshot only: another starts from nothing.
  const askedFor = JSON.stringify([firstInput, snapshot]);
  const [asked, setAsked] = useState<Asked>({ for: askedFor, pages: NO_PAGES });
  const pages = asked.for === askedFor ? asked.pages : NO_PAGES;

  const later = useQueries({
    queries:
      snapshot === null
        ? []
        : pages.map((page) => {
            const input = laterPage(scope, filters, snapshot, page);
            return { queryKey: readKey('chronology.page', input), queryFn: () => readOrThrow('chronology.page', input) };
          }),
    combine: laterPages,
  });

  const rowsByPage = useMemo(() => {
    const byPage = new Map<number, ChronologyRow[]>();
    if (head) byPage.set(0, head.rows);
    later.rows.forEach((rows, n) => {
      if (rows) byPage.set(pages[n]!, rows);
    });
    return byPage;
  }, [head, pages, later.rows]);

  // Only the list asks, and it is drawn once the first page has answered.
  const request = useCallback((wanted: readonly number[]) => setAsked((prev) => withPages(prev, askedFor, wanted)), [askedFor, setAsked]);

  const rowAt = useCallback((index: number) => rowsByPage.get(pageOf(index))?.[index % PAGE_SIZE], [rowsByPage]);

  const error = firstLoaded.state === 'error' ? firstLoaded.error : later.error;

  const retry = useCallback(() => {
    // What failed is asked again; what arrived stays on screen meanwhile, as the reader left it.
    void client.refetchQueries({ queryKey: ['chronology.page'], predicate: (query) => query.state.status === 'error' });
  }, [client]);

  return { total: head?.total ?? null, terms: head?.terms ?? [], error, rowAt, request, retry };
}
