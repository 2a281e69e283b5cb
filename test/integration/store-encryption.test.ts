// Must show (issue 3): after setup with a distinctive school name and staff name, no file
// in the data folder contains either string, and none begins with "SQLite format 3".
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { addStaff, call, expectOk, newCore, setUp, type Person } from './helpers/core';
import { listFiles, makeTempDir } from './helpers/temp-dir';

const SCHOOL = 'Quillfeather Academy of Saint Wenceslas-under-Lyme';
const DSL: Person = { name: 'Marigold Thistlewood-Abernathy', username: 'marigold.t', password: 'correct horse battery staple' };
const HEAD: Person = { name: 'Barnaby Hollowell-Pemberton', username: 'barnaby.h', password: 'violet tractor pudding moon' };
// Usernames too: the key file stores only a salted hash of each.
const SECRETS = [SCHOOL, DSL.name, HEAD.name, DSL.username, HEAD.username];
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Every file's name and bytes, including any -wal, -shm and temp files. */
async function readEveryFile(dir: string): Promise<{ file: string; bytes: Buffer }[]> {
  const files = await listFiles(dir);
  return Promise.all(files.map(async (file) => ({ file, bytes: await readFile(join(dir, file)) })));
}

async function expectNothingReadable(dir: string): Promise<string[]> {
  const files = await readEveryFile(dir);
  expect(files.map((f) => f.file)).toContain('records.db');
  expect(files.map((f) => f.file)).toContain('keyslots.json');
  for (const { file, bytes } of files) {
    expect(bytes.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC), `${file} is a plain SQLite file`).toBe(false);
    for (const secret of SECRETS) {
      for (const variant of [secret, secret.toLowerCase(), secret.toUpperCase()]) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          expect(bytes.includes(Buffer.from(variant, encoding)), `${file} contains "${variant}" (${encoding})`).toBe(false);
        }
      }
    }
  }
  return files.map((f) => f.file);
}

describe('the data folder on disk', () => {
  let dataDir: string;
  let remove: () => Promise<void>;
  let core: Core | undefined;

  beforeEach(async () => {
    ({ dir: dataDir, remove } = await makeTempDir());
  });

  afterEach(async () => {
    await core?.close();
    core = undefined;
    await remove();
  });

  it('holds no readable school or staff name, while unlocked and after locking', async () => {
    core = await newCore(dataDir);
    await setUp(core, { school: SCHOOL, dsl: DSL });
    await addStaff(core, HEAD, ['head'], DSL);
    expectOk(await call(core, 'settings.update', { lockMinutes: 12 }));

    // Unlocked: the write-ahead log holds the newest pages and must be encrypted too.
    const whileOpen = await expectNothingReadable(dataDir);
    expect(whileOpen.some((file) => file.endsWith('-wal'))).toBe(true);

    await core.lock('button');
    await expectNothingReadable(dataDir);

    // And the names really are in there, so the check above could have failed.
    expectOk(await call(core, 'session.unlock', { username: DSL.username, password: DSL.password }));
    const staff = expectOk(await call(core, 'staff.list', {}));
    expect(staff.map((s) => s.name).sort()).toEqual([HEAD.name, DSL.name].sort());
    const settings = expectOk(await call(core, 'settings.get', {}));
    expect(settings.schoolName).toBe(SCHOOL);
  }, 60_000);
});
