import { AppError } from '../errors';
import type { Executor } from '../db/connection';
import { findIncident } from '../db/incident-queries';

/**
 * The incident a write is about, refused when it is closed. Call it with the write's own
 * transaction: read on `db` before the transaction, another writer could close the incident
 * between the check and the write. A closed record changes in no way at all (people, roles,
 * entries, signatures), so every write about an incident goes through here.
 */
export async function requireOpenIncident(tx: Pick<Executor, 'get'>, incidentId: number) {
  const incident = await findIncident(tx, incidentId);
  if (!incident) throw new AppError('not_found', 'There is no incident with that id.');
  if (incident.status === 'closed') {
    throw new AppError('conflict', `${incident.reference} is closed, so nothing on it can be added, signed or changed.`);
  }
  return incident;
}
