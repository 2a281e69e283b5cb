import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. It takes focus when the page opens, so keyboard and screen-reader users
 * start at the top of the new content rather than on the link they just used.
 */
export function PageHeading({ children, caption }: { children: ReactNode; caption?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <>
      {caption ? <span className="caption">{caption}</span> : null}
      <h1 tabIndex={-1} ref={ref}>
        {children}
      </h1>
    </>
  );
}
