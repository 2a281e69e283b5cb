import { draftKey } from '../../../shared/domain/drafts';
import { deleteDraftOfForm } from '../db/draft-queries';
import { schoolToday } from '../../../shared/domain/dates';
import { withSourceSettled } from '../../../shared/domain/incident-source';
import { cameToAttentionError, dateOfBirthError, picturedBornAfterImageryError } from '../../../shared/domain/impossible-dates';
import { incidentReference, isPoliceMatter, personDateOfBirth, type PersonRole } from '../../../shared/domain/incidents';
import { AppError } from '../errors';
import { appendAudit } from '../audit/audit-log';
import {
  findIncident,
  findPerson,
  findPupilOnIncident,
  insertIncident,
  insertOtherPersonOnIncident,
  insertPupilOnIncident,
  listIncidents,
  nextReferenceNumber,
  removePersonFromIncident,
  updatePersonRoles,
  closeIncident,
} from '../db/incident-queries';
import { findPupil } from '../db/pupil-queries';
import type { Executor } from '../db/connection';
import { auditView } from '../audit/audit-view';
import { personView } from '../records/read-models';
import { readIncidentDetail } from '../records/incident-detail';
import type { Handlers } from './types';
import { insertStatusChange } from '../db/incident-history-queries';
import { requireReadable, requireWritableIncident } from './incident-guards';

async function personOut(db: Pick<Executor, 'get'>, personId: number) {
  const person = await findPerson(db, personId);
  if (!person) throw new Error('person row not found');
  const incident = await findIncident(db, person.incidentId);
  if (!incident) throw new Error('incident row not found');
  return personView(person, incident);
}

/** A person on an incident who has not been removed from it, for a write about them. */
async function requireCurrentPerson(tx: Pick<Executor, 'get'>, incidentPersonId: number) {
  const person = await findPerson(tx, incidentPersonId);
  if (!person) throw new AppError('not_found', 'That person is not on any incident.');
  if (person.removal) throw new AppError('conflict', 'That person has been removed from this incident, so nothing about them can be changed.');
  return person;
}

