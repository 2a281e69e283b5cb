import { z } from 'zod';
import type { ActiveHold } from '../../../shared/domain/legal-holds';
import type { Executor } from './connection';

const holdRow = z.object({ id: z.number().int(), reason_kind: z.string(), placed_at: z.string(), incident_id: z.number().int().nullable() });

/**
 * The holds not yet released that protect a record: for an incident, a hold on it or on any
 * pupil on it; for a pupil, a hold on them or on any incident they are on (a hold on an
 * incident covers the children in it, and a hold on a child covers their incidents).
 */
export async function activeHoldsFor(tx: Pick<Executor, 'all'>, target: { incidentId: number } | { pupilId: number }): Promise<ActiveHold[]> {
  const rows =
    'incidentId' in target
      ? await tx.all(
          `SELECT id, reason_kind, placed_at, incident_id FROM legal_holds WHERE released_at IS NULL
             AND (incident_id = ?1 OR pupil_id IN (SELECT pupil_id FROM incident_people WHERE incident_id = ?1 AND pupil_id IS NOT NULL))
           ORDER BY id`,
          [target.incidentId],
        )
      : await tx.all(
          `SELECT id, reason_kind, placed_at, incident_id FROM legal_holds WHERE released_at IS NULL
             AND (pupil_id = ?1 OR incident_id IN (SELECT incident_id FROM incident_people WHERE pupil_id = ?1))
           ORDER BY id`,
          [target.pupilId],
        );
  return rows.map((raw) => {
    const r = holdRow.parse(raw);
    return { id: r.id, reasonKind: r.reason_kind, placedAt: r.placed_at, on: r.incident_id === null ? 'pupil' : 'incident' };
  });
}
