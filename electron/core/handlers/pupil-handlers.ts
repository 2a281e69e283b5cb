import { schoolToday } from '../../../shared/domain/dates';
import { bornAfterImageryError, dateOfBirthError } from '../../../shared/domain/impossible-dates';
import { pupilFullName, type Pupil, type PupilInput } from '../../../shared/domain/pupils';
import { AppError } from '../errors';
import { appendAudit } from '../audit/audit-log';
import { findIncident, incidentsOfPupil } from '../db/incident-queries';
import { findPupil, findPupilBySameNameAndBirth, findPupilByUpn, insertPupil, listPupils, searchPupils, updatePupil } from '../db/pupil-queries';
import type { Executor } from '../db/connection';
import { auditView } from '../audit/audit-view';
import type { Handlers } from './types';

async function refuseDuplicate(db: Pick<Executor, 'get'>, input: PupilInput, exceptId?: number): Promise<void> {
  const existing = await findPupilBySameNameAndBirth(db, input, exceptId);
  if (existing) {
    throw new AppError('conflict', `${pupilFullName(existing)}, born on the same date, is already on the register.`, {
      firstName: 'A pupil with this name and date of birth is already on the register: choose them instead of adding them again.',
    });
  }
  const sameUpn = await findPupilByUpn(db, input.upn, exceptId);
  if (sameUpn) {
    throw new AppError('conflict', `${pupilFullName(sameUpn)} already has this UPN.`, {
      upn: 'Another pupil on the register already has this UPN: check it against the MIS.',
    });
  }
}

function refuseFutureBirth(input: PupilInput, today: string): void {
  const future = dateOfBirthError(input.dateOfBirth, today);
  if (future) throw new AppError('invalid_input', `${future}.`, { dateOfBirth: future });
}

/** A changed date of birth must still come before imagery the pupil is pictured in. */
async function refuseBirthAfterImagery(tx: Pick<Executor, 'get' | 'all'>, pupilId: number, dateOfBirth: string): Promise<void> {
  for (const summary of await incidentsOfPupil(tx, pupilId)) {
    if (!summary.roles.includes('pictured')) continue;
    const incident = await findIncident(tx, summary.id);
    const problem = incident ? bornAfterImageryError(dateOfBirth, incident) : null;
    if (problem) throw new AppError('invalid_input', `${problem} (${summary.reference}).`, { dateOfBirth: `${problem} (${summary.reference})` });
  }
}

/** Which fields changed, with their old values, so an edit loses nothing. */
/**
 * Fields whose change the audit log records without the values: a pupil's names, and free
 * text that may name anyone. The audit log keeps ids, never names (its rows outlive a
 * correction, and a name spelt wrongly on purpose must not survive in it); the Audit page
 * names the pupil from the record as it is now.
 */
const VALUES_NOT_AUDITED: ReadonlySet<keyof PupilInput> = new Set(['firstName', 'lastName', 'senDetails']);

/** What the audit log says changed: coded values as from → to, names and free text as 'changed'. */
function changes(before: Pupil, after: PupilInput): Record<string, { from: unknown; to: unknown } | 'changed'> {
  const changed: Record<string, { from: unknown; to: unknown } | 'changed'> = {};
  for (const key of Object.keys(after) as (keyof PupilInput)[]) {
    if (before[key] !== after[key]) changed[key] = VALUES_NOT_AUDITED.has(key) ? 'changed' : { from: before[key], to: after[key] };
  }
  return changed;
}

export const pupilHandlers = {
  'pupils.search': async ({ query, limit }, ctx) => (query === '' ? [] : searchPupils(ctx.session.db, query, limit)),

  'pupils.list': async (_input, ctx) => listPupils(ctx.session.db),

  'pupils.get': async ({ pupilId }, ctx) => {
    const { db } = ctx.session;
    const pupil = await findPupil(db, pupilId);
    if (!pupil) throw new AppError('not_found', 'There is no pupil with that id.');
    const incidents = await incidentsOfPupil(db, pupilId);
    await auditView(ctx.session, { action: 'pupil.viewed', at: ctx.now(), subjectType: 'pupil', subjectId: pupilId });
    return { pupil, incidents };
  },

  'pupils.create': async (input, ctx) => {
    const { db, user } = ctx.session;
    refuseFutureBirth(input, schoolToday(ctx.now()));
    return db.transaction(async (tx) => {
      await refuseDuplicate(tx, input);
      const at = ctx.now().toISOString();
      const id = await insertPupil(tx, input, at, user.id);
      await appendAudit(tx, { action: 'pupil.created', actorId: user.id, at: ctx.now(), subjectType: 'pupil', subjectId: id });
      const created = await findPupil(tx, id);
      if (!created) throw new Error('inserted pupil not found');
      return created;
    });
  },

  'pupils.update': async ({ pupilId, ...input }, ctx) => {
    const { db, user } = ctx.session;
    refuseFutureBirth(input, schoolToday(ctx.now()));
    return db.transaction(async (tx) => {
      // Read with the write: what changed (for the date checks and the audit's from → to) is
      // against the record as it stands now, not as another writer may have left it a moment ago.
      const before = await findPupil(tx, pupilId);
      if (!before) throw new AppError('not_found', 'There is no pupil with that id.');
      const changed = changes(before, input);
      if (Object.keys(changed).length === 0) return before;
      await refuseDuplicate(tx, input, pupilId);
      if (changed.dateOfBirth) await refuseBirthAfterImagery(tx, pupilId, input.dateOfBirth);
      await updatePupil(tx, pupilId, input, ctx.now().toISOString(), user.id);
      await appendAudit(tx, { action: 'pupil.updated', actorId: user.id, at: ctx.now(), subjectType: 'pupil', subjectId: pupilId, details: { changed } });
      const updated = await findPupil(tx, pupilId);
      if (!updated) throw new Error('updated pupil not found');
      return updated;
    });
  },
} satisfies Partial<Handlers>;
