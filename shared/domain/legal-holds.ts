import { formatDate } from './dates';

/** Why a record may not be destroyed (issue 20 item 4). */
export const HOLD_REASON_KINDS = ['police-investigation', 'litigation', 'statutory-inquiry', 'other'] as const;
export type HoldReasonKind = (typeof HOLD_REASON_KINDS)[number];

export const HOLD_REASON_WORDS: Record<HoldReasonKind, string> = {
  'police-investigation': 'police investigation',
  litigation: 'litigation',
  'statutory-inquiry': "a statutory inquiry's request not to destroy records",
  other: 'other',
};

/** A legal hold on one incident or one pupil, as the app shows it. */
export type LegalHold = {
  id: number;
  incidentId: number | null;
  pupilId: number | null;
  reasonKind: HoldReasonKind;
  reason: string;
  placedAt: string;
  placedBy: string;
  releasedAt: string | null;
  releasedBy: string | null;
  releaseReason: string;
};

type HoldLike = Pick<LegalHold, 'incidentId' | 'pupilId' | 'releasedAt'>;

/** The holds not yet released. */
function activeHolds<H extends Pick<LegalHold, 'releasedAt'>>(holds: readonly H[]): H[] {
  return holds.filter((h) => h.releasedAt === null);
}

/** A record and the records linked to it: the pupils on an incident, the incidents of a pupil. */
export type HeldRecord = { kind: 'incident'; id: number; pupilIds: readonly number[] } | { kind: 'pupil'; id: number; incidentIds: readonly number[] };

/**
 * Whether a record is held: an incident if it or any pupil on it has an active hold (destroying
 * it would destroy part of that pupil's record); a pupil if they or any of their incidents has one.
 */
export function isHeld(record: HeldRecord, holds: readonly HoldLike[]): boolean {
  return activeHolds(holds).some((h) =>
    record.kind === 'incident'
      ? h.incidentId === record.id || (h.pupilId !== null && record.pupilIds.includes(h.pupilId))
      : h.pupilId === record.id || (h.incidentId !== null && record.incidentIds.includes(h.incidentId)),
  );
}

/**
 * The refusal, in words, to destroy a record to which these holds apply (the holds that apply,
 * as `activeHoldsFor` returns them), or null when none is active. The earliest hold is named.
 */
export function destructionBlockedBy(holds: readonly Pick<LegalHold, 'incidentId' | 'pupilId' | 'reasonKind' | 'placedAt' | 'releasedAt'>[]): string | null {
  const first = [...activeHolds(holds)].sort((a, b) => a.placedAt.localeCompare(b.placedAt))[0];
  if (first === undefined) return null;
  const what = first.incidentId !== null ? 'This incident is' : "A pupil's record here is";
  const more = activeHolds(holds).length > 1 ? ` (and ${activeHolds(holds).length - 1} more)` : '';
  return `${what} on legal hold (${HOLD_REASON_WORDS[first.reasonKind]}) since ${formatDate(first.placedAt)}${more}, so it cannot be destroyed: a DSL must first release the hold, with a reason.`;
}
