import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ChronologyScope } from '../../../../shared/domain/chronology';
import { ChronologyEntryRow } from './ChronologyEntryRow';
import { pageOf, type ChronologyPages } from './use-chronology-pages';

/** Where the reader was, kept per history entry so Back returns them to the same row. */
type Place = { active: number; expanded: number[]; offset: number };

function savedPlace(storageKey: string): Place | null {
  try {
    const raw = sessionStorage.getItem(storageKey);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Place>;
    if (typeof value.active !== 'number' || typeof value.offset !== 'number' || !Array.isArray(value.expanded)) return null;
    return { active: value.active, offset: value.offset, expanded: value.expanded.filter((n): n is number => typeof n === 'number') };
  } catch {
    return null;
  }
}

const ESTIMATED_ROW_PX = 170;
const PAGE_STEP = 10;

function isModified(event: KeyboardEvent): boolean {
  return event.altKey || event.ctrlKey || event.metaKey;
}

/**
 * The entries as a feed (WAI-ARIA feed pattern): only the rows on screen are in the page,
 * their data fetched a page at a time. One row is in the tab order; arrow keys or j/k
 * move between rows, Home/End go to the first and last, Enter opens a row in place and
 * Escape closes it. The row with focus is always kept rendered, so focus is never lost.
 */
export function ChronologyList({
  scope,
  data,
  label,
  storageKey,
  toneOf,
}: {
  scope: ChronologyScope;
  /** The query's pages; this component is keyed by the query, so a new one starts at the top. */
  data: ChronologyPages;
  label: string;
  /** Where this view's place is remembered (one per history entry). */
  storageKey: string;
  /** In a pupil's chronology, the colour band of each incident. */
  toneOf: (incidentId: number) => number | null;
}) {
  const total = data.total ?? 0;
  const [initial] = useState(() => savedPlace(storageKey));
  const [active, setActive] = useState(initial?.active ?? 0);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set(initial?.expanded ?? []));
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  /** The row the keyboard went to, kept in view while rows around it arrive and change height. */
  const follow = useRef<{ index: number; until: number } | null>(null);
  const place = useRef<Place>({ active: 0, expanded: [], offset: 0 });

  const activeIndex = Math.min(active, Math.max(0, total - 1));
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // The row with focus stays in the page even when scrolled far out of view.
      if (range.count > 0 && !indexes.includes(activeIndex)) return [...indexes, activeIndex].sort((a, b) => a - b);
      return indexes;
    },
    [activeIndex],
  );

  // TanStack Virtual's instance changes under React's feet by design; this component reads it only while rendering.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 4,
    rangeExtractor,
    initialOffset: initial?.offset ?? 0,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  // The pages of the rows drawn: those on screen, and the focused row's wherever it is.
  const wanted = [...new Set(items.map((item) => pageOf(item.index)))].join(',');
  const { request } = data;

  useEffect(() => {
    if (wanted !== '') request(wanted.split(',').map(Number));
  }, [request, wanted]);

  // After every render: move focus where the keyboard asked, once that row is drawn.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`article[data-index="${pendingFocus.current}"]`);
    if (row) {
      // Focus scrolls the row fully into view, finishing what the estimate-based scrollToIndex began.
      row.focus();
      pendingFocus.current = null;
    }
  });

  // Rows measure taller or shorter than estimated once their data arrives, which moves the row
  // the keyboard went to; for a moment, until the reader scrolls for themselves, keep it in view.
  useEffect(() => {
    const target = follow.current;
    if (target === null) return;
    if (performance.now() > target.until) {
      follow.current = null;
      return;
    }
    const row = scrollRef.current?.querySelector<HTMLElement>(`article[data-index="${target.index}"]`);
    if (row && row.getAttribute('aria-busy') !== 'true') row.scrollIntoView({ block: 'nearest' });
  });

  // Remember the place for Back; written when this view goes away.
  useEffect(() => {
    place.current = { active: activeIndex, expanded: [...expanded], offset: virtualizer.scrollOffset ?? 0 };
  });
  useEffect(
    () => () => {
      try {
        sessionStorage.setItem(storageKey, JSON.stringify(place.current));
      } catch {
        // Private storage full or unavailable: Back simply starts at the top.
      }
    },
    [storageKey],
  );

  function moveTo(index: number) {
    if (total === 0) return;
    const target = Math.max(0, Math.min(total - 1, index));
    setActive(target);
    pendingFocus.current = target;
    follow.current = { index: target, until: performance.now() + 2000 };
    virtualizer.scrollToIndex(target, { align: target === total - 1 ? 'end' : 'auto' });
  }

  function stopFollowing() {
    follow.current = null;
  }

  function toggle(entryId: number, index: number) {
    setActive(index);
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(entryId)) next.delete(entryId);
      else next.add(entryId);
      return next;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!(event.target instanceof HTMLElement)) return;
    const article = event.target.closest<HTMLElement>('article[data-index]');
    if (!article) return;
    const index = Number(article.dataset.index);
    const onRow = event.target === article;
    const row = data.rowAt(index);
    if (event.key === 'Escape') {
      if (row && expanded.has(row.id)) {
        toggle(row.id, index);
        pendingFocus.current = index;
        event.preventDefault();
      }
      return;
    }
    // Inside an open entry, keys belong to its links and buttons.
    if (!onRow || isModified(event)) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
      case 'k':
        moveTo(index - 1);
        break;
      case 'PageDown':
        moveTo(index + PAGE_STEP);
        break;
      case 'PageUp':
        moveTo(index - PAGE_STEP);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(total - 1);
        break;
      case 'Enter':
        if (row) toggle(row.id, index);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  if (total === 0) return null;

  return (
    <div
      className="chron-scroll"
      ref={scrollRef}
      onWheel={stopFollowing}
      onPointerDown={stopFollowing}
      onTouchStart={stopFollowing}
    >
      <div
        role="feed"
        aria-label={label}
        aria-busy={items.some((item) => !data.rowAt(item.index))}
        className="chron-feed"
        style={{ height: `${virtualizer.getTotalSize()}px` }}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // A click or Tab onto a row makes it the one in the tab order.
          if (event.target instanceof HTMLElement && event.target.matches('article[data-index]')) setActive(Number(event.target.dataset.index));
        }}
      >
        {items.map((item) => {
          const row = data.rowAt(item.index);
          // One component whether or not the row has arrived, so its <article> (and focus) survives the arrival.
          return (
            <ChronologyEntryRow
              key={item.key}
              index={item.index}
              total={total}
              active={item.index === activeIndex}
              start={item.start}
              measure={virtualizer.measureElement}
              row={row}
              scope={scope}
              terms={data.terms}
              expanded={row !== undefined && expanded.has(row.id)}
              onToggle={() => {
                if (row) toggle(row.id, item.index);
              }}
              incidentTone={row ? toneOf(row.incidentId) : null}
            />
          );
        })}
      </div>
    </div>
  );
}
