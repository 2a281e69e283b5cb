import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChronologyScope } from '../../shared/domain/chronology';
import { PAGE_SIZE, useChronologyPages } from '../../renderer/src/features/chronology/use-chronology-pages';
import { refusal } from './support/fake-api';
import { chronologyRows } from './support/fixtures';
import { renderHookWithApp } from './support/render-with-app';

const TOTAL = 10_000;
const SCOPE: ChronologyScope = { type: 'school' };
const FILTERS = {};

/**
 * The pages of a log of TOTAL entries as the core reads them, as of `snapshot` (later, a write
 * can move it on); a page whose offset is in `failOnce` cannot be read the first time it is asked for.
 */
function renderPages({ failOnce = new Set<number>() }: { failOnce?: Set<number> } = {}) {
  const log = { snapshot: 500 };
  const rendered = renderHookWithApp(() => useChronologyPages(SCOPE, FILTERS), {
    api: {
      'chronology.page': (input) => {
        const { offset } = input;
        if (failOnce.delete(offset)) return refusal({ code: 'internal', message: 'The page could not be read (fictional).' });
        const rows = chronologyRows(Math.min(PAGE_SIZE, TOTAL - offset), offset);
        return { ok: true, value: { rows, total: input.count === false ? null : TOTAL, snapshot: input.snapshot ?? log.snapshot, terms: [] } };
      },
    },
  });
  const asked = () => rendered.api.inputsOf('chronology.page');
  return { ...rendered, log, asked };
}

describe('the chronology’s pages', () => {
  it('goes straight to the last page, as of the first page’s snapshot, without reading the pages between', async () => {
    const { result, asked } = renderPages();
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    expect(result.current.rowAt(0)?.summary).toBe('Entry number 1 of the incident');
    expect(result.current.rowAt(TOTAL - 1)).toBeUndefined();

    act(() => result.current.request([99]));
    await waitFor(() => expect(result.current.rowAt(TOTAL - 1)?.summary).toBe(`Entry number ${TOTAL} of the incident`));

    expect(asked().map((input) => input.offset)).toEqual([0, 9_900]);
    expect(asked()[1]).toMatchObject({ snapshot: 500, count: false });
  });

  it('asks for a page once, however often the list asks for it', async () => {
    const { result, asked } = renderPages();
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    act(() => result.current.request([0, 1, 1]));
    act(() => result.current.request([1]));
    await waitFor(() => expect(result.current.rowAt(150)).toBeDefined());
    expect(asked().map((input) => input.offset)).toEqual([0, 100]);
  });

  it('says when a page could not be read, and Try again asks for that page alone', async () => {
    const { result, asked } = renderPages({ failOnce: new Set([5_000]) });
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    act(() => result.current.request([50]));
    await waitFor(() => expect(result.current.error?.message).toBe('The page could not be read (fictional).'));
    expect(result.current.rowAt(0)).toBeDefined();

    act(() => result.current.retry());
    await waitFor(() => expect(result.current.rowAt(5_000)?.summary).toBe('Entry number 5001 of the incident'));
    expect(result.current.error).toBeNull();
    expect(asked().map((input) => input.offset)).toEqual([0, 5_000, 5_000]);
  });

  it('reads the later pages again under the new snapshot once a write has changed the log', async () => {
    const { client, result, log, asked } = renderPages();
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    act(() => result.current.request([3]));
    await waitFor(() => expect(result.current.rowAt(300)).toBeDefined());

    log.snapshot = 501;
    await act(() => client.invalidateQueries({ queryKey: ['chronology.page'] }));
    // The pages read under the old snapshot are set aside; the list asks again for what it shows.
    await waitFor(() => expect(result.current.rowAt(300)).toBeUndefined());
    act(() => result.current.request([3]));
    await waitFor(() => expect(result.current.rowAt(300)).toBeDefined());
    expect(asked().filter((input) => input.offset === 300).at(-1)?.snapshot).toBe(501);
  });
});
