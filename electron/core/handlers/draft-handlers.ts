import { DRAFT_DAYS_DEFAULT, draftsExpireBefore } from '../../../shared/domain/drafts';
import { appendAudit } from '../audit/audit-log';
import type { Executor } from '../db/connection';
import { deleteDraftsSavedBefore, deleteOwnDraft, draftsOf, findOwnDraft, upsertDraft } from '../db/draft-queries';
import { readSettings, writeSetting } from '../db/settings-queries';
import { AppError } from '../errors';
import type { UnlockedSession } from '../session/session';
import type { Handlers } from './types';

// The same answer for a draft that is not there and one that is someone else's: nobody learns
// that a colleague is part-way through recording something.
const NOT_YOURS = 'There is no draft of yours with that id. It may have been saved or discarded already.';

function notYours(): AppError {
  return new AppError('not_found', NOT_YOURS);
}

async function retentionDays(db: Pick<Executor, 'all'>): Promise<number> {
  const days = Number((await readSettings(db)).draftDays ?? DRAFT_DAYS_DEFAULT);
  return Number.isInteger(days) && days > 0 ? days : DRAFT_DAYS_DEFAULT;
}

/**
 * At sign-in: every draft older than the school keeps them is deleted, whoever's it is, with
 * one audit row giving the count (never what they held or whose they were). A draft is not a
 * record, so this changes nothing the chronology or Verify reads.
 */
export async function expireDrafts(session: UnlockedSession, now: Date): Promise<number> {
  if (!session.db.writable) return 0;
  return session.db.transaction(async (tx) => {
    const days = await retentionDays(tx);
    const count = await deleteDraftsSavedBefore(tx, draftsExpireBefore(now, days));
    if (count > 0) await appendAudit(tx, { action: 'drafts.expired', actorId: session.user.id, at: now, details: { count, days } });
    return count;
  }, { recordsUnchanged: true });
}

export const draftHandlers = {
  // Not audited: a draft is saved every two seconds while someone types, and is nobody's record.
  'drafts.save': async ({ formKey, incidentId, description, values }, ctx) => {
    const { db, user } = ctx.session;
    const savedAt = ctx.now().toISOString();
    const id = await db.transaction((tx) => upsertDraft(tx, { staffId: user.id, formKey, incidentId, description, values, savedAt }), { recordsUnchanged: true });
    return { id, savedAt };
  },

  'drafts.mine': async (_input, ctx) => draftsOf(ctx.session.db, ctx.session.user.id),

  'drafts.get': async ({ id }, ctx) => {
    // Whose it is is part of the one statement (its own read transaction) that reads it.
    const own = await findOwnDraft(ctx.session.db, id, ctx.session.user.id);
    if (!own) throw notYours();
    return own;
  },

  'drafts.discard': async ({ id }, ctx) => {
    const { db, user } = ctx.session;
    const deleted = await db.transaction((tx) => deleteOwnDraft(tx, id, user.id), { recordsUnchanged: true });
    if (!deleted) throw notYours();
    return { done: true as const };
  },

  'drafts.retention': async (_input, ctx) => ({ days: await retentionDays(ctx.session.db) }),

  'drafts.setRetention': async ({ days }, ctx) => {
    const { db, user } = ctx.session;
    return db.transaction(async (tx) => {
      const before = await retentionDays(tx);
      if (before === days) return { days };
      await writeSetting(tx, 'draftDays', String(days));
      await appendAudit(tx, { action: 'settings.changed', actorId: user.id, at: ctx.now(), details: { draftDays: { from: before, to: days } } });
      return { days };
    });
  },
} satisfies Partial<Handlers>;
