import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChronologyScope } from '../../shared/domain/chronology';
import type { Input, Output } from '../../shared/ipc/contract';
import type { ChronologyRow } from '../../shared/ipc/contract-chronology';
import { createQueryClient } from '../../renderer/src/api/queries';
import { PAGE_SIZE, useChronologyPages } from '../../renderer/src/features/chronology/use-chronology-pages';

const TOTAL = 10_000;
const SCOPE: ChronologyScope = { type: 'school' };
const FILTERS = {};

function row(index: number): ChronologyRow {
  return {
    id: TOTAL - index,
    entryKey: `entry-${TOTAL - index}`,
    version: 1,
    kind: 'initial-review',
    occurredAt: '2026-11-20T09:00:00.000Z',
    recordedAt: '2026-11-20T09:00:00.000Z',
    authorId: 1,
    authorName: 'Dana Testlead',
    incidentId: 1,
    incidentReference: 'YPSI-2026-017',
    incidentTitle: 'Fictional incident',
    incidentStatus: 'open',
    summary: `Entry number ${index} of the fictional log`,
    backdated: false,
    amendmentReason: null,
    signatures: [],
    awaiting: [],
    roles: null,
    pupils: [],
    about: [],
    concernsOnlyOthers: false,
    snippet: null,
  };
}

/** The core's answers: the log as of `snapshot`; a page can be made to fail once. */
let snapshot = 500;
let asked: Input<'chronology.page'>[] = [];
let failOnce = new Set<number>();

beforeEach(() => {
  snapshot = 500;
  asked = [];
  failOnce = new Set();
  window.api = {
    invoke: (channel: string, raw: unknown) => {
      if (channel !== 'chronology.page') return Promise.resolve({ ok: false, error: { code: 'internal', message: `Not answered: ${channel}` } });
      const input = raw as Input<'chronology.page'>;
      asked.push(input);
      const offset = input.offset ?? 0;
      if (failOnce.delete(offset)) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'The page could not be read (fictional).' } });
      const rows = Array.from({ length: Math.min(PAGE_SIZE, TOTAL - offset) }, (_, n) => row(offset + n));
      const value: Output<'chronology.page'> = { rows, total: input.count === false ? null : TOTAL, snapshot: input.snapshot ?? snapshot, terms: [] };
      return Promise.resolve({ ok: true, value });
    },
  };
});

function renderPages() {
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return { client, ...renderHook(() => useChronologyPages(SCOPE, FILTERS), { wrapper }) };
}

describe('the chronology’s pages', () => {
  it('goes straight to the last page, as of the first page’s snapshot, without reading the pages between', async () => {
    const { result } = renderPages();
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    expect(result.current.rowAt(0)?.summary).toBe('Entry number 0 of the fictional log');
    expect(result.current.rowAt(TOTAL - 1)).toBeUndefined();

    act(() => result.current.request([99]));
    await waitFor(() => expect(result.current.rowAt(TOTAL - 1)?.summary).toBe(`Entry number ${TOTAL - 1} of the fictional log`));

    expect(asked.map((input) => input.offset)).toEqual([0, 9_900]);
    expect(asked[1]).toMatchObject({ snapshot: 500, count: false });
  });

  it('asks for a page once, however often the list asks for it', async () => {
    const { result } = renderPages();
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    act(() => result.current.request([0, 1, 1]));
    act(() => result.current.request([1]));
    await waitFor(() => expect(result.current.rowAt(150)).toBeDefined());
    expect(asked.map((input) => input.offset)).toEqual([0, 100]);
  });

  it('says when a page could not be read, and Try again asks for that page alone', async () => {
    failOnce.add(5_000);
    const { result } = renderPages();
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    act(() => result.current.request([50]));
    await waitFor(() => expect(result.current.error?.message).toBe('The page could not be read (fictional).'));
    expect(result.current.rowAt(0)).toBeDefined();

    act(() => result.current.retry());
    await waitFor(() => expect(result.current.rowAt(5_000)?.summary).toBe('Entry number 5000 of the fictional log'));
    expect(result.current.error).toBeNull();
    expect(asked.map((input) => input.offset)).toEqual([0, 5_000, 5_000]);
  });

  it('reads the later pages again under the new snapshot once a write has changed the log', async () => {
    const { client, result } = renderPages();
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    act(() => result.current.request([3]));
    await waitFor(() => expect(result.current.rowAt(300)).toBeDefined());

    snapshot = 501;
    await act(() => client.invalidateQueries({ queryKey: ['chronology.page'] }));
    // The pages read under the old snapshot are set aside; the list asks again for what it shows.
    await waitFor(() => expect(result.current.rowAt(300)).toBeUndefined());
    act(() => result.current.request([3]));
    await waitFor(() => expect(result.current.rowAt(300)).toBeDefined());
    expect(asked.filter((input) => input.offset === 300).at(-1)?.snapshot).toBe(501);
  });
});
