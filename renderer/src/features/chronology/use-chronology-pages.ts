import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChronologyFiltersInput, ChronologyScope } from '../../../../shared/domain/chronology';
import type { ChronologyRow } from '../../../../shared/ipc/contract-chronology';
import type { IpcError } from '../../../../shared/ipc/result';
import { call } from '../../api/client';

export const PAGE_SIZE = 100;

/** The page a row is on. */
export function pageOf(index: number): number {
  return Math.floor(index / PAGE_SIZE);
}

type Pages = {
  /** The query these pages answer; a different query starts from nothing. */
  key: string;
  total: number | null;
  snapshot: number | null;
  terms: string[];
  pages: ReadonlyMap<number, ChronologyRow[]>;
  error: IpcError | null;
};

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

/**
 * A chronology fetched a page at a time as rows come into view: the first page counts the
 * matches and fixes the snapshot; later pages are taken as of that snapshot, so rows
 * recorded meanwhile do not shift the pages under the reader.
 */
export function useChronologyPages(scope: ChronologyScope, filters: ChronologyFiltersInput): ChronologyPages {
  const key = JSON.stringify({ scope, filters });
  const [state, setState] = useState<Pages>({ key: '', total: null, snapshot: null, terms: [], pages: new Map(), error: null });
  const [attempt, setAttempt] = useState(0);
  const inFlight = useRef(new Set<string>());

  useEffect(() => {
    let current = true;
    const { scope: s, filters: f } = JSON.parse(key) as { scope: ChronologyScope; filters: ChronologyFiltersInput };
    void call('chronology.page', { scope: s, filters: f, offset: 0, limit: PAGE_SIZE }).then((result) => {
      if (!current) return;
      setState(
        result.ok
          ? { key, total: result.value.total, snapshot: result.value.snapshot, terms: result.value.terms, pages: new Map([[0, result.value.rows]]), error: null }
          : { key, total: null, snapshot: null, terms: [], pages: new Map(), error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const ready = state.key === key ? state : null;
  const snapshot = ready?.snapshot ?? null;
  const loaded = ready?.pages;

  const request = useCallback(
    (pages: readonly number[]) => {
      if (snapshot === null || !loaded) return;
      const { scope: s, filters: f } = JSON.parse(key) as { scope: ChronologyScope; filters: ChronologyFiltersInput };
      for (const page of pages) {
        const flight = `${key}#${page}`;
        if (loaded.has(page) || inFlight.current.has(flight)) continue;
        inFlight.current.add(flight);
        void call('chronology.page', { scope: s, filters: f, offset: page * PAGE_SIZE, limit: PAGE_SIZE, snapshot, count: false }).then((result) => {
          inFlight.current.delete(flight);
          setState((prev) => {
            if (prev.key !== key) return prev;
            if (!result.ok) return { ...prev, error: result.error };
            return { ...prev, pages: new Map(prev.pages).set(page, result.value.rows) };
          });
        });
      }
    },
    [key, snapshot, loaded],
  );

  const rowAt = useCallback((index: number) => loaded?.get(pageOf(index))?.[index % PAGE_SIZE], [loaded]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { total: ready?.total ?? null, terms: ready?.terms ?? [], error: ready?.error ?? null, rowAt, request, retry };
}
