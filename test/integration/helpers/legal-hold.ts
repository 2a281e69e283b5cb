import { join } from 'node:path';
import { appendAudit } from '../../../electron/core/audit/audit-log';
import { Database } from '../../../electron/core/db/connection';
import { KeyslotStore } from '../../../electron/core/vault/keyslots';
import { signBytes } from '../../../electron/core/vault/person-keys';
import type { AuditAction } from '../../../shared/domain/audit';
import type { Person } from './core';

/**
 * Places a legal hold as the legal-holds part's channel will (a `legal_holds` row and its signed
 * audit row, in one transaction, tracked like every change), through the core's own modules
 * with the DSL's own password: that channel is not on this branch's base. At merge, tests can
 * place holds through it instead.
 */
export async function placeHold(dataDir: string, dsl: Person & { id: number }, target: { incidentId: number } | { pupilId: number }, at: string): Promise<number> {
  const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(dsl.username, dsl.password);
  if (!slot.ok) throw new Error(`${dsl.username}'s password should open their key slot`);
  const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
  try {
    await db.trackChanges();
    const signer = { id: dsl.id, sign: (text: string) => signBytes(slot.keys, text) };
    return await db.transaction(
      async (tx) => {
        const { lastId } = await tx.run(
          `INSERT INTO legal_holds (incident_id, pupil_id, reason_kind, reason, placed_at, placed_by) VALUES (?, ?, 'police-investigation', ?, ?, ?)`,
          ['incidentId' in target ? target.incidentId : null, 'pupilId' in target ? target.pupilId : null, 'Fictional: the police asked the school to keep everything.', at, dsl.id],
        );
        // The legal-holds part adds this action to AUDIT_ACTIONS; Verify reads no action but destruction's.
        await appendAudit(tx, { action: 'legal-hold.placed' as AuditAction, actorId: dsl.id, at: new Date(at), subjectType: 'legal-hold', subjectId: lastId });
        return lastId;
      },
      { signer },
    );
  } finally {
    await db.close();
    slot.dataKey.fill(0);
  }
}
