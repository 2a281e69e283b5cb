import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionStatus } from '../../../shared/ipc/contract';
import { call, onLocked } from '../api/client';
import { SetupPage } from '../features/setup/SetupPage';
import { RecoveryCodePage } from '../features/setup/RecoveryCodePage';
import { UnlockPage } from '../features/unlock/UnlockPage';
import { SignedInApp } from './SignedInApp';
import { SignedOutInstallationFooter } from '../components/InstallationFooter';
import { SessionContext, type SessionValue, type UnlockedStatus } from './session-context';

type Shell =
  | { kind: 'loading' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'not_set_up' }
  | { kind: 'locked'; notice?: string }
  | { kind: 'recovery-code'; code: string; status: UnlockedStatus }
  | { kind: 'unlocked'; status: UnlockedStatus };

const STATUS_POLL_MS = 3_000;

function shellFor(status: SessionStatus): Shell {
  if (status.state === 'unlocked') return { kind: 'unlocked', status };
  if (status.state === 'not_set_up') return { kind: 'not_set_up' };
  return { kind: 'locked' };
}

/**
 * The top of the app: nothing of the records exists in the page until the session is
 * unlocked, and locking unmounts the whole signed-in tree and empties the query cache, so
 * no record stays in memory or on screen.
 */
export function App({ queryClient }: { queryClient: QueryClient }) {
  const [shell, setShell] = useState<Shell>({ kind: 'loading' });

  const applyStatus = useCallback((result: Awaited<ReturnType<typeof call<'session.status'>>>) => {
    if (!result.ok) {
      setShell({ kind: 'unavailable', message: result.error.message });
      return;
    }
    setShell((current) => {
      // The recovery code stays on screen until it has been confirmed.
      if (current.kind === 'recovery-code' && result.value.state === 'unlocked') return current;
      return shellFor(result.value);
    });
  }, []);

  const refresh = useCallback(async () => applyStatus(await call('session.status', {})), [applyStatus]);

  const showLocked = useCallback((notice?: string) => {
    // Leave no record's address behind in the URL either. Replaced without an event, so the
    // router does not treat it as leaving the page: locking never waits on an unsaved form.
    window.history.replaceState(null, '', '#/');
    setShell(notice ? { kind: 'locked', notice } : { kind: 'locked' });
    // Cancels reads still on their way too, so none lands in the cache after the lock.
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    void call('session.status', {}).then(applyStatus);
    return onLocked(() => showLocked('The records were locked. Sign in again to continue.'));
  }, [applyStatus, showLocked]);

  // The main process can lock at any moment (screen locked, laptop asleep): notice it.
  const unlocked = shell.kind === 'unlocked';
  useEffect(() => {
    if (!unlocked) return;
    const timer = setInterval(() => {
      void call('session.status', {}).then((result) => {
        if (result.ok && result.value.state !== 'unlocked') showLocked('The records were locked. Sign in again to continue.');
      });
    }, STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [unlocked, showLocked]);

  const lock = useCallback(async () => {
    await call('session.lock', { reason: 'button' });
    showLocked();
  }, [showLocked]);

  const session = useMemo<SessionValue | null>(
    () => (shell.kind === 'unlocked' ? { status: shell.status, lock, refresh } : null),
    [shell, lock, refresh],
  );

  return <QueryClientProvider client={queryClient}>{screenFor(shell)}</QueryClientProvider>;

  function screenFor(shell: Shell): ReactNode {
    switch (shell.kind) {
      case 'loading':
        return <p className="loading" role="status">Opening the records…</p>;
      case 'unavailable':
        return (
          <main className="narrow" id="main">
            <h1>The records cannot be opened</h1>
            <p>{shell.message}</p>
          </main>
        );
      case 'not_set_up':
        return (
          <>
            <SetupPage onCreated={(code, status) => setShell({ kind: 'recovery-code', code, status })} />
            <SignedOutInstallationFooter />
          </>
        );
      case 'recovery-code':
        return <RecoveryCodePage code={shell.code} onConfirmed={() => setShell({ kind: 'unlocked', status: shell.status })} />;
      case 'locked':
        return (
          <>
            <UnlockPage notice={shell.notice} onUnlocked={(status) => setShell({ kind: 'unlocked', status })} />
            <SignedOutInstallationFooter />
          </>
        );
      case 'unlocked':
        return (
          <SessionContext.Provider value={session}>
            {/* Keyed on the folder: switching to or from practice starts a fresh router at the home page. */}
            <SignedInApp key={shell.status.practice ? 'practice' : 'records'} onIdle={() => void call('session.lock', { reason: 'idle' }).then(() => showLocked('The records were locked because no one had used them for a while.'))} />
          </SessionContext.Provider>
        );
    }
  }
}
