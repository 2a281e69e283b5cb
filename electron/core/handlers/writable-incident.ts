import { writeRefusal } from '../../../shared/domain/incident-lifecycle';
import type { Executor } from '../db/connection';
import { findIncident } from '../db/incident-queries';
import { AppError } from '../errors';

/**
 * The incident, if it may be changed now: not voided and not closed. Called inside the
 * write's transaction, so a closure or voiding committed a moment earlier is seen.
 */
export async function requireWritableIncident(tx: Pick<Executor, 'get'>, incidentId: number) {
  const incident = await findIncident(tx, incidentId);
  if (!incident) throw new AppError('not_found', 'There is no incident with that id.');
  const refusal = writeRefusal(incident);
  if (refusal) throw new AppError('conflict', refusal);
  return incident;
}
