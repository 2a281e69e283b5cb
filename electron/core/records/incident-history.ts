import { factChanges, type IncidentEvent } from '../../../shared/domain/incident-lifecycle';
import type { Executor } from '../db/connection';
import { correctionsOfIncident, statusChangesOfIncident } from '../db/incident-history-queries';

/** The incident record's own history, oldest first: each correction (what changed, from → to) and each change of status. */
export async function readIncidentHistory(db: Pick<Executor, 'all'>, incidentId: number): Promise<IncidentEvent[]> {
  const [corrections, statusChanges] = await Promise.all([correctionsOfIncident(db, incidentId), statusChangesOfIncident(db, incidentId)]);
  const events: IncidentEvent[] = [
    ...corrections.map((c): IncidentEvent => ({ kind: 'corrected', at: c.at, byName: c.byName, reason: c.reason, changes: factChanges(c.before, c.after) })),
    ...statusChanges.map((s): IncidentEvent => ({ kind: s.change, at: s.at, byName: s.byName, reason: s.reason, changes: [] })),
  ];
  // Stable: at the same instant, corrections come before a change of status, as they were written.
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
