import { screen, within } from '@testing-library/react';
import { aPerson, type Person } from '../support/user';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChronologyList } from '../../../renderer/src/features/chronology/ChronologyList';
import type { ChronologyPages } from '../../../renderer/src/features/chronology/use-chronology-pages';
import type { ChronologyRow } from '../../../shared/ipc/contract-chronology';
import { chronologyEntry, chronologyRows, INCIDENT_ID } from '../support/fixtures';
import { layOutFeed } from '../support/layout';
import { renderWithApp } from '../support/render-with-app';

const LABEL = 'Entries of YPSI-2026-007';
const ACTION_BODY = { about: [], type: 'education', description: 'Talked with the Year 10 pupils about consent and sharing images.', dueOn: '', completedOn: '' };

/** The pages as the chronology's query hands them over: `loaded` rows have arrived, the rest are on their way. */
function pagesOf(rows: ChronologyRow[], total = rows.length, request: ChronologyPages['request'] = () => {}): ChronologyPages {
  // Built apart from the return, so the list's data can gain fields without this fixture failing to compile.
  const pages = { total, terms: [], error: null, rowAt: (index: number) => rows[index], request, retry: () => {} };
  return pages;
}

/** The list as a chronology page shows it; `storageKey` is where it remembers the reader's place for Back. */
function renderChronology(data: ChronologyPages, rows: ChronologyRow[], storageKey = 'chronology:test') {
  const entryOf = new Map(rows.map((row) => [row.id, row]));
  return renderWithApp(
    <>
      <button type="button">Filters</button>
      <ChronologyList scope={{ type: 'incident', incidentId: INCIDENT_ID }} data={data} label={LABEL} storageKey={storageKey} toneOf={() => null} />
    </>,
    {
      api: {
        'chronology.entry': ({ entryId }) => {
          const row = entryOf.get(entryId);
          return row ? { ok: true, value: chronologyEntry(row, ACTION_BODY) } : { ok: false, error: { code: 'not_found', message: 'No such entry' } };
        },
      },
    },
  );
}

/** The row with focus, by its place in the feed as a screen reader announces it ("3 of 30"). */
function focusedPlace(): string {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || focused.tagName !== 'ARTICLE') return `not a row: ${focused?.tagName ?? 'nothing'}`;
  return `${focused.getAttribute('aria-posinset')} of ${focused.getAttribute('aria-setsize')}`;
}

function row(place: number): HTMLElement {
  const found = within(screen.getByRole('feed', { name: LABEL }))
    .getAllByRole('article')
    .find((article) => article.getAttribute('aria-posinset') === String(place));
  if (!found) throw new Error(`Row ${place} is not drawn`);
  return found;
}

async function onFirstRow(user: Person) {
  await user.click(screen.getByRole('button', { name: 'Filters' }));
  await user.tab();
}

