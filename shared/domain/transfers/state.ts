/**
 * Where a transfer of a child-protection file stands (issue 20), and what may happen next. The
 * core checks these inside the write's transaction; the screens offer only what they allow.
 */
export const TRANSFER_STATES = ['prepared', 'sent', 'overdue', 'received', 'cancelled'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

export const TRANSFER_STATE_LABELS: Record<TransferState, string> = {
  prepared: 'Prepared, not yet sent',
  sent: 'Sent, awaiting confirmation',
  overdue: 'Not confirmed by the deadline',
  received: 'Receipt confirmed',
  cancelled: 'Cancelled',
};

/** The columns the rules read. */
export type TransferFacts = { dueOn: string; sentOn: string | null; receivedAt: string | null; cancelledAt: string | null };

/** Overdue: neither confirmed received nor cancelled, and the deadline has passed (sent or not). */
export function transferState(t: TransferFacts, today: string): TransferState {
  if (t.cancelledAt !== null) return 'cancelled';
  if (t.receivedAt !== null) return 'received';
  if (t.dueOn < today) return 'overdue';
  return t.sentOn !== null ? 'sent' : 'prepared';
}

/** Why it cannot be marked sent, or null. */
export function refuseSending(t: TransferFacts, sentOn: string, preparedOn: string, today: string): string | null {
  if (t.cancelledAt !== null) return 'This transfer was cancelled, so it cannot be marked as sent';
  if (t.receivedAt !== null) return 'Receipt of this transfer is already confirmed';
  if (t.sentOn !== null) return 'This transfer is already marked as sent';
  if (sentOn > today) return 'The date it was sent cannot be in the future';
  if (sentOn < preparedOn) return 'The date it was sent cannot be before the transfer was prepared';
  return null;
}

/** Why receipt cannot be confirmed, or null. A transfer is confirmed once, after it was sent. */
export function refuseConfirming(t: TransferFacts): string | null {
  if (t.cancelledAt !== null) return 'This transfer was cancelled, so its receipt cannot be confirmed';
  if (t.receivedAt !== null) return 'Receipt of this transfer is already confirmed';
  if (t.sentOn === null) return 'Mark the transfer as sent before confirming that it arrived';
  return null;
}

/** Why it cannot be cancelled, or null: a file that arrived cannot be called back. */
export function refuseCancelling(t: TransferFacts): string | null {
  if (t.cancelledAt !== null) return 'This transfer is already cancelled';
  if (t.receivedAt !== null) return 'Receipt of this transfer is confirmed, so it cannot be cancelled';
  return null;
}

/** Why the deadline cannot be this date, or null. */
export function refuseDeadline(dueOn: string, leftOn: string | null): string | null {
  if (leftOn !== null && dueOn < leftOn) return 'The deadline cannot be before the pupil left';
  return null;
}
