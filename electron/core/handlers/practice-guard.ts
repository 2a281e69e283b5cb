import { AppError } from '../errors';
import type { UnlockedSession } from '../session/session';

/** Refuses a practice-only call (scenarios, feedback, the training log) on the school's real records. */
export function requirePractice(session: Pick<UnlockedSession, 'practice'>): void {
  if (session.practice !== true) throw new AppError('forbidden', 'This is only available in practice mode. Open practice mode from the Practice page first.');
}