beforeEach(() => {
  // Each test starts with no remembered place: the list saves one whenever it goes away.
  sessionStorage.clear();
  layOutFeed({ viewportPx: 600, rowPx: 120 });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the chronology’s keyboard model', () => {
  const rows = chronologyRows(30);

  it('is one stop in the tab order: Tab reaches the first entry, named by its kind and date', async () => {
    const user = aPerson();
    renderChronology(pagesOf(rows), rows);
    await onFirstRow(user);
    expect(focusedPlace()).toBe('1 of 30');
    expect(document.activeElement).toBe(screen.getByRole('article', { name: /^Action\s*, 1 Sept? 2026, 10:00$/ }));
  });

  it('arrow keys, and j and k, move from entry to entry, and stop at the ends', async () => {
    const user = aPerson();
    renderChronology(pagesOf(rows), rows);
    await onFirstRow(user);
    await user.keyboard('{ArrowDown}');
    expect(focusedPlace()).toBe('2 of 30');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(focusedPlace()).toBe('4 of 30');
    await user.keyboard('{ArrowUp}');
    expect(focusedPlace()).toBe('3 of 30');
    await user.keyboard('j');
    expect(focusedPlace()).toBe('4 of 30');
    await user.keyboard('kkkkkk');
    expect(focusedPlace()).toBe('1 of 30');
    await user.keyboard('{ArrowUp}');
    expect(focusedPlace()).toBe('1 of 30');
  });

  it('Home and End go to the first and last entries, drawn even when far out of view', async () => {
    const user = aPerson();
    renderChronology(pagesOf(rows), rows);
    await onFirstRow(user);
    await user.keyboard('{End}');
    expect(focusedPlace()).toBe('30 of 30');
    expect(document.activeElement).toBe(screen.getByRole('article', { name: /, 30 Sept? 2026, 10:00$/ }));
    await user.keyboard('{ArrowDown}');
    expect(focusedPlace()).toBe('30 of 30');
    await user.keyboard('{Home}');
    expect(focusedPlace()).toBe('1 of 30');
  });

  it('Page Down and Page Up move ten entries at a time, as far as the ends', async () => {
    const user = aPerson();
    renderChronology(pagesOf(rows), rows);
    await onFirstRow(user);
    await user.keyboard('{PageDown}');
    expect(focusedPlace()).toBe('11 of 30');
    await user.keyboard('{PageDown}{PageDown}');
    expect(focusedPlace()).toBe('30 of 30');
    await user.keyboard('{PageUp}');
    expect(focusedPlace()).toBe('20 of 30');
    await user.keyboard('{PageUp}{PageUp}');
    expect(focusedPlace()).toBe('1 of 30');
  });

  it('an entry clicked becomes the current one, and the keys carry on from it', async () => {
    const user = aPerson();
    renderChronology(pagesOf(rows), rows);
    await user.click(within(row(7)).getByText('Entry number 7 of the incident'));
    expect(focusedPlace()).toBe('7 of 30');
    await user.keyboard('{ArrowDown}');
    expect(focusedPlace()).toBe('8 of 30');
  });

  it('Enter opens the entry in full in place, keeping focus on it; Escape closes it', async () => {
    const user = aPerson();
    const { api } = renderChronology(pagesOf(rows), rows);
    await onFirstRow(user);
    const toggle = within(row(1)).getByRole('button', { name: /Show the full record/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await user.keyboard('{Enter}');
    expect(await within(row(1)).findByText(ACTION_BODY.description)).toBeTruthy();
    expect(within(row(1)).getByRole('button', { name: /Hide the full record/ }).getAttribute('aria-expanded')).toBe('true');
    expect(api.inputsOf('chronology.entry')).toEqual([{ entryId: rows[0]?.id }]);
    expect(focusedPlace()).toBe('1 of 30');

    await user.keyboard('{Escape}');
    expect(within(row(1)).queryByText(ACTION_BODY.description)).toBeNull();
    expect(within(row(1)).getByRole('button', { name: /Show the full record/ }).getAttribute('aria-expanded')).toBe('false');
    expect(focusedPlace()).toBe('1 of 30');
  });

  it('an open entry stays open while the reader moves on, and Enter on it again closes it', async () => {
    const user = aPerson();
    renderChronology(pagesOf(rows), rows);
    await onFirstRow(user);
    await user.keyboard('{Enter}');
    await within(row(1)).findByText(ACTION_BODY.description);
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(within(row(1)).getByText(ACTION_BODY.description)).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(within(row(1)).queryByText(ACTION_BODY.description)).toBeNull();
  });

  it('inside an open entry, the arrow keys belong to its links and buttons, not the list', async () => {
    const user = aPerson();
    renderChronology(pagesOf(rows), rows);
    await onFirstRow(user);
    await user.keyboard('{Enter}');
    await within(row(1)).findByText(ACTION_BODY.description);
    const hide = within(row(1)).getByRole('button', { name: /Hide the full record/ });
    hide.focus();
    await user.keyboard('{ArrowDown}{End}');
    expect(document.activeElement).toBe(hide);
  });
});

describe('coming back to the chronology', () => {
  it('the entries the reader opened are still open', async () => {
    const user = aPerson();
    const rows = chronologyRows(30);
    const first = renderChronology(pagesOf(rows), rows, 'chronology:back-test');
    await onFirstRow(user);
    await user.keyboard('{ArrowDown>6/}{Enter}');
    expect(focusedPlace()).toBe('7 of 30');
    await within(row(7)).findByText(ACTION_BODY.description);
    first.unmount();

    renderChronology(pagesOf(rows), rows, 'chronology:back-test');
    expect(await within(row(7)).findByText(ACTION_BODY.description)).toBeTruthy();
    expect(within(row(7)).getByRole('button', { name: /Hide the full record/ }).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('entries still on their way', () => {
  it('a row whose page has not arrived is announced as loading, and its page is asked for', async () => {
    const user = aPerson();
    const firstPage = chronologyRows(100);
    const request = vi.fn<ChronologyPages['request']>();
    renderChronology(pagesOf(firstPage, 250, request), firstPage);
    await onFirstRow(user);
    await user.keyboard('{End}');
    expect(focusedPlace()).toBe('250 of 250');
    expect(screen.getByRole('article', { name: 'Entry 250, loading' }).getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('feed', { name: LABEL }).getAttribute('aria-busy')).toBe('true');
    expect(request.mock.calls.some(([pages]) => pages.includes(2))).toBe(true);
  });
});
