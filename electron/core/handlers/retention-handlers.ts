import { schoolToday, formatDate } from '../../../shared/domain/dates';
import { isHeld } from '../../../shared/domain/legal-holds';
import {
  incidentReviewDate,
  isDueForReview,
  isDueWithin,
  parseRetentionRule,
  pupilReviewDate,
  type RetentionRule,
  type ReviewDate,
} from '../../../shared/domain/retention';
import type { RetentionItem } from '../../../shared/ipc/contract';
import { appendAudit } from '../audit/audit-log';
import type { Executor } from '../db/connection';
import { allActiveHolds, holdsFor, type HoldRow } from '../db/legal-hold-queries';
import {
  incidentForRetention,
  incidentsForRetention,
  insertKeepDecision,
  pupilForRetention,
  pupilsForRetention,
  type IncidentRetentionRow,
  type PupilRetentionRow,
} from '../db/retention-queries';
import { readSettings, writeSetting } from '../db/settings-queries';
import { AppError } from '../errors';
import type { Handlers } from './types';

const NEXT_REVIEW_NOT_LATER = 'The next review must be after today';

async function schoolRule(db: Pick<Executor, 'all'>): Promise<{ rule: RetentionRule; isDefault: boolean }> {
  const stored = (await readSettings(db)).retentionRule;
  const rule = parseRetentionRule(stored);
  return { rule, isDefault: stored === undefined };
}

function incidentReview(rule: RetentionRule, row: IncidentRetentionRow): ReviewDate {
  return incidentReviewDate(rule, {
    recordedOn: schoolToday(new Date(row.createdAt)),
    closedOn: row.closedAt === null ? null : schoolToday(new Date(row.closedAt)),
    pupilDatesOfBirth: row.pupilDatesOfBirth,
    latestKeep: row.latestKeep,
  });
}

function pupilReview(rule: RetentionRule, row: PupilRetentionRow): ReviewDate {
  return pupilReviewDate(rule, { dateOfBirth: row.dateOfBirth, addedOn: schoolToday(new Date(row.createdAt)), incidentCount: row.incidentIds.length, latestKeep: row.latestKeep });
}

function holdsReaching(holds: readonly HoldRow[], record: Parameters<typeof isHeld>[0]): HoldRow[] {
  return holds.filter((h) => isHeld(record, [h]));
}

function incidentItem(row: IncidentRetentionRow, review: ReviewDate, holds: HoldRow[]): RetentionItem {
  return { kind: 'incident', id: row.id, label: row.reference, description: row.title, recordedAt: row.createdAt, closedAt: row.closedAt, ...review, holds };
}

function pupilItem(row: PupilRetentionRow, review: ReviewDate, holds: HoldRow[]): RetentionItem {
  return { kind: 'pupil', id: row.id, label: row.name, description: `Born ${formatDate(row.dateOfBirth)}`, recordedAt: row.createdAt, closedAt: null, ...review, holds };
}

/**
 * The school's retention rule, the retention page and the DSL's decisions to keep. A decision to
 * destroy is the destruction itself (issue 20 item 5), which refuses a held record.
 */
export const retentionHandlers = {
  'retention.rule': async (_input, ctx) => schoolRule(ctx.session.db),

  'retention.setRule': async ({ rule }, ctx) => {
    const { db, user } = ctx.session;
    return db.transaction(async (tx) => {
      const current = await schoolRule(tx);
      const before = current.rule;
      if (before.kind === rule.kind && before.years === rule.years) return current;
      await writeSetting(tx, 'retentionRule', JSON.stringify(rule));
      await appendAudit(tx, {
        action: 'retention.rule-changed',
        actorId: user.id,
        at: ctx.now(),
        details: { rule: { from: before.kind, to: rule.kind }, years: { from: before.years, to: rule.years } },
      });
      return { rule, isDefault: false };
    });
  },

  'retention.list': async ({ withinMonths = 0 }, ctx) => {
    const db = ctx.session.db;
    const today = schoolToday(ctx.now());
    const { rule } = await schoolRule(db);
    const holds = await allActiveHolds(db);
    const [incidents, pupils] = await Promise.all([incidentsForRetention(db), pupilsForRetention(db)]);
    const items = [
      ...incidents.map((row) => incidentItem(row, incidentReview(rule, row), holdsReaching(holds, { kind: 'incident', id: row.id, pupilIds: row.pupilIds }))),
      ...pupils.map((row) => pupilItem(row, pupilReview(rule, row), holdsReaching(holds, { kind: 'pupil', id: row.id, incidentIds: row.incidentIds }))),
    ];
    const byReview = (a: RetentionItem, b: RetentionItem) => (a.reviewOn ?? '9999').localeCompare(b.reviewOn ?? '9999') || a.label.localeCompare(b.label);
    // A held record is never proposed for review; every held record is listed apart, due or not.
    return {
      today,
      rule,
      due: items.filter((item) => item.holds.length === 0 && isDueWithin(item.reviewOn, today, withinMonths)).sort(byReview),
      onHold: items.filter((item) => item.holds.length > 0).sort(byReview),
    };
  },

  'retention.of': async ({ target }, ctx) => {
    const db = ctx.session.db;
    const { rule } = await schoolRule(db);
    const review = 'incidentId' in target ? await incidentReviewOf(db, rule, target.incidentId) : await pupilReviewOf(db, rule, target.pupilId);
    const held = (await holdsFor(db, target)).some((h) => h.releasedAt === null);
    return { ...review, due: !held && isDueForReview(review.reviewOn, schoolToday(ctx.now())), held };
  },

  'retention.keep': async ({ target, reason, nextReviewOn }, ctx) => {
    const { db, user } = ctx.session;
    const at = ctx.now();
    if (nextReviewOn <= schoolToday(at)) throw new AppError('invalid_input', NEXT_REVIEW_NOT_LATER, { nextReviewOn: NEXT_REVIEW_NOT_LATER });
    await db.transaction(async (tx) => {
      const exists = 'incidentId' in target ? await incidentForRetention(tx, target.incidentId) : await pupilForRetention(tx, target.pupilId);
      if (!exists) throw new AppError('not_found', 'That record is no longer here. Open Retention again.');
      await insertKeepDecision(tx, { target, reason, nextReviewOn, at: at.toISOString(), by: user.id });
      // The reason is the DSL's own words about a child's record: kept in the decision, not the audit.
      await appendAudit(tx, {
        action: 'retention.kept',
        actorId: user.id,
        at,
        subjectType: 'incidentId' in target ? 'incident' : 'pupil',
        subjectId: 'incidentId' in target ? target.incidentId : target.pupilId,
        details: { nextReviewOn },
      });
    });
    return { reviewOn: nextReviewOn };
  },
} satisfies Partial<Handlers>;

async function incidentReviewOf(db: Pick<Executor, 'get'>, rule: RetentionRule, incidentId: number): Promise<ReviewDate> {
  const row = await incidentForRetention(db, incidentId);
  if (!row) throw new AppError('not_found', 'There is no incident with that id.');
  return incidentReview(rule, row);
}

async function pupilReviewOf(db: Pick<Executor, 'get'>, rule: RetentionRule, pupilId: number): Promise<ReviewDate> {
  const row = await pupilForRetention(db, pupilId);
  if (!row) throw new AppError('not_found', 'There is no pupil with that id.');
  return pupilReview(rule, row);
}
