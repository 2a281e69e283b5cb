// A view's audit row is appended in one statement after the chain's end as the session last
// wrote it (issue 9). Whatever else appends meanwhile — a change to the records, another
// connection — the chain must stay one unbroken line with every view in it, in order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../electron/core/audit/audit-log';
import { signBytes } from '../../electron/core/vault/person-keys';
import { Database } from '../../electron/core/db/connection';
import type { Core } from '../../electron/core/index';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { call, createIncident, DSL, expectOk, newCore, setUp } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let dataDir: string;
let remove: () => Promise<void>;
let core: Core;

beforeEach(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
  core = await newCore(dataDir);
  await setUp(core);
});

afterEach(async () => {
  await core.close();
  await remove();
});

async function openDirectly(): Promise<Database> {
  const slot = await new KeyslotStore(`${dataDir}/keyslots.json`).unlockWithPassword(DSL.username, DSL.password);
  if (!slot.ok) throw new Error('the key slot did not open');
  const db = await Database.open(`${dataDir}/records.db`, slot.dataKey);
  // The command line signs with the key of the DSL whose password it was given.
  db.setSigner({ id: slot.staffId, sign: (text) => signBytes(slot.keys, text) });
  return db;
}

describe('audit rows of views', () => {
  it('keep one unbroken chain, every view in order, between changes to the records and rows from another connection', async () => {
    const incidentId = await createIncident(core);
    const view = async () => expectOk(await call(core, 'incidents.get', { incidentId }));

    await view();
    await view();
    // A change to the records appends its own row: the next view must follow it, not fork.
    expectOk(await call(core, 'settings.update', { lockMinutes: 12 }));
    await view();
    // Another connection (the command line's backup, say) appends a row of its own.
    const other = await openDirectly();
    try {
      await other.transaction((tx) => appendAudit(tx, { action: 'backup', actorId: 1, at: new Date(), details: { by: 'another connection' } }));
    } finally {
      await other.close();
    }
    await view();
    await view();

    await core.close();
    const db = await openDirectly();
    try {
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
      const rows = await db.all("SELECT action FROM audit WHERE action IN ('incident.viewed', 'settings.changed', 'backup') ORDER BY seq");
      expect(rows.map((r) => r.action)).toEqual([
        'incident.viewed',
        'incident.viewed',
        'settings.changed',
        'incident.viewed',
        'backup',
        'incident.viewed',
        'incident.viewed',
      ]);
    } finally {
      await db.close();
    }
  });
});