/** Refuses a date of birth in the future, or a pictured person born after the imagery was made. */
function checkBirthDate(
  dateOfBirth: string,
  roles: readonly PersonRole[],
  incident: { imageryDate: string; cameToAttentionOn: string },
  today: string,
  field: string,
): void {
  const future = dateOfBirthError(dateOfBirth, today);
  if (future) throw new AppError('invalid_input', `${future}.`, { [field]: future });
  const beforeBirth = picturedBornAfterImageryError(roles, dateOfBirth, incident);
  if (beforeBirth) throw new AppError('invalid_input', `${beforeBirth}.`, { roles: beforeBirth });
}
export const incidentHandlers = {
  'incidents.list': async ({ status }, ctx) => listIncidents(ctx.session.db, status),

  'incidents.create': async (input, ctx) => {
    const { db, user } = ctx.session;
    const future = cameToAttentionError(input.cameToAttentionOn, schoolToday(ctx.now()));
    if (future) throw new AppError('invalid_input', `${future}.`, { cameToAttentionOn: future });
    const year = Number(input.cameToAttentionOn.slice(0, 4));
    return db.transaction(async (tx) => {
      const number = await nextReferenceNumber(tx, year);
      const reference = incidentReference(year, number);
      const id = await insertIncident(tx, { ...withSourceSettled(input), reference, year, number, policeMatter: isPoliceMatter(input.kind) }, ctx.now().toISOString(), user.id);
      await deleteDraftOfForm(tx, user.id, draftKey({ form: 'new-incident' }));
      await appendAudit(tx, { action: 'incident.created', actorId: user.id, at: ctx.now(), subjectType: 'incident', subjectId: id, details: { reference } });
      return { id, reference };
    });
  },

  'incidents.get': async ({ incidentId }, ctx) => {
    const detail = await readIncidentDetail(ctx.session.db, incidentId, schoolToday(ctx.now()));
    if (!detail) throw new AppError('not_found', 'There is no incident with that id.');
    // A voided incident is kept as a record of the mistake, for the DSL who answers for the records.
    requireReadable(detail.incident, ctx.session.user.roles);
    await auditView(ctx.session, { action: 'incident.viewed', at: ctx.now(), subjectType: 'incident', subjectId: incidentId, details: { reference: detail.incident.reference } });
    return detail;
  },

  'incidents.close': async ({ incidentId }, ctx) => {
    const { db, user } = ctx.session;
    await db.transaction(async (tx) => {
      // Read inside the write's transaction: an entry amended or a person added meanwhile would
      // otherwise close an incident on a readiness it no longer has.
      const readiness = await readIncidentDetail(tx, incidentId, schoolToday(ctx.now()));
      if (!readiness) throw new AppError('not_found', 'There is no incident with that id.');
      const { incident } = readiness;
      if (incident.status === 'closed') throw new AppError('conflict', `${incident.reference} is already closed.`);
      await requireWritableIncident(tx, incidentId);
      if (readiness.gaps.length > 0) {
        throw new AppError('conflict', `${incident.reference} cannot be closed yet: ${readiness.gaps.length} thing${readiness.gaps.length === 1 ? ' is' : 's are'} missing from the record.`);
      }
      if (!readiness.closureSigned) throw new AppError('conflict', 'Record the review and closure, and have a DSL sign it, before closing the incident.');
      await closeIncident(tx, incidentId, ctx.now().toISOString(), user.id);
      await insertStatusChange(tx, incidentId, 'closed', '', ctx.now().toISOString(), user.id);
      await appendAudit(tx, { action: 'incident.closed', actorId: user.id, at: ctx.now(), subjectType: 'incident', subjectId: incidentId, details: { reference: incident.reference } });
    });
    return { id: incidentId, status: 'closed' as const };
  },

  'incidents.addPupil': async ({ incidentId, pupilId, roles }, ctx) => {
    const { db, user } = ctx.session;
    const today = schoolToday(ctx.now());
    const personId = await db.transaction(async (tx) => {
      const incident = await requireWritableIncident(tx, incidentId);
      const pupil = await findPupil(tx, pupilId);
      if (!pupil) throw new AppError('not_found', 'There is no pupil with that id.');
      if (await findPupilOnIncident(tx, incidentId, pupilId)) {
        throw new AppError('conflict', 'That pupil is already on this incident: change their roles instead.', { pupilId: 'That pupil is already on this incident' });
      }
      checkBirthDate(pupil.dateOfBirth, roles, incident, today, 'pupilId');
      const id = await insertPupilOnIncident(tx, incidentId, pupilId, roles, ctx.now().toISOString(), user.id);
      await appendAudit(tx, { action: 'person.added', actorId: user.id, at: ctx.now(), subjectType: 'incident', subjectId: incidentId, details: { pupilId, roles } });
      return id;
    });
    return personOut(db, personId);
  },

  'incidents.addOtherPerson': async ({ incidentId, person, roles }, ctx) => {
    const { db, user } = ctx.session;
    const today = schoolToday(ctx.now());
    const personId = await db.transaction(async (tx) => {
      const incident = await requireWritableIncident(tx, incidentId);
      checkBirthDate(person.dateOfBirth, roles, incident, today, 'person.dateOfBirth');
      const id = await insertOtherPersonOnIncident(tx, incidentId, person, roles, ctx.now().toISOString(), user.id);
      await appendAudit(tx, { action: 'person.added', actorId: user.id, at: ctx.now(), subjectType: 'incident', subjectId: incidentId, details: { incidentPersonId: id, kind: person.kind, roles } });
      return id;
    });
    return personOut(db, personId);
  },

  'incidents.setRoles': async ({ incidentPersonId, roles }, ctx) => {
    const { db, user } = ctx.session;
    const today = schoolToday(ctx.now());
    await db.transaction(async (tx) => {
      const person = await requireCurrentPerson(tx, incidentPersonId);
      const incident = await requireWritableIncident(tx, person.incidentId);
      checkBirthDate(personDateOfBirth(person), roles, incident, today, 'roles');
      await updatePersonRoles(tx, incidentPersonId, roles, ctx.now().toISOString(), user.id);
      await appendAudit(tx, {
        action: 'person.roles-changed',
        actorId: user.id,
        at: ctx.now(),
        subjectType: 'incident',
        subjectId: person.incidentId,
        details: { incidentPersonId, from: person.roles, to: roles },
      });
    });
    return personOut(db, incidentPersonId);
  },

  'incidents.removePerson': async ({ incidentPersonId, reason }, ctx) => {
    const { db, user } = ctx.session;
    await db.transaction(async (tx) => {
      const person = await requireCurrentPerson(tx, incidentPersonId);
      await requireWritableIncident(tx, person.incidentId);
      // The row stays, with the roles they had: the record shows they were added, then removed.
      await removePersonFromIncident(tx, incidentPersonId, reason, ctx.now().toISOString(), user.id);
      await appendAudit(tx, {
        action: 'person.removed',
        actorId: user.id,
        at: ctx.now(),
        subjectType: 'incident',
        subjectId: person.incidentId,
        details: { incidentPersonId, pupilId: person.pupil?.id ?? null, roles: person.roles, reason },
      });
    });
    return personOut(db, incidentPersonId);
  },
} satisfies Partial<Handlers>;
