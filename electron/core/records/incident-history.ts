import { factChanges, personRemovedEvent, type IncidentEvent } from '../../../shared/domain/incident-lifecycle';
import { personName } from '../../../shared/forms/field-spec';
import type { Executor } from '../db/connection';
import { correctionsOfIncident, statusChangesOfIncident } from '../db/incident-history-queries';
import { removedPeopleOfIncident, type PersonRecord } from '../db/incident-queries';

/**
 * The incident record's own history, oldest first: each correction (what changed, from → to),
 * each person removed (added in error) and each change of status. A caller that has already
 * read the people removed passes them, so the incident page reads them once.
 */
export async function readIncidentHistory(db: Pick<Executor, 'all'>, incidentId: number, removedPeople?: readonly PersonRecord[]): Promise<IncidentEvent[]> {
  const [corrections, statusChanges, removed] = await Promise.all([
    correctionsOfIncident(db, incidentId),
    statusChangesOfIncident(db, incidentId),
    removedPeople ?? removedPeopleOfIncident(db, incidentId),
  ]);
  const events: IncidentEvent[] = [
    ...corrections.map((c): IncidentEvent => ({ kind: 'corrected', at: c.at, byName: c.byName, reason: c.reason, what: '', changes: factChanges(c.before, c.after) })),
    ...removed.flatMap((p) => (p.removal ? [personRemovedEvent({ ...p, name: personName(p), removal: p.removal })] : [])),
    ...statusChanges.map((s): IncidentEvent => ({ kind: s.change, at: s.at, byName: s.byName, reason: s.reason, what: '', changes: [] })),
  ];
  // Stable: at the same instant, corrections come before a change of status, as they were written.
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
