import { formatDateTime, schoolToday, utcToSchoolTime } from '../../../../shared/domain/dates';
import type { DraftState } from './use-draft';

/** "10:42" today, "23 Nov 2026, 10:42" before: when a draft was saved, on the school's clock. */
export function draftTime(iso: string): string {
  const { date, time } = utcToSchoolTime(iso);
  return date === schoolToday() ? time : formatDateTime(iso);
}

/** Above a form that opened with its author's draft: where the typing came from, and a way to start again. */
export function DraftNotice({ draft }: { draft: DraftState }) {
  if (!draft.restoredFrom) return null;
  return (
    <p className="inset" role="status">
      Restored your draft from {draftTime(draft.restoredFrom)}.{' '}
      <button type="button" className="link-button" onClick={draft.discard}>
        Discard draft
      </button>
    </p>
  );
}
