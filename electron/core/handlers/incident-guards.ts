import { readRefusal, writeRefusal, type IncidentState } from '../../../shared/domain/incident-lifecycle';
import { AppError } from '../errors';
import type { Executor } from '../db/connection';
import { findIncident } from '../db/incident-queries';

/** The incident, or not_found. */
export async function requireIncident(db: Pick<Executor, 'get'>, incidentId: number) {
  const incident = await findIncident(db, incidentId);
  if (!incident) throw new AppError('not_found', 'There is no incident with that id.');
  return incident;
}

/**
 * The incident a write is about, refused when it is closed or voided. Call it with the
 * write's own transaction: read on `db` before the transaction, another writer could close
 * or void the incident between the check and the write. A closed or voided record changes in
 * no way at all (people, roles, entries, signatures, facts), so every write about an incident
 * goes through here.
 */
export async function requireWritableIncident(tx: Pick<Executor, 'get'>, incidentId: number) {
  const incident = await requireIncident(tx, incidentId);
  const refusal = writeRefusal(incident);
  if (refusal) throw new AppError('conflict', refusal);
  return incident;
}

/** Refuses a voided incident to anyone but a DSL, on every channel that reads one. */
export function requireReadable(incident: Pick<IncidentState, 'voided' | 'reference'>, roles: readonly string[]): void {
  const refusal = readRefusal(incident, roles);
  if (refusal) throw new AppError('forbidden', refusal);
}
