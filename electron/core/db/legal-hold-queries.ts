import { z } from 'zod';
import { HOLD_REASON_KINDS, type HoldReasonKind, type LegalHold } from '../../../shared/domain/legal-holds';
import type { Executor } from './connection';

/** The record a hold is placed on, or whose holds are asked for. */
export type HoldTarget = { incidentId: number } | { pupilId: number };

const holdRow = z.object({
  id: z.number().int(),
  incident_id: z.number().int().nullable(),
  pupil_id: z.number().int().nullable(),
  reason_kind: z.enum(HOLD_REASON_KINDS),
  reason: z.string(),
  placed_at: z.string(),
  placed_by_name: z.string().nullable(),
  released_at: z.string().nullable(),
  released_by_name: z.string().nullable(),
  release_reason: z.string(),
  on_label: z.string(),
});

/** A hold with what it is on in words: the incident's reference or the pupil's name. */
export type HoldRow = LegalHold & { on: string };

const SELECT = `SELECT h.id, h.incident_id, h.pupil_id, h.reason_kind, h.reason, h.placed_at, p.name AS placed_by_name,
    h.released_at, r.name AS released_by_name, h.release_reason,
    COALESCE(hi.reference, hp.first_name || ' ' || hp.last_name, '') AS on_label
  FROM legal_holds h LEFT JOIN staff p ON p.id = h.placed_by LEFT JOIN staff r ON r.id = h.released_by
    LEFT JOIN incidents hi ON hi.id = h.incident_id LEFT JOIN pupils hp ON hp.id = h.pupil_id`;

function toHold(row: unknown): HoldRow {
  const r = holdRow.parse(row);
  return {
    id: r.id,
    incidentId: r.incident_id,
    pupilId: r.pupil_id,
    reasonKind: r.reason_kind,
    reason: r.reason,
    placedAt: r.placed_at,
    placedBy: r.placed_by_name ?? '',
    releasedAt: r.released_at,
    releasedBy: r.released_at === null ? null : (r.released_by_name ?? ''),
    releaseReason: r.release_reason,
    on: r.on_label,
  };
}

// The holds that reach a record: its own, and those on the records linked to it through an
// incident's people (a pupil removed from an incident no longer links them).
const APPLYING_TO_INCIDENT = `h.incident_id = ?1 OR h.pupil_id IN
  (SELECT pupil_id FROM incident_people WHERE incident_id = ?1 AND pupil_id IS NOT NULL AND removed_at IS NULL)`;
const APPLYING_TO_PUPIL = `h.pupil_id = ?1 OR h.incident_id IN
  (SELECT incident_id FROM incident_people WHERE pupil_id = ?1 AND removed_at IS NULL)`;

function applying(target: HoldTarget): { where: string; id: number } {
  return 'incidentId' in target ? { where: APPLYING_TO_INCIDENT, id: target.incidentId } : { where: APPLYING_TO_PUPIL, id: target.pupilId };
}

/** Every hold, active or released, that applies to the record: the legal hold panel's history. */
export async function holdsFor(db: Pick<Executor, 'all'>, target: HoldTarget): Promise<HoldRow[]> {
  const { where, id } = applying(target);
  return (await db.all(`${SELECT} WHERE ${where} ORDER BY h.placed_at, h.id`, [id])).map(toHold);
}

/**
 * The active holds that apply to a record, including through the pupils on an incident or the
 * incidents of a pupil. Destruction calls this inside its own transaction and refuses when any.
 */
export async function activeHoldsFor(tx: Pick<Executor, 'all'>, target: { incidentId: number } | { pupilId: number }): Promise<HoldRow[]> {
  const { where, id } = applying(target);
  return (await tx.all(`${SELECT} WHERE (${where}) AND h.released_at IS NULL ORDER BY h.placed_at, h.id`, [id])).map(toHold);
}

/** Every active hold in the school. */
export async function allActiveHolds(db: Pick<Executor, 'all'>): Promise<HoldRow[]> {
  return (await db.all(`${SELECT} WHERE h.released_at IS NULL ORDER BY h.placed_at, h.id`)).map(toHold);
}

export async function findHold(db: Pick<Executor, 'get'>, id: number): Promise<HoldRow | undefined> {
  const row = await db.get(`${SELECT} WHERE h.id = ?`, [id]);
  return row ? toHold(row) : undefined;
}

export async function insertHold(
  tx: Executor,
  hold: { target: HoldTarget; reasonKind: HoldReasonKind; reason: string; at: string; by: number },
): Promise<number> {
  const incidentId = 'incidentId' in hold.target ? hold.target.incidentId : null;
  const pupilId = 'pupilId' in hold.target ? hold.target.pupilId : null;
  const { lastId } = await tx.run(
    'INSERT INTO legal_holds (incident_id, pupil_id, reason_kind, reason, placed_at, placed_by) VALUES (?, ?, ?, ?, ?, ?)',
    [incidentId, pupilId, hold.reasonKind, hold.reason, hold.at, hold.by],
  );
  return lastId;
}

/** Releases an active hold; false when it was already released. */
export async function releaseHold(tx: Executor, id: number, release: { reason: string; at: string; by: number }): Promise<boolean> {
  const { changes } = await tx.run(
    'UPDATE legal_holds SET released_at = ?, released_by = ?, release_reason = ? WHERE id = ? AND released_at IS NULL',
    [release.at, release.by, release.reason, id],
  );
  return changes === 1;
}
