// Signing in checks every page's HMAC and then the structure (indexes against tables,
// constraints, the search index) before it answers (docs/decisions/0005, 0012). A problem
// only the structure check can see must still stop every write and reach the person signed in.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../electron/core/db/connection';
import { AppError } from '../../electron/core/errors';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { call, createIncident, DSL, newCore, setUp, unlockAs } from './helpers/core';
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

  it('opens for reading, and refuses every write as damaged', async () => {
    const db = await Database.open(join(dataDir, 'records.db'), dataKey);
    try {
      expect(db.writable).toBe(false);
      expect(await db.get('SELECT count(*) AS n FROM staff')).toEqual({ n: 2 });
      const refused = await db.transaction((tx) => tx.run("UPDATE settings SET value = '9' WHERE key = 'lockMinutes'")).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('damaged');
    } finally {
      await db.close();
    }
  });

  it('reaches the person as they sign in: the problem is shown, and a save is refused as damaged', async () => {
    const core = await newCore(dataDir);
    try {
      const signedIn = await unlockAs(core, DSL);
      expect(signedIn.state === 'unlocked' ? signedIn.problems.join('\n') : signedIn.state).toMatch(/CHECK constraint failed in staff/);
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
});
