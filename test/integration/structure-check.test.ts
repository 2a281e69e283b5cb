// Signing in checks every page's HMAC before it answers; the slower structure check
// (indexes against tables, constraints, the search index) runs after it on a second
// connection (issue 9, docs/decisions/0005). A problem only that check can see must still
// stop every write and reach the person signed in.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../electron/core/db/connection';
import { AppError } from '../../electron/core/errors';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { call, createIncident, DSL, expectOk, newCore, setUp, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let dataDir: string;
let remove: () => Promise<void>;
let dataKey: Buffer;
let incidentId: number;

/**
 * A data folder whose every page is intact (the HMACs verify) but whose content breaks a
 * rule of the schema: a staff row with `active` = 7, written with CHECK constraints off,
 * as only a bug or a tool working on the file directly could.
 */
beforeAll(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
  const core = await newCore(dataDir);
  await setUp(core);
  incidentId = await createIncident(core);
  await core.close();
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!unlocked.ok) throw new Error('the DSL password should open the key file');
  dataKey = unlocked.dataKey;
  const db = await Database.open(join(dataDir, 'records.db'), dataKey);
  try {
    await db.transaction(async (tx) => {
      await tx.exec('PRAGMA ignore_check_constraints = ON');
      await tx.run("INSERT INTO staff (username, name, roles, created_at, active) VALUES ('broken', 'Broken Row', '[]', '2026-11-23T09:00:00.000Z', 7)");
    });
  } finally {
    await db.close();
  }
}, 60_000);

afterAll(async () => {
  await remove();
});

describe('a database that breaks its own rules, with every page intact', () => {
  it('is found by the full check before open returns (backups, restore, the command line)', async () => {
    const db = await Database.open(join(dataDir, 'records.db'), dataKey);
    try {
      expect(db.health.ok).toBe(false);
      if (!db.health.ok) expect(db.health.problems.join('\n')).toMatch(/CHECK constraint failed in staff/);
    } finally {
      await db.close();
    }
  });

  it('passes the page check at once, then fails the structure check that follows, and from then refuses writes', async () => {
    const db = await Database.open(join(dataDir, 'records.db'), dataKey, { check: 'structure-in-background' });
    try {
      expect(db.health).toEqual({ ok: true });
      const health = await db.structureChecked();
      expect(health.ok).toBe(false);
      expect(db.writable).toBe(false);
      const refused = await db.transaction((tx) => tx.run("UPDATE settings SET value = '9' WHERE key = 'lockMinutes'")).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('damaged');
    } finally {
      await db.close();
    }
  });

  it('reaches the person signed in: the problem is shown, and a save is refused as damaged', async () => {
    const core = await newCore(dataDir);
    try {
      await unlockAs(core, DSL);
      await expect
        .poll(async () => {
          const status = expectOk(await call(core, 'session.status', {}));
          return status.state === 'unlocked' ? status.problems.join('\n') : status.state;
        }, { timeout: 10_000 })
        .toMatch(/CHECK constraint failed in staff/);
      const saved = await call(core, 'entries.create', {
        incidentId,
        occurredOn: '2026-11-23',
        occurredTime: '09:00',
        kind: 'conversation',
        body: { withWhom: 'A pupil', byWhom: DSL.name, summary: 'Saved on a database that fails its structure check.', supportOffered: '' },
      });
      expect(saved.ok ? 'saved' : saved.error.code).toBe('damaged');
    } finally {
      await core.close();
    }
  });

  it('can be closed while the structure check is still running, without reporting a problem it did not find', async () => {
    const { dir, remove: removeCopy } = await makeTempDir();
    try {
      const core = await newCore(dir);
      await setUp(core);
      await core.close();
      const slot = await new KeyslotStore(join(dir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
      if (!slot.ok) throw new Error('the DSL password should open the key file');
      const db = await Database.open(join(dir, 'records.db'), slot.dataKey, { check: 'structure-in-background' });
      await db.close();
      expect(db.health).toEqual({ ok: true });
      expect(await db.structureChecked()).toEqual({ ok: true });
    } finally {
      await removeCopy();
    }
  });
});
