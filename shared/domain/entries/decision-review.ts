import { z } from 'zod';
import { formatDate } from '../dates';
import { requiredText } from '../text';
import { optionalDate } from './common';

/**
 * Section 2, "Initial review meeting": "The decision should be reviewed throughout the process
 * of responding to the incident." One review: whether the decision stands, why, and when it is
 * next reviewed; the dashboard chases that date while the incident is open. A decision to
 * refer after all is recorded as an escalation, so the referral gaps follow it.
 */
export const decisionReviewBody = z
  .object({
    decisionStands: z.enum(['stands', 'changed'], { error: 'Say whether the decision stands or has changed' }),
    reasons: requiredText('Record what was reviewed and why the decision stands or has changed', 8000),
    /** Blank: no further review is planned (the incident is ready to close, or the next step has its own date). */
    nextReviewBy: optionalDate,
  });
export type DecisionReviewBody = z.output<typeof decisionReviewBody>;

export function decisionReviewSummary(b: DecisionReviewBody): string {
  const decision = b.decisionStands === 'stands' ? 'The decision stands' : 'The decision has changed';
  return `${decision}. ${b.nextReviewBy ? `Next review by ${formatDate(b.nextReviewBy)}.` : 'No further review planned.'}`;
}

/** A moment the decision was looked at: the initial review, or a later review of it. */
export type ReviewOfDecision = { occurredAt: string; body: { nextReviewBy?: string } };

/**
 * The date the latest look at the decision set, if any: a later review replaces an earlier
 * one's date, and a review that sets none means no further review is planned.
 */
export function latestReviewOf<R extends ReviewOfDecision>(reviews: readonly R[]): R | undefined {
  return [...reviews].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)).at(-1);
}

export function nextReviewDate(reviews: readonly ReviewOfDecision[]): string {
  return latestReviewOf(reviews)?.body.nextReviewBy ?? '';
}
