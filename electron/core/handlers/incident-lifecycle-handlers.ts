import { draftKey } from '../../../shared/domain/drafts';
import { deleteDraftOfForm } from '../db/draft-queries';
import { schoolToday } from '../../../shared/domain/dates';
import { withSourceSettled } from '../../../shared/domain/incident-source';
import { isPoliceMatter, personDateOfBirth } from '../../../shared/domain/incidents';
import { cameToAttentionError, firstPicturedBornAfterImagery } from '../../../shared/domain/impossible-dates';
import { factChanges, type IncidentFacts } from '../../../shared/domain/incident-lifecycle';
import { appendAudit } from '../audit/audit-log';
import { peopleOfIncident } from '../db/incident-queries';
import {
  insertCorrection,
  insertStatusChange,
  listVoidedIncidents,
  markReopened,
  markVoided,
  updateIncidentFacts,
} from '../db/incident-history-queries';
import { AppError } from '../errors';
import type { Handlers } from './types';
import { requireIncident, requireWritableIncident } from './incident-guards';

function factsOf(f: IncidentFacts): IncidentFacts {
  return {
    title: f.title,
    cameToAttentionOn: f.cameToAttentionOn,
    imageryDate: f.imageryDate,
    kind: f.kind,
    media: f.media,
    services: f.services,
    sharing: f.sharing,
    sharingDetails: f.sharingDetails,
    source: f.source,
    sourceAgency: f.sourceAgency,
    sourceReference: f.sourceReference,
  };
}
export const incidentLifecycleHandlers = {
  /**
   * A correction of the incident's facts: the earlier and corrected facts are both kept with
   * who, when and why. The reference stays as it was, even if the year it came to attention
   * changes: it is how every printed page and referral already names the incident.
   */
  'incidents.correct': async (input, ctx) => {
    const { db, user } = ctx.session;
    const after = withSourceSettled(factsOf(input));
    // The school's calendar, not the PC's zone (shared/domain/dates).
    const future = cameToAttentionError(after.cameToAttentionOn, schoolToday(ctx.now()));
    if (future) throw new AppError('invalid_input', `${future}.`, { cameToAttentionOn: future });
    return db.transaction(async (tx) => {
      const incident = await requireWritableIncident(tx, input.incidentId);
      // Read with the write: a pictured child added meanwhile is checked against the new imagery date too.
      const people = (await peopleOfIncident(tx, incident.id)).map((p) => ({ roles: p.roles, dateOfBirth: personDateOfBirth(p) }));
      const unborn = firstPicturedBornAfterImagery(people, after);
      if (unborn) throw new AppError('invalid_input', `${unborn.message}.`, { [after.imageryDate ? 'imageryDate' : 'cameToAttentionOn']: unborn.message });
      const before = factsOf(incident);
      const changes = factChanges(before, after);
      if (changes.length === 0) throw new AppError('invalid_input', 'Nothing has been changed: correct at least one of the details, or cancel.');
      const at = ctx.now().toISOString();
      await updateIncidentFacts(tx, incident.id, { ...after, policeMatter: isPoliceMatter(after.kind) }, at, user.id);
      const versionId = await insertCorrection(tx, { incidentId: incident.id, before, after, reason: input.reason, at, by: user.id });
      await deleteDraftOfForm(tx, user.id, draftKey({ form: 'correct-incident', incidentId: incident.id }));
      await appendAudit(tx, {
        action: 'incident.corrected',
        actorId: user.id,
        at: ctx.now(),
        subjectType: 'incident',
        subjectId: incident.id,
        details: { reference: incident.reference, versionId, fields: changes.map((c) => c.field) },
      });
      return { id: incident.id, reference: incident.reference, changed: changes.length };
    });
  },

  /** Opened by mistake: kept and readable to DSLs, but in no list or count, and never changed again. */
  'incidents.void': async ({ incidentId, reason }, ctx) => {
    const { db, user } = ctx.session;
    return db.transaction(async (tx) => {
      const incident = await requireIncident(tx, incidentId);
      if (incident.voided) throw new AppError('conflict', `${incident.reference} has already been voided.`);
      const at = ctx.now().toISOString();
      await markVoided(tx, incidentId, at, user.id);
      await insertStatusChange(tx, incidentId, 'voided', reason, at, user.id);
      await appendAudit(tx, { action: 'incident.voided', actorId: user.id, at: ctx.now(), subjectType: 'incident', subjectId: incidentId, details: { reference: incident.reference, statusWhenVoided: incident.status } });
      return { id: incidentId, voided: true as const };
    });
  },

  /** Back to open: a closure signed before now no longer counts (shared/domain/incident-lifecycle closureSignatureCounts). */
  'incidents.reopen': async ({ incidentId, reason }, ctx) => {
    const { db, user } = ctx.session;
    return db.transaction(async (tx) => {
      const incident = await requireIncident(tx, incidentId);
      if (incident.voided) throw new AppError('conflict', `${incident.reference} was voided, so it cannot be reopened.`);
      if (incident.status !== 'closed') throw new AppError('conflict', `${incident.reference} is not closed, so there is nothing to reopen.`);
      const at = ctx.now().toISOString();
      await markReopened(tx, incidentId, at, user.id);
      await insertStatusChange(tx, incidentId, 'reopened', reason, at, user.id);
      await appendAudit(tx, { action: 'incident.reopened', actorId: user.id, at: ctx.now(), subjectType: 'incident', subjectId: incidentId, details: { reference: incident.reference } });
      return { id: incidentId, status: 'open' as const };
    });
  },

  'incidents.listVoided': async (_input, ctx) => listVoidedIncidents(ctx.session.db),
} satisfies Partial<Handlers>;
