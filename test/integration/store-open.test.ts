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
  for (const file of ['records.db', 'keyslots.json', 'login-failures.json']) await copyFile(join(dataDir, file), join(copy.dir, file));
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
  const PAGE = 4096;
  // Where to damage a copy: inside page 1 (after its salt), in the middle of the file, and
  // in the middle of the first page of each table that holds the set-up's data.
  let targets: { label: string; offset: number }[] = [];

  beforeAll(async () => {
    const size = (await stat(join(dataDir, 'records.db'))).size;
    const db = await Database.open(join(dataDir, 'records.db'), dataKey);
    try {
      const rows = await db.all(`SELECT name, min(pageno) AS page FROM dbstat WHERE name IN ('settings', 'staff', 'audit') GROUP BY name`);
      targets = [
        { label: 'page 1', offset: PAGE / 2 },
        { label: 'the middle of the file', offset: Math.floor(size / 2) },
        ...rows.map((row) => ({ label: `the ${String(row.name)} table`, offset: (Number(row.page) - 1) * PAGE + PAGE / 2 })),
      ];
    } finally {
      await db.close();
    }
    expect(targets).toHaveLength(5);
  });

  async function damagedCopy(offset: number): Promise<{ dir: string; remove: () => Promise<void> }> {
    const copy = await copyOfDataFolder();
    const file = join(copy.dir, 'records.db');
    const bytes = await readFile(file);
    for (let i = offset; i < offset + 16; i += 1) bytes[i] = bytes[i]! ^ 0xa5;
    await writeFile(file, bytes);
    return copy;
  }

  it('is refused on open, or opens read-only and refuses every write with `damaged`', async () => {
    for (const { label, offset } of targets) {
      const damaged = await damagedCopy(offset);
      try {
        let db: Database | undefined;
        try {
          db = await Database.open(join(damaged.dir, 'records.db'), dataKey);
        } catch (error) {
          // Refusing to open is acceptable when it says so plainly.
          expect(error, label).toBeInstanceOf(WrongKeyError);
        }
        if (db) {
          try {
            expect(db.health.ok, label).toBe(false);
            expect(db.writable, label).toBe(false);
            const refused = await db
              .transaction((tx) => tx.run('UPDATE settings SET value = ? WHERE key = ?', ['7', 'lockMinutes']))
              .catch((e: unknown) => e);
            expect(refused, label).toBeInstanceOf(AppError);
            expect((refused as AppError).code, label).toBe('damaged');
            expect((refused as AppError).message, label).toMatch(/integrity check/);
          } finally {
            await db.close();
          }
        }
      } finally {
        await damaged.remove();
      }
    }
  });

  it('tells the person signing in, and never lets them save into it', async () => {
    for (const { label, offset } of targets) {
      const damaged = await damagedCopy(offset);
      const core = await newCore(damaged.dir);
      try {
        const result = await call(core, 'session.unlock', { username: DSL.username, password: DSL.password });
        if (result.ok) {
          // Readable enough to sign in: the problems are shown, and writes are refused.
          expect(result.value.state, label).toBe('unlocked');
          if (result.value.state === 'unlocked') expect(result.value.problems.length, label).toBeGreaterThan(0);
          const write = await call(core, 'settings.update', { lockMinutes: 9 });
          expect(write.ok ? 'ok' : write.error.code, label).toBe('damaged');
        } else {
          expect(result.error.code, label).toBe('damaged');
          expect(result.error.message, label).toMatch(/damaged/);
        }
      } finally {
        await core.close();
        await damaged.remove();
      }
    }
  }, 60_000);
});
