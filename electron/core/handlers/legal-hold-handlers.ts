import type { RecordTarget } from '../../../shared/ipc/contract';
import { appendAudit } from '../audit/audit-log';
import type { Executor } from '../db/connection';
import { allActiveHolds, findHold, holdsFor, insertHold, releaseHold, type HoldRow } from '../db/legal-hold-queries';
import { incidentForRetention, pupilForRetention } from '../db/retention-queries';
import { AppError } from '../errors';
import type { Handlers } from './types';

function subjectOf(hold: Pick<HoldRow, 'incidentId' | 'pupilId'>): { subjectType: 'incident' | 'pupil'; subjectId: number } {
  return hold.incidentId !== null ? { subjectType: 'incident', subjectId: hold.incidentId } : { subjectType: 'pupil', subjectId: hold.pupilId ?? 0 };
}

async function requireRecord(tx: Pick<Executor, 'get'>, target: RecordTarget): Promise<void> {
  const found = 'incidentId' in target ? await incidentForRetention(tx, target.incidentId) : await pupilForRetention(tx, target.pupilId);
  if (!found) throw new AppError('not_found', 'That record is no longer here.');
}

/**
 * Legal holds: placed and released by the DSL, each with a reason. The audit names the hold and
 * its kind of reason, never the words: a police operation's name is not for every auditor.
 */
export const legalHoldHandlers = {
  'holds.list': async ({ target }, ctx) => ({ holds: target === undefined ? await allActiveHolds(ctx.session.db) : await holdsFor(ctx.session.db, target) }),

  'holds.place': async ({ target, reasonKind, reason }, ctx) => {
    const { db, user } = ctx.session;
    const at = ctx.now();
    const id = await db.transaction(async (tx) => {
      await requireRecord(tx, target);
      const holdId = await insertHold(tx, { target, reasonKind, reason, at: at.toISOString(), by: user.id });
      const subject = 'incidentId' in target ? { subjectType: 'incident', subjectId: target.incidentId } : { subjectType: 'pupil', subjectId: target.pupilId };
      await appendAudit(tx, { action: 'hold.placed', actorId: user.id, at, ...subject, details: { holdId, reasonKind } });
      return holdId;
    });
    const hold = await findHold(db, id);
    if (!hold) throw new Error('A placed hold was not found');
    return { hold };
  },

  'holds.release': async ({ holdId, reason }, ctx) => {
    const { db, user } = ctx.session;
    const at = ctx.now();
    await db.transaction(async (tx) => {
      const hold = await findHold(tx, holdId);
      if (!hold) throw new AppError('not_found', 'There is no legal hold with that id.');
      if (!(await releaseHold(tx, holdId, { reason, at: at.toISOString(), by: user.id }))) {
        throw new AppError('conflict', 'This hold has already been released.');
      }
      await appendAudit(tx, { action: 'hold.released', actorId: user.id, at, ...subjectOf(hold), details: { holdId, reasonKind: hold.reasonKind } });
    });
    const hold = await findHold(db, holdId);
    if (!hold) throw new Error('A released hold was not found');
    return { hold };
  },
} satisfies Partial<Handlers>;
