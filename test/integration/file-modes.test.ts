// Issue 16 (basics): the database files are private to the user who runs the app (0600)
// on Linux and macOS: records.db, its -wal and -shm, and the files a backup makes. SQLite
// on its own creates them 0644 (readable by every account on the computer, were the folder
// ever opened up). Windows protects them with the profile folder's ACL instead.
import { readdirSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { call, DSL, expectOk, setUp, unlockAs } from './helpers/core';

const DB_FILES = ['records.db', 'records.db-wal', 'records.db-shm'];

let root: string;
let dataDir: string;
let backupDir: string;
let core: Core;
let umask: number;

function open(): Promise<Core> {
  return createCore({ dataDir, appVersion: '0.0.0-test', chooseFolder: () => Promise.resolve(backupDir), log: () => undefined });
}

async function modeOf(path: string): Promise<string> {
  return ((await stat(path)).mode & 0o777).toString(8);
}

beforeEach(async () => {
  // The usual umask, under which SQLite's own files come out 0644.
  umask = process.umask(0o022);
  root = await mkdtemp(join(tmpdir(), 'records-file-modes-'));
  dataDir = join(root, 'data');
  backupDir = join(root, 'usb');
  await mkdir(backupDir);
  core = await open();
});

afterEach(async () => {
  await core.close();
  process.umask(umask);
  await rm(root, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('database file permissions', () => {
  it('records.db, -wal and -shm are created 0600 at set-up', async () => {
    await setUp(core);
    for (const name of DB_FILES) expect(`${name} ${await modeOf(join(dataDir, name))}`).toBe(`${name} 600`);
    expect(await modeOf(join(dataDir, 'keyslots.json'))).toBe('600');
  }, 60_000);

  it('files an older version left 0644 are made 0600 when the records are next opened', async () => {
    await setUp(core);
    await core.close();
    for (const name of DB_FILES) await chmod(join(dataDir, name), 0o644).catch(() => undefined);
    core = await open();
    await unlockAs(core, DSL);
    for (const name of DB_FILES) expect(`${name} ${await modeOf(join(dataDir, name))}`).toBe(`${name} 600`);
  }, 60_000);

  it('a backup and every file made on the way to it are 0600', async () => {
    await setUp(core);
    expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
    // Looks at the backup folder as often as it can while the backup is made, so the
    // temporary copy and its -wal and -shm are seen too.
    const seen = new Map<string, string>();
    const look = setInterval(() => {
      for (const name of readdirSync(backupDir)) {
        try {
          seen.set(name, (statSync(join(backupDir, name)).mode & 0o777).toString(8));
        } catch {
          // Gone between listing and looking.
        }
      }
    }, 1);
    try {
      const { fileName } = expectOk(await call(core, 'backups.run', {}));
      seen.set(fileName, await modeOf(join(backupDir, fileName)));
    } finally {
      clearInterval(look);
    }
    expect([...seen].filter(([, mode]) => mode !== '600')).toEqual([]);
  }, 60_000);
});
