import { schoolToday } from '../../../shared/domain/dates';
import { ROLE_LABELS } from '../../../shared/domain/staff';
import { readTrainingDates, trainingRefresh, type TrainingDates } from '../../../shared/domain/training';
import { appendAudit } from '../audit/audit-log';
import type { Executor } from '../db/connection';
import { readSettings, writeSetting } from '../db/settings-queries';
import { findStaffById, listStaff } from '../db/staff-queries';
import { AppError } from '../errors';
import type { Handlers } from './types';

async function storedDates(tx: Pick<Executor, 'all'>): Promise<TrainingDates> {
  return readTrainingDates((await readSettings(tx)).dslTraining);
}

/** The active DSLs and deputies, each with their last training date and when the refresher is due. */
async function trainingList(tx: Pick<Executor, 'all'>, today: string) {
  const dates = await storedDates(tx);
  const people = (await listStaff(tx)).filter((s) => s.active && (s.roles.includes('dsl') || s.roles.includes('deputy')));
  return {
    people: people.map((s) => {
      const trainedOn = dates[String(s.id)];
      return { staffId: s.id, name: s.name, roleWords: s.roles.map((r) => ROLE_LABELS[r]).join(', '), refresh: trainedOn ? trainingRefresh(trainedOn, today) : null };
    }),
  };
}

/**
 * DSL refresher training (issue 22 item 4). The dates are one school setting kept by the DSL,
 * so Verify vouches for them like every setting; each DSL or deputy is reminded of their own.
 */
export const trainingHandlers = {
  'training.list': async (_input, ctx) => trainingList(ctx.session.db, schoolToday(ctx.now())),

  'training.set': async ({ staffId, trainedOn }, ctx) => {
    const { db, user } = ctx.session;
    const today = schoolToday(ctx.now());
    if (trainedOn > today) throw new AppError('invalid_input', 'The training date is in the future.', { trainedOn: 'Enter the date they were last trained, today or earlier' });
    return db.transaction(async (tx) => {
      const person = await findStaffById(tx, staffId);
      if (!person || !person.active || !(person.roles.includes('dsl') || person.roles.includes('deputy'))) {
        throw new AppError('invalid_input', 'Training dates are kept for active DSLs and deputies only.', { staffId: 'Choose a DSL or deputy' });
      }
      const dates = await storedDates(tx);
      const before = dates[String(staffId)] ?? null;
      if (before !== trainedOn) {
        await writeSetting(tx, 'dslTraining', JSON.stringify({ ...dates, [String(staffId)]: trainedOn }));
        await appendAudit(tx, { action: 'settings.changed', actorId: user.id, at: ctx.now(), subjectType: 'staff', subjectId: staffId, details: { dslTraining: { from: before, to: trainedOn } } });
      }
      return trainingList(tx, today);
    });
  },

  'training.mine': async (_input, ctx) => {
    const trainedOn = (await storedDates(ctx.session.db))[String(ctx.session.user.id)];
    const isDsl = ctx.session.user.roles.includes('dsl') || ctx.session.user.roles.includes('deputy');
    return { refresh: isDsl && trainedOn ? trainingRefresh(trainedOn, schoolToday(ctx.now())) : null };
  },
} satisfies Partial<Handlers>;
