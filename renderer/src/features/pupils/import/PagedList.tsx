import { useState, type ReactNode } from 'react';

const PAGE = 50;

/** A long list shown fifty at a time, with buttons a keyboard reaches, so 1,500 new pupils never draw at once. */
export function PagedList<T>({ items, label, render }: { items: readonly T[]; label: string; render: (item: T) => ReactNode }) {
  const [page, setPage] = useState(0);
  const pages = Math.ceil(items.length / PAGE);
  const shown = items.slice(page * PAGE, page * PAGE + PAGE);
  return (
    <>
      <ul className="list" aria-label={label}>
        {shown.map(render)}
      </ul>
      {pages > 1 ? (
        <nav aria-label={`${label}: pages`} className="button-group">
          <button type="button" className="button button-secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous {PAGE}
          </button>
          <span role="status">
            {page * PAGE + 1}–{Math.min(items.length, (page + 1) * PAGE)} of {items.length}
          </span>
          <button type="button" className="button button-secondary" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            Next {PAGE}
          </button>
        </nav>
      ) : null}
    </>
  );
}
