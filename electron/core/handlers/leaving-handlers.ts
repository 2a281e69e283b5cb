import { schoolToday } from '../../../shared/domain/dates';
import { destinationToStore, leavingErrors } from '../../../shared/domain/leaving';
import { appendAudit } from '../audit/audit-log';
import { findPupil, setPupilLeaving } from '../db/pupil-queries';
import { AppError } from '../errors';
import type { Handlers } from './types';

const NO_PUPIL = 'There is no pupil with that id.';

/**
 * Pupils who leave (issue 20): the date and where they went. Nothing else of the record
 * changes; a former pupil stays in every list and search. The audit row holds the coded
 * destination, never the school's name (it would say where a child now lives).
 */
export const leavingHandlers = {
  'pupils.markLeft': async ({ pupilId, leftOn, destinationKind, destination }, ctx) => {
    const { db, user } = ctx.session;
    return db.transaction(async (tx) => {
      const before = await findPupil(tx, pupilId);
      if (!before) throw new AppError('not_found', NO_PUPIL);
      const errors = leavingErrors({ leftOn, destinationKind, destination }, { today: schoolToday(ctx.now()), dateOfBirth: before.dateOfBirth });
      if (errors) throw new AppError('invalid_input', `${Object.values(errors).join('. ')}.`, errors);
      await setPupilLeaving(tx, pupilId, { leftOn, destinationKind, destination: destinationToStore({ destinationKind, destination }) }, ctx.now().toISOString(), user.id);
      await appendAudit(tx, {
        action: 'pupil.left',
        actorId: user.id,
        at: ctx.now(),
        subjectType: 'pupil',
        subjectId: pupilId,
        details: { leftOn, destinationKind, ...(before.leaving ? { before: { leftOn: before.leaving.leftOn, destinationKind: before.leaving.destinationKind } } : {}) },
      });
      const after = await findPupil(tx, pupilId);
      if (!after) throw new Error('pupil not found after leaving');
      return after;
    });
  },

  /** Marked as left in error, or back on roll: undone, with what it was in the audit log. */
  'pupils.returned': async ({ pupilId }, ctx) => {
    const { db, user } = ctx.session;
    return db.transaction(async (tx) => {
      const before = await findPupil(tx, pupilId);
      if (!before) throw new AppError('not_found', NO_PUPIL);
      if (!before.leaving) throw new AppError('conflict', 'This pupil is on roll: they have not been marked as left.');
      await setPupilLeaving(tx, pupilId, null, ctx.now().toISOString(), user.id);
      await appendAudit(tx, {
        action: 'pupil.returned',
        actorId: user.id,
        at: ctx.now(),
        subjectType: 'pupil',
        subjectId: pupilId,
        details: { before: { leftOn: before.leaving.leftOn, destinationKind: before.leaving.destinationKind } },
      });
      const after = await findPupil(tx, pupilId);
      if (!after) throw new Error('pupil not found after returning');
      return after;
    });
  },
} satisfies Partial<Handlers>;
