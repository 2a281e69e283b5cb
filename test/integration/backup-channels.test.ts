// Issue 8 through the one door: the backup channels, the automatic backups and restoring a
// backup over the live records, on real SQLCipher files in temp folders. Every name here
// is fictional.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_CHECK_MS } from '../../electron/core/backup-schedule';
import { Database } from '../../electron/core/db/connection';
import { createCore, type Core } from '../../electron/core/index';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import type { Input } from '../../shared/ipc/contract';
import { addStaff, call, DEPUTY, DSL, expectError, expectOk, HEAD, setUp, TestClock, unlockAs } from './helpers/core';

const HOUR = 60 * 60_000;

function pupil(firstName: string, lastName: string): Input<'pupils.create'> {
  return { firstName, lastName, dateOfBirth: '2011-03-04', sex: 'female', yearGroup: '10', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' };
}

async function pupilNames(core: Core): Promise<string[]> {
  return expectOk(await call(core, 'pupils.list', {}))
    .map((p) => `${p.firstName} ${p.lastName}`)
    .sort();
}

describe('backup channels', () => {
  let root: string;
  let dataDir: string;
  let backupDir: string;
  let chosen: string | null;
  let clock: TestClock;
  let core: Core;
  let logs: string[];

  async function open(): Promise<Core> {
    return createCore({ dataDir, appVersion: '0.0.0-test', now: clock.now, chooseFolder: () => Promise.resolve(chosen), log: (m) => logs.push(m) });
  }

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'records-backup-channels-'));
    dataDir = join(root, 'data');
    backupDir = join(root, 'usb', 'backups');
    await mkdir(backupDir, { recursive: true });
    chosen = backupDir;
    clock = new TestClock();
    logs = [];
    core = await open();
    await setUp(core);
  });

  afterEach(async () => {
    vi.useRealTimers();
    await core.close();
    await rm(root, { recursive: true, force: true });
  });

  it('refuses to back up before a folder is chosen, in plain words, and says no backup is recent', async () => {
    const status = expectOk(await call(core, 'backups.status', {}));
    expect(status).toMatchObject({ folder: null, folderAvailable: false, lastBackup: null, recent: false, keep: 14, backups: [] });
    const error = expectError(await call(core, 'backups.run', {}), 'not_saved');
    expect(error.message).toMatch(/No backup folder has been chosen/);
    const dashboard = expectOk(await call(core, 'dashboard.get', {}));
    expect(dashboard.lastBackup).toEqual({ at: null, folderChosen: false, recent: false });
  });

  it('backs up into the chosen folder, lists it, audits it, and the dashboard shows the time', async () => {
    chosen = null;
    expect(expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password })).folder).toBeNull();
    chosen = backupDir;
    expect(expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password })).folder).toBe(backupDir);

    const result = expectOk(await call(core, 'backups.run', {}));
    expect(result.fileName).toBe('records-backup-2026-11-23-090000.ypsibak');
    expect(existsSync(join(backupDir, result.fileName))).toBe(true);
    expect(result.tables.staff).toBe(1);

    const status = expectOk(await call(core, 'backups.status', {}));
    expect(status.recent).toBe(true);
    expect(status.lastBackup).toEqual({ at: '2026-11-23T09:00:00.000Z', fileName: result.fileName });
    expect(status.backups).toEqual([{ fileName: result.fileName, createdAt: '2026-11-23T09:00:00.000Z', bytes: result.bytes, ok: true }]);

    const dashboard = expectOk(await call(core, 'dashboard.get', {}));
    expect(dashboard.lastBackup).toEqual({ at: '2026-11-23T09:00:00.000Z', folderChosen: true, recent: true });

    const audit = expectOk(await call(core, 'audit.list', {}));
    const row = audit.find((r) => r.action === 'backup');
    expect(row?.details).toMatchObject({ trigger: 'manual', file: result.fileName });
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);

    // Eight days on, that backup is no longer recent.
    clock.advance(8 * 24 * HOUR);
    await call(core, 'session.touch', {});
    await unlockAs(core, DSL);
    expect(expectOk(await call(core, 'backups.status', {})).recent).toBe(false);
    expect(expectOk(await call(core, 'dashboard.get', {})).lastBackup.recent).toBe(false);
  });

  it('keeps only the newest N backups', async () => {
    expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
    expectError(await call(core, 'backups.configure', { keep: 0 }), 'invalid_input');
    expect(expectOk(await call(core, 'backups.configure', { keep: 2 })).keep).toBe(2);
    const names: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      names.push(expectOk(await call(core, 'backups.run', {})).fileName);
      clock.advance(1000);
    }
    expect(new Set(names).size).toBe(3);
    const files = (await readdir(backupDir)).sort();
    expect(files).toEqual(names.slice(1).sort());
    expect(expectOk(await call(core, 'backups.status', {})).backups.map((b) => b.fileName)).toEqual([names[2], names[1]]);
  });

  it('says plainly when the folder has gone (a USB stick removed) and audits the failure', async () => {
    expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
    await rm(join(root, 'usb'), { recursive: true });
    const error = expectError(await call(core, 'backups.run', {}), 'not_saved');
    expect(error.message).toMatch(/cannot be found.*USB stick/);
    expect(existsSync(backupDir)).toBe(false);
    const status = expectOk(await call(core, 'backups.status', {}));
    expect(status).toMatchObject({ folder: backupDir, folderAvailable: false, backups: [] });
    const failed = expectOk(await call(core, 'audit.list', {})).find((r) => r.action === 'backup.failed');
    expect(failed?.details).toMatchObject({ trigger: 'manual' });
    expect(String(failed?.details.reason)).toMatch(/cannot be found/);
  });

  it('refuses a backup folder inside the data folder', async () => {
    chosen = join(dataDir, 'inside');
    await mkdir(chosen);
    expect(expectError(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }), 'not_saved').message).toMatch(/inside the app’s own data folder/);
  });

  it('lets only the DSL choose, configure, back up and restore; any member of staff may see the status', async () => {
    await addStaff(core, DEPUTY, ['deputy']);
    await addStaff(core, HEAD, ['head']);
    expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
    const { fileName } = expectOk(await call(core, 'backups.run', {}));
    for (const person of [DEPUTY, HEAD]) {
      await unlockAs(core, person);
      expectError(await call(core, 'backups.run', {}), 'forbidden');
      expectError(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }), 'forbidden');
      expectError(await call(core, 'backups.configure', { keep: 3 }), 'forbidden');
      expectError(await call(core, 'backups.restoreLive', { file: fileName, username: DSL.username, password: DSL.password, confirm: true, currentPassword: DSL.password }), 'forbidden');
      expect(expectOk(await call(core, 'backups.status', {})).lastBackup?.fileName).toBe(fileName);
    }
    expect(existsSync(join(dataDir, 'records.db'))).toBe(true);
  });

  it('restores a backup over the live records: the old folder is kept, the app locks, and after sign-in the records are the backup’s', async () => {
    expectOk(await call(core, 'pupils.create', pupil('Tamsin', 'Oakridge')));
    expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
    const { fileName } = expectOk(await call(core, 'backups.run', {}));
    clock.advance(HOUR);
    await unlockAs(core, DSL);
    expectOk(await call(core, 'pupils.create', pupil('Rowan', 'Ashcombe')));
    expect(await pupilNames(core)).toEqual(['Rowan Ashcombe', 'Tamsin Oakridge']);

    // Without the tick, or with the wrong password, nothing happens.
    expectError(await call(core, 'backups.restoreLive', { file: fileName, username: DSL.username, password: DSL.password, confirm: false } as never), 'invalid_input');
    const wrong = expectError(await call(core, 'backups.restoreLive', { file: fileName, username: DSL.username, password: 'not the password', confirm: true, currentPassword: DSL.password }), 'bad_credentials');
    expect(wrong.fields?.password).toBeDefined();
    expectError(await call(core, 'backups.restoreLive', { file: '../data/records.db', username: DSL.username, password: DSL.password, confirm: true, currentPassword: DSL.password }), 'invalid_input');
    expect((await readdir(root)).sort()).toEqual(['data', 'usb']);
    // A wrong password counts towards the sign-in delay.
    clock.advance(60_000);
    expect(await pupilNames(core)).toEqual(['Rowan Ashcombe', 'Tamsin Oakridge']);

    const restored = expectOk(await call(core, 'backups.restoreLive', { file: fileName, username: DSL.username, password: DSL.password, confirm: true, currentPassword: DSL.password }));
    expect(restored.replacedFolder).toBe('data-replaced-2026-11-23-100100');
    expect(restored.tables.pupils).toBe(1);
    expect(expectOk(await call(core, 'session.status', {})).state).toBe('locked');
    expectError(await call(core, 'pupils.list', {}), 'locked');

    // The replaced records are kept beside the data folder, whole.
    const replacedDir = join(dirname(dataDir), restored.replacedFolder);
    expect((await readdir(replacedDir)).sort()).toEqual(expect.arrayContaining(['keyslots.json', 'records.db']));
    expect((await readdir(root)).sort()).toEqual(['data', restored.replacedFolder, 'usb']);

    await unlockAs(core, DSL);
    expect(await pupilNames(core)).toEqual(['Tamsin Oakridge']);
    const audit = expectOk(await call(core, 'audit.list', {}));
    expect(audit.find((r) => r.action === 'restore')?.details).toMatchObject({ file: fileName, replacedFolder: restored.replacedFolder });
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);

    // The kept folder still opens as the records were, with the Rowan record.
    await core.close();
    dataDir = replacedDir;
    core = await open();
    await unlockAs(core, DSL);
    expect(await pupilNames(core)).toEqual(['Rowan Ashcombe', 'Tamsin Oakridge']);
    expect(basename(dataDir)).toBe(restored.replacedFolder);
  });

  it('restores from the newest good backup when the live records are damaged', async () => {
    expectOk(await call(core, 'pupils.create', pupil('Tamsin', 'Oakridge')));
    expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
    const { fileName } = expectOk(await call(core, 'backups.run', {}));
    await core.close();

    // Damage the middle of the pupils table's first page.
    const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
    if (!unlocked.ok) throw new Error('the DSL password should open the key file');
    const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
    const page = Number((await db.get("SELECT rootpage FROM sqlite_master WHERE name = 'pupils'"))?.rootpage);
    await db.close();
    const file = join(dataDir, 'records.db');
    const bytes = await readFile(file);
    for (let i = (page - 1) * 4096 + 2048; i < (page - 1) * 4096 + 2064; i += 1) bytes[i] = bytes[i]! ^ 0xa5;
    await writeFile(file, bytes);

    core = await open();
    const status = await unlockAs(core, DSL);
    expect(status.state === 'unlocked' && status.problems.length > 0).toBe(true);
    // A copy of damaged records would not be a good backup.
    expectError(await call(core, 'backups.run', {}), 'damaged');
    const restored = expectOk(await call(core, 'backups.restoreLive', { file: fileName, username: DSL.username, password: DSL.password, confirm: true, currentPassword: DSL.password }));
    expect(restored.tables.pupils).toBe(1);
    const after = await unlockAs(core, DSL);
    expect(after.state === 'unlocked' && after.problems).toEqual([]);
    expect(await pupilNames(core)).toEqual(['Tamsin Oakridge']);
  });

  it('refuses to restore a damaged backup file', async () => {
    expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
    const { fileName } = expectOk(await call(core, 'backups.run', {}));
    await writeFile(join(backupDir, fileName), 'not a backup');
    expect(expectOk(await call(core, 'backups.status', {})).backups[0]?.ok).toBe(false);
    expectError(await call(core, 'backups.restoreLive', { file: fileName, username: DSL.username, password: DSL.password, confirm: true, currentPassword: DSL.password }), 'damaged');
    expect(await pupilNames(core)).toEqual([]);
  });

  it('backs up when the app closes while signed in, and daily while signed in', async () => {
    expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
    await core.close();
    const onExit = await readdir(backupDir);
    expect(onExit).toHaveLength(1);

    // Only setInterval is faked: SQLCipher's own I/O runs for real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    core = await open();
    await unlockAs(core, DSL);
    // Within a day of the last backup, the timer does nothing.
    await vi.advanceTimersByTimeAsync(BACKUP_CHECK_MS);
    expect(await readdir(backupDir)).toHaveLength(1);
    clock.advance(25 * HOUR);
    await unlockAs(core, DSL);
    await vi.advanceTimersByTimeAsync(BACKUP_CHECK_MS);
    await vi.waitFor(async () => {
      const backups = expectOk(await call(core, 'audit.list', {})).filter((r) => r.action === 'backup');
      expect(backups.map((r) => r.details.trigger)).toEqual(['daily', 'exit']);
    });
    expect(await readdir(backupDir)).toHaveLength(2);
    expect(logs).toEqual([]);

    // Closing after only reading makes no new copy; closing after a change does.
    expectOk(await call(core, 'dashboard.get', {}));
    await core.close();
    expect(await readdir(backupDir)).toHaveLength(2);
    core = await open();
    await unlockAs(core, DSL);
    expectOk(await call(core, 'settings.update', { lockMinutes: 7 }));
    await core.close();
    expect(await readdir(backupDir)).toHaveLength(3);
    core = await open();
  });
});
