import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';
import { LeavePageDialog } from './LeavePageDialog';
import { UnsavedChangesContext, UnsavedRegistry } from './unsaved-changes';

/**
 * The one guard for every form (they register through useForm): leaving the page with
 * unsaved typing asks first, whether by a link, the error summary or Back, and closing
 * or reloading the window asks too (the browser's beforeunload; in Electron the main
 * process shows the question, electron/main/window.ts). Locking is never asked about:
 * it does not navigate (App's showLocked) and unmounts every form at once.
 */
export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new UnsavedRegistry());

  // Only a move to another page loses a form; a changed ?query keeps the page mounted.
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => registry.any() && currentLocation.pathname !== nextLocation.pathname,
    [registry],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (registry.any()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [registry]);

  return (
    <UnsavedChangesContext.Provider value={registry}>
      {children}
      {blocker.state === 'blocked' ? <LeavePageDialog onStay={() => blocker.reset()} onLeave={() => {
            registry.leave();
            blocker.proceed();
          }} /> : null}
    </UnsavedChangesContext.Provider>
  );
}
