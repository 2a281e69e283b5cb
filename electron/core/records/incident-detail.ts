import { closureReadiness } from '../../../shared/domain/completeness';
import { otherAgenciesInvolved } from '../../../shared/domain/other-agencies';
import { policeInvolvement } from '../../../shared/domain/police-involvement';
import type { IncidentDetail } from '../../../shared/domain/read-models/incident-detail';
import type { Executor } from '../db/connection';
import { entriesOfIncident, signaturesOfIncident } from '../db/entry-queries';
import { findIncident, peopleOfIncident, removedPeopleOfIncident } from '../db/incident-queries';
import { listStaff } from '../db/staff-queries';
import { completenessInput } from './completeness-input';
import { readIncidentHistory } from './incident-history';
import { entryView, personView } from './read-models';

/**
 * One incident as the incident page and the printed report both show it; undefined when there
 * is none. `today` (the school's date): a review date passed shows as a gap.
 */
export async function readIncidentDetail(db: Pick<Executor, 'get' | 'all'>, incidentId: number, today?: string): Promise<IncidentDetail | undefined> {
  const incident = await findIncident(db, incidentId);
  if (!incident) return undefined;
  const removedPeople = await removedPeopleOfIncident(db, incidentId);
  const [people, entries, signatures, staff, history] = await Promise.all([
    peopleOfIncident(db, incidentId),
    entriesOfIncident(db, incidentId),
    signaturesOfIncident(db, incidentId),
    listStaff(db),
    readIncidentHistory(db, incidentId, removedPeople),
  ]);
  const completeness = completenessInput(incident, people, entries, signatures, staff, today);
  const readiness = closureReadiness(completeness);
  return {
    incident,
    people: people.map((p) => personView(p, incident)),
    removedPeople: removedPeople.map((p) => personView(p, incident)),
    entries: entries.map((e) => entryView(e, signatures)),
    staff: staff.map(({ id, name, roles, active }) => ({ id, name, roles, active })),
    gaps: readiness.gaps,
    closureSigned: readiness.closureSigned,
    police: policeInvolvement(completeness),
    otherAgencies: otherAgenciesInvolved(completeness),
    history,
  };
}
