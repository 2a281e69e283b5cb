// Opening the encrypted store: a wrong key, a database from a newer app and a damaged file
// are each refused clearly, and none of them is changed on disk by the attempt.
import { randomBytes } from 'node:crypto';
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import { Database, WrongKeyError } from '../../electron/core/db/connection';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations/index';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { addStaff, call, DEPUTY, DSL, expectOk, HEAD, newCore, setUp } from './helpers/core';
import { hashFolder, makeTempDir } from './helpers/temp-dir';

let dataDir: string;
let remove: () => Promise<void>;
let dataKey: Buffer;

/** A set-up data folder with a little data in it, closed, and its data key (as a slot gives it). */
beforeAll(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
  const core = await newCore(dataDir);
  await setUp(core);
  await addStaff(core, HEAD, ['head']);
  await addStaff(core, DEPUTY, ['deputy']);
  expectOk(await call(core, 'settings.update', { lockMinutes: 20 }));
  await core.close();
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!unlocked.ok) throw new Error('the DSL password should open the key file');
  dataKey = unlocked.dataKey;
}, 60_000);

afterAll(async () => {
  await remove();
});

/** A copy of the set-up folder, so each test can damage or age its own. */
async function copyOfDataFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const copy = await makeTempDir();
  for (const file of ['records.db', 'keyslots.json']) await copyFile(join(dataDir, file), join(copy.dir, file));
  return copy;
}

describe('a wrong key', () => {
  it('is refused with WrongKeyError and changes no file in the folder', async () => {
    const before = await hashFolder(dataDir);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(Database.open(join(dataDir, 'records.db'), randomBytes(32))).rejects.toBeInstanceOf(WrongKeyError);
    }
    expect(await hashFolder(dataDir)).toEqual(before);
  });

  it('says so in words a technician can act on', async () => {
    const error = await Database.open(join(dataDir, 'records.db'), randomBytes(32)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongKeyError);
    expect((error as WrongKeyError).message).toMatch(/could not be opened with this key/);
  });

  it('the right key still opens the untouched file', async () => {
    const db = await Database.open(join(dataDir, 'records.db'), dataKey);
    try {
      expect(db.health).toEqual({ ok: true });
      expect(await schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      const names = await db.all('SELECT name FROM staff ORDER BY id');
      expect(names.map((row) => row.name)).toEqual([DSL.name, HEAD.name, DEPUTY.name]);
    } finally {
      await db.close();
    }
  });
});

describe('a database saved by a newer version of the app', () => {
  let newer: { dir: string; remove: () => Promise<void> };

  beforeAll(async () => {
    newer = await copyOfDataFolder();
    const db = await Database.open(join(newer.dir, 'records.db'), dataKey);
    try {
      await db.transaction((tx) => tx.exec('PRAGMA user_version = 999'));
    } finally {
      await db.close();
    }
  });

  afterAll(async () => {
    await newer.remove();
  });

  it('is refused by migrate with a message that it was saved by a newer version', async () => {
    const db = await Database.open(join(newer.dir, 'records.db'), dataKey);
    try {
      const error = await migrate(db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/saved by a newer version/);
      expect(await schemaVersion(db)).toBe(999);
    } finally {
      await db.close();
    }
  });

  it('cannot be unlocked through dispatch, and nothing on disk changes', async () => {
    const before = await hashFolder(newer.dir);
    const core = await newCore(newer.dir);
    try {
      const result = await call(core, 'session.unlock', { username: DSL.username, password: DSL.password });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/newer version/);
      expect(expectOk(await call(core, 'session.status', {}))).toEqual({ state: 'locked' });
      expect((await call(core, 'staff.list', {})).ok).toBe(false);
    } finally {
      await core.close();
    }
    expect(await hashFolder(newer.dir)).toEqual(before);
  }, 60_000);
});

describe('a damaged database', () => {
  // Flip bytes at a few places in the body of the file (page 1 holds the header and salt).
  it.each([0.5, 0.3, 0.7, 0.95])('with bytes flipped at %f of its length is never silently accepted', async (where) => {
    const damaged = await copyOfDataFolder();
    try {
      const file = join(damaged.dir, 'records.db');
      const bytes = await readFile(file);
      expect(bytes.length).toBeGreaterThan(4096 * 3);
      const at = Math.floor(bytes.length * where);
      for (let i = at; i < at + 16; i += 1) bytes[i] = bytes[i]! ^ 0xa5;
      await writeFile(file, bytes);
      expect((await stat(file)).size).toBe(bytes.length);

      let db: Database;
      try {
        db = await Database.open(file, dataKey);
      } catch (error) {
        // Refusing to open is acceptable if it says why, without SQL or internals.
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(/damaged|integrity|could not be opened/i);
        return;
      }
      try {
        expect(db.health.ok).toBe(false);
        expect(db.writable).toBe(false);
        const refused = await db.transaction((tx) => tx.run('UPDATE settings SET value = ? WHERE key = ?', ['7', 'lockMinutes'])).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(AppError);
        expect((refused as AppError).code).toBe('damaged');
        expect((refused as AppError).message).toMatch(/integrity check/);
      } finally {
        await db.close();
      }
    } finally {
      await damaged.remove();
    }
  });
});
