import { z } from 'zod';
import { INCIDENT_SOURCES } from '../../../shared/domain/incident-source';
import { INCIDENT_KINDS, MEDIA, SHARING } from '../../../shared/domain/incidents';
import type { IncidentFacts } from '../../../shared/domain/incident-lifecycle';
import type { VoidedIncident } from '../../../shared/domain/read-models/incident-history';
import type { Executor } from './connection';

// The incident record's own history (migration 6): corrections of its facts, each with the
// whole earlier and later facts, and its changes of status. Both tables are append-only.

export type StatusChange = 'closed' | 'reopened' | 'voided';

/** Stored facts read back: the shape written by `insertCorrection` (IncidentFacts). */
const storedFacts = z.object({
  title: z.string(),
  cameToAttentionOn: z.string(),
  imageryDate: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  media: z.enum(MEDIA),
  services: z.array(z.string()),
  sharing: z.enum(SHARING),
  sharingDetails: z.string(),
  // Corrections kept before migration 11 hold no source: those incidents reached the school the usual way.
  source: z.enum(INCIDENT_SOURCES).default('school'),
  sourceAgency: z.string().default(''),
  sourceReference: z.string().default(''),
});

const correctionRow = z.object({ changed_at: z.string(), by_name: z.string(), reason: z.string(), before: z.string(), after: z.string(), id: z.number().int() });
const statusRow = z.object({ change: z.enum(['closed', 'reopened', 'voided']), changed_at: z.string(), by_name: z.string(), reason: z.string(), id: z.number().int() });
const voidedRow = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  came_to_attention_on: z.string(),
  changed_at: z.string(),
  by_name: z.string(),
  reason: z.string(),
});

export type CorrectionRecord = { id: number; at: string; byName: string; reason: string; before: IncidentFacts; after: IncidentFacts };
export type StatusChangeRecord = { id: number; change: StatusChange; at: string; byName: string; reason: string };

/** Writes the corrected facts onto the incident; policeMatter follows the kind. The reference is never touched. */
export async function updateIncidentFacts(tx: Executor, id: number, facts: IncidentFacts & { policeMatter: boolean }, at: string, by: number): Promise<void> {
  await tx.run(
    `UPDATE incidents SET title = ?, came_to_attention_on = ?, imagery_date = ?, kind = ?, media = ?, services = ?, sharing = ?,
       sharing_details = ?, police_matter = ?, source = ?, source_agency = ?, source_reference = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    [
      facts.title,
      facts.cameToAttentionOn,
      facts.imageryDate,
      facts.kind,
      facts.media,
      JSON.stringify(facts.services),
      facts.sharing,
      facts.sharingDetails,
      facts.policeMatter ? 1 : 0,
      facts.source,
      facts.sourceAgency,
      facts.sourceReference,
      at,
      by,
      id,
    ],
  );
}

export async function insertCorrection(
  tx: Executor,
  row: { incidentId: number; before: IncidentFacts; after: IncidentFacts; reason: string; at: string; by: number },
): Promise<number> {
  const { lastId } = await tx.run(
    'INSERT INTO incident_versions (incident_id, changed_at, changed_by, reason, before, after) VALUES (?, ?, ?, ?, ?, ?)',
    [row.incidentId, row.at, row.by, row.reason, JSON.stringify(row.before), JSON.stringify(row.after)],
  );
  return lastId;
}

export async function insertStatusChange(tx: Executor, incidentId: number, change: StatusChange, reason: string, at: string, by: number): Promise<number> {
  const { lastId } = await tx.run(
    'INSERT INTO incident_status_changes (incident_id, change, changed_at, changed_by, reason) VALUES (?, ?, ?, ?, ?)',
    [incidentId, change, at, by, reason],
  );
  return lastId;
}

export async function markReopened(tx: Executor, id: number, at: string, by: number): Promise<void> {
  await tx.run(`UPDATE incidents SET status = 'open', updated_at = ?, updated_by = ? WHERE id = ?`, [at, by, id]);
}

export async function markVoided(tx: Executor, id: number, at: string, by: number): Promise<void> {
  await tx.run('UPDATE incidents SET voided = 1, updated_at = ?, updated_by = ? WHERE id = ?', [at, by, id]);
}

export async function correctionsOfIncident(db: Pick<Executor, 'all'>, incidentId: number): Promise<CorrectionRecord[]> {
  const rows = await db.all(
    `SELECT v.id, v.changed_at, s.name AS by_name, v.reason, v.before, v.after FROM incident_versions v JOIN staff s ON s.id = v.changed_by
     WHERE v.incident_id = ? ORDER BY v.id`,
    [incidentId],
  );
  return rows.map((row) => {
    const r = correctionRow.parse(row);
    return { id: r.id, at: r.changed_at, byName: r.by_name, reason: r.reason, before: storedFacts.parse(JSON.parse(r.before)), after: storedFacts.parse(JSON.parse(r.after)) };
  });
}

export async function statusChangesOfIncident(db: Pick<Executor, 'all'>, incidentId: number): Promise<StatusChangeRecord[]> {
  const rows = await db.all(
    `SELECT c.id, c.change, c.changed_at, s.name AS by_name, c.reason FROM incident_status_changes c JOIN staff s ON s.id = c.changed_by
     WHERE c.incident_id = ? ORDER BY c.id`,
    [incidentId],
  );
  return rows.map((row) => {
    const r = statusRow.parse(row);
    return { id: r.id, change: r.change, at: r.changed_at, byName: r.by_name, reason: r.reason };
  });
}

/** Every voided incident, most recently voided first, with who voided it, when and why. */
export async function listVoidedIncidents(db: Pick<Executor, 'all'>): Promise<VoidedIncident[]> {
  const rows = await db.all(
    `SELECT i.id, i.reference, i.title, i.came_to_attention_on, c.changed_at, s.name AS by_name, c.reason
     FROM incidents i JOIN incident_status_changes c ON c.incident_id = i.id AND c.change = 'voided' JOIN staff s ON s.id = c.changed_by
     WHERE i.voided = 1 ORDER BY c.changed_at DESC, c.id DESC`,
  );
  return rows.map((row) => {
    const r = voidedRow.parse(row);
    return { id: r.id, reference: r.reference, title: r.title, cameToAttentionOn: r.came_to_attention_on, voidedAt: r.changed_at, voidedByName: r.by_name, reason: r.reason };
  });
}
