import { useSession } from '../../app/session-context';

/** Whether the practice records are open (decision 0032): every screen is marked, nothing is real. */
export function usePracticeMode(): boolean {
  return useSession().status.practice;
}
