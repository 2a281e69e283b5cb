import { z } from 'zod';
import { formatDate } from './dates';

/**
 * How long a record of an incident is kept before the DSL reviews it (decision 0029). The
 * default follows the Independent Inquiry into Child Sexual Abuse: these incidents are records
 * of known or alleged child sexual abuse, which its final report (2022) recommended keeping for
 * 75 years. A school may choose its own rule; a keep decision always sets the next review.
 */
export const RETENTION_RULE_KINDS = ['recorded-plus', 'closed-plus', 'dob-plus'] as const;
export type RetentionRuleKind = (typeof RETENTION_RULE_KINDS)[number];

export const RETENTION_YEARS_MIN = 0;
export const RETENTION_YEARS_MAX = 120;

export const retentionRule = z
  .object({
    kind: z.enum(RETENTION_RULE_KINDS),
    years: z.number().int().min(RETENTION_YEARS_MIN).max(RETENTION_YEARS_MAX),
  })
  .strict();
export type RetentionRule = z.infer<typeof retentionRule>;

export const DEFAULT_RETENTION_RULE: RetentionRule = { kind: 'recorded-plus', years: 75 };

export const RETENTION_RULE_WORDS: Record<RetentionRuleKind, string> = {
  'recorded-plus': 'years after the incident was recorded',
  'closed-plus': 'years after the incident was closed',
  'dob-plus': "years after the youngest pupil's date of birth",
};

/** "75 years after the incident was recorded". */
export function describeRule(rule: RetentionRule): string {
  return `${rule.years} ${RETENTION_RULE_WORDS[rule.kind]}`;
}

/** Why the default is what it is, in the words shown on the retention page and in Settings. */
export const DEFAULT_RULE_REASON =
  'These incidents are records of known or alleged child sexual abuse. The Independent Inquiry into Child Sexual Abuse (final report, 2022) recommended keeping such records for 75 years, and asked institutions not to destroy records that may be relevant to it; that is longer than the schools toolkit’s date of birth plus 25 years for child protection files, so the app reviews each incident 75 years after it was recorded. A record on legal hold is never proposed for review.';

/** The stored rule, or the default when none is stored or what is stored is not a rule. */
export function parseRetentionRule(stored: string | undefined): RetentionRule {
  if (stored === undefined) return DEFAULT_RETENTION_RULE;
  try {
    const parsed = retentionRule.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_RETENTION_RULE;
  } catch {
    return DEFAULT_RETENTION_RULE;
  }
}

/** `date` (yyyy-mm-dd) plus whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** `date` plus whole months, the day kept where the month has it. */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The DSL's latest decision to keep a record. */
export type KeepDecision = { nextReviewOn: string; decidedAt: string; decidedBy: string; reason: string };

export type IncidentRetentionFacts = {
  /** The school day it was recorded on (yyyy-mm-dd). */
  recordedOn: string;
  /** The school day it was last closed on; null while it is open. */
  closedOn: string | null;
  /** The dates of birth of the pupils on it now. */
  pupilDatesOfBirth: readonly string[];
  latestKeep: KeepDecision | null;
};

export type ReviewDate = { reviewOn: string | null; why: string };

/**
 * When an incident is next reviewed. The DSL's latest keep decision overrides the rule. With a
 * date-of-birth rule the youngest pupil counts, so no child's record is reviewed early; an
 * incident with no pupil on it falls back to when it was recorded.
 */
export function incidentReviewDate(rule: RetentionRule, facts: IncidentRetentionFacts): ReviewDate {
  if (facts.latestKeep) {
    return { reviewOn: facts.latestKeep.nextReviewOn, why: `Kept on ${formatDate(facts.latestKeep.decidedAt)} by ${facts.latestKeep.decidedBy}: ${facts.latestKeep.reason}` };
  }
  switch (rule.kind) {
    case 'recorded-plus':
      return { reviewOn: addYears(facts.recordedOn, rule.years), why: `${describeRule(rule)} (recorded ${formatDate(facts.recordedOn)})` };
    case 'closed-plus':
      return facts.closedOn === null
        ? { reviewOn: null, why: 'Still open: reviewed once it is closed' }
        : { reviewOn: addYears(facts.closedOn, rule.years), why: `${describeRule(rule)} (closed ${formatDate(facts.closedOn)})` };
    case 'dob-plus': {
      const youngest = [...facts.pupilDatesOfBirth].sort().at(-1);
      if (youngest === undefined) {
        return { reviewOn: addYears(facts.recordedOn, rule.years), why: `${rule.years} years after it was recorded (no pupil on it, recorded ${formatDate(facts.recordedOn)})` };
      }
      return { reviewOn: addYears(youngest, rule.years), why: `${describeRule(rule)} (born ${formatDate(youngest)})` };
    }
  }
}

export type PupilRetentionFacts = {
  dateOfBirth: string;
  /** The school day the pupil was added. */
  addedOn: string;
  /** Incidents the pupil is still on: while there are any, the pupil is reviewed with them. */
  incidentCount: number;
  latestKeep: KeepDecision | null;
};

/**
 * When a pupil's own record (their name and details, once no incident holds them) is next
 * reviewed: from their date of birth under a date-of-birth rule, otherwise from when they were
 * added, by the rule's years.
 */
export function pupilReviewDate(rule: RetentionRule, facts: PupilRetentionFacts): ReviewDate {
  if (facts.incidentCount > 0) return { reviewOn: null, why: 'Reviewed with the incidents they are on' };
  if (facts.latestKeep) {
    return { reviewOn: facts.latestKeep.nextReviewOn, why: `Kept on ${formatDate(facts.latestKeep.decidedAt)} by ${facts.latestKeep.decidedBy}: ${facts.latestKeep.reason}` };
  }
  if (rule.kind === 'dob-plus') {
    return { reviewOn: addYears(facts.dateOfBirth, rule.years), why: `No incidents left; ${rule.years} years after their date of birth (${formatDate(facts.dateOfBirth)})` };
  }
  return { reviewOn: addYears(facts.addedOn, rule.years), why: `No incidents left; ${rule.years} years after they were added (${formatDate(facts.addedOn)})` };
}

/** Whether a record with this review date is due for review on `today` (yyyy-mm-dd). */
export function isDueForReview(reviewOn: string | null, today: string): boolean {
  return reviewOn !== null && reviewOn <= today;
}

/** Whether it is due within `months` of `today`: the retention page's "due within" filter. */
export function isDueWithin(reviewOn: string | null, today: string, months: number): boolean {
  return isDueForReview(reviewOn, addMonths(today, months));
}
