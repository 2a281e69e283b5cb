import type { ReactNode } from 'react';
import type { Loaded } from '../api/queries';

/** Shows a loading line or the error in words; renders `children` with the value once it is there. */
export function LoadState<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ReactNode }) {
  if (loaded.state === 'loading') return <p role="status">Loading…</p>;
  if (loaded.state === 'error') {
    return (
      <div className="error-summary" role="alert">
        <h2 className="error-summary-title">This could not be loaded</h2>
        <p>{loaded.error.message}</p>
      </div>
    );
  }
  return <>{children(loaded.value)}</>;
}
