import { useEffect, useRef } from 'react';

/** A panel opened on the same page takes focus at its heading, as a new page's h1 would. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
