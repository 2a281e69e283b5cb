import { AppError } from '../errors';
import type { UnlockedSession } from '../session/session';

/**
 * Refuses what would carry practice records out of the practice folder or change what guards the
 * school's own (backups, restores, keys): in practice mode backups are off (decision 0032).
 */
export function refuseInPractice(session: Pick<UnlockedSession, 'practice'>, what: string): void {
  if (session.practice === true) {
    throw new AppError('forbidden', `${what} ${what.endsWith('s') ? 'are' : 'is'} off in practice mode: nothing in practice is real, so nothing is backed up. Return to the real records first.`);
  }
}
