import { z } from 'zod';
import { dateField } from '../domain/dates';
import { HOLD_REASON_KINDS } from '../domain/legal-holds';
import { retentionRule } from '../domain/retention';
import type { Spec } from './spec';

/**
 * Retention review and legal holds (issue 20 items 3 and 4, decision 0029). Deciding how long a
 * child's record is kept, and whether it must not be destroyed, is the DSL's alone.
 */
const dslOnly = { roles: ['dsl'] } as const;
const id = z.number().int().positive();

/** One incident or one pupil. */
const recordTarget = z.union([z.object({ incidentId: id }).strict(), z.object({ pupilId: id }).strict()]);
export type RecordTarget = z.infer<typeof recordTarget>;

const reasonText = (missing: string) => z.string({ error: missing }).trim().min(1, missing).max(2000, 'Keep the reason under 2,000 characters');

const legalHoldView = z.object({
  id,
  incidentId: id.nullable(),
  pupilId: id.nullable(),
  /** The incident's reference or the pupil's name. */
  on: z.string(),
  reasonKind: z.enum(HOLD_REASON_KINDS),
  reason: z.string(),
  placedAt: z.string(),
  placedBy: z.string(),
  releasedAt: z.string().nullable(),
  releasedBy: z.string().nullable(),
  releaseReason: z.string(),
});
export type LegalHoldView = z.infer<typeof legalHoldView>;

const retentionItem = z.object({
  kind: z.enum(['incident', 'pupil']),
  id,
  /** The incident's reference, or the pupil's name. */
  label: z.string(),
  /** The incident's title, or the pupil's date of birth in words. */
  description: z.string(),
  recordedAt: z.string(),
  closedAt: z.string().nullable(),
  reviewOn: z.string().nullable(),
  why: z.string(),
  holds: z.array(legalHoldView),
});
export type RetentionItem = z.infer<typeof retentionItem>;

const ruleView = z.object({ rule: retentionRule, isDefault: z.boolean() });

export const retentionChannels = {
  'retention.rule': { access: dslOnly, input: z.object({}).strict(), output: ruleView },
  'retention.setRule': { access: dslOnly, input: z.object({ rule: retentionRule }).strict(), output: ruleView },
  /** Records due for review by `withinMonths` from today (0: due now), and every held record apart. */
  'retention.list': {
    access: dslOnly,
    input: z.object({ withinMonths: z.number().int().min(0).max(120).optional() }).strict(),
    output: z.object({ today: z.string(), rule: retentionRule, due: z.array(retentionItem), onHold: z.array(retentionItem) }),
  },
  /** One record's review date and why, for its page. */
  'retention.of': {
    access: dslOnly,
    input: z.object({ target: recordTarget }).strict(),
    output: z.object({ reviewOn: z.string().nullable(), why: z.string(), due: z.boolean(), held: z.boolean() }),
  },
  'retention.keep': {
    access: dslOnly,
    input: z.object({ target: recordTarget, reason: reasonText('Enter why the record is being kept'), nextReviewOn: dateField('Enter the date of the next review') }).strict(),
    output: z.object({ reviewOn: z.string() }),
  },
  /** The holds that apply to a record (its own and through linked records, released ones too), or every active hold. */
  'holds.list': {
    access: dslOnly,
    input: z.object({ target: recordTarget.optional() }).strict(),
    output: z.object({ holds: z.array(legalHoldView) }),
  },
  'holds.place': {
    access: dslOnly,
    input: z.object({ target: recordTarget, reasonKind: z.enum(HOLD_REASON_KINDS, { error: 'Choose why the record is on hold' }), reason: reasonText('Enter the reason for the hold') }).strict(),
    output: z.object({ hold: legalHoldView }),
  },
  'holds.release': {
    access: dslOnly,
    input: z.object({ holdId: id, reason: reasonText('Enter why the hold is being released') }).strict(),
    output: z.object({ hold: legalHoldView }),
  },
} as const satisfies Record<string, Spec>;
