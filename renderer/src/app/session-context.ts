import { createContext, useContext } from 'react';
import type { SessionStatus } from '../../../shared/ipc/contract';

export type UnlockedStatus = Extract<SessionStatus, { state: 'unlocked' }>;

export type SessionValue = {
  status: UnlockedStatus;
  lock: () => Promise<void>;
  /** Re-reads the session (after settings change, say). */
  refresh: () => Promise<void>;
};

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession is used outside the signed-in app');
  return value;
}
