// Backups (issue 8): an encrypted copy in one file, checked table by table, restored only
// into a new folder, refused when damaged. Signed since issue 16 (backup-signed.test.ts).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups, pruneBackups, restoreBackup, tableDigests, verifyDataFolder, writeBackup } from '../../electron/core/backup/index';
import { Database } from '../../electron/core/db/connection';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { signInForCommandLine } from '../../electron/core/backup/credentials';
import type { PersonKeys } from '../../electron/core/vault/person-keys';
import { DSL } from './helpers/core';
import { hashFolder, makeTempDir } from './helpers/temp-dir';
import { makeSignedFolder, type SignedFolder } from './helpers/signed-folder';

const NOW = new Date('2026-06-15T10:30:00Z');
const CREDENTIALS = { username: DSL.username, password: DSL.password };

let root: string;
let remove: () => Promise<void>;
let demo: SignedFolder;
let pupilName: string;

beforeAll(async () => {
  ({ dir: root, remove } = await makeTempDir('records-backup-'));
  // Made through the app, so Verify finds nothing in it: a restore refuses records that do not verify.
  demo = await makeSignedFolder(join(root, 'live'), { pupils: 25 });
  pupilName = demo.pupilName;
}, 60_000);

afterAll(async () => {
  await remove();
});

async function withDb<T>(dataDir: string, body: (db: Database, dataKey: Buffer) => Promise<T>): Promise<T> {
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!unlocked.ok) throw new Error('the demo account should open its key slot');
  const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
  try {
    return await body(db, unlocked.dataKey);
  } finally {
    await db.close();
  }
}

/** Opens the demo folder signed in as its DSL (as the app and the command line do), so the backup is signed by them. */
async function asDsl<T>(dataDir: string, body: (db: Database, dataKey: Buffer, signer: { id: number; keys: PersonKeys }) => Promise<T>): Promise<T> {
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!unlocked.ok) throw new Error('the demo account should open its key slot');
  const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
  try {
    await signInForCommandLine(db, unlocked.staffId, unlocked.keys, 'back up', NOW);
    return await body(db, unlocked.dataKey, { id: unlocked.staffId, keys: unlocked.keys });
  } finally {
    await db.close();
  }
}

function backUp(folder: string, now = NOW) {
  return asDsl(demo.dataDir, (db, dataKey, signer) =>
    writeBackup({ db, dataKey, keyslotsFile: join(demo.dataDir, 'keyslots.json'), folder, now, appVersion: '0.0.0-test', signer }),
  );
}

describe('writeBackup and restoreBackup', () => {
  let backupFile: string;
  let original: Awaited<ReturnType<typeof tableDigests>>;

  beforeAll(async () => {
    // Signing begins (records from before it get their first roster) before the digests are taken.
    await asDsl(demo.dataDir, () => Promise.resolve());
    original = await withDb(demo.dataDir, (db) => tableDigests(db));
    backupFile = (await backUp(join(root, 'backups'))).file;
  }, 60_000);

  it('writes one file named by the school clock, leaving no temporary files, with the counts of every table', async () => {
    // 10:30:00Z in June is 11:30:00 in London (BST).
    expect(basename(backupFile)).toBe('records-backup-2026-06-15-113000.ypsibak');
    expect(await readdir(join(root, 'backups'))).toEqual([basename(backupFile)]);
    const [listed] = await listBackups(join(root, 'backups'));
    expect(listed).toMatchObject({ file: backupFile, createdAt: NOW.toISOString(), ok: true });
    expect(listed!.tables).toEqual(Object.fromEntries(Object.entries(original).map(([t, d]) => [t, d.rows])));
    expect(Object.keys(original).sort()).toEqual(
      [
        'audit',
        'contacts',
        'destruction_permits',
        'drafts',
        'entries',
        'entry_text',
        'incident_people',
        'incident_status_changes',
        'incident_versions',
        'incidents',
        'legal_holds',
        'practice_sessions',
        'pupils',
        'received_files',
        'retention_reviews',
        'roster',
        'settings',
        'signatures',
        'staff',
        'transfers',
      ].sort(),
    );
    expect(original.pupils!.rows).toBe(25);
  });

  it('holds nothing readable: no pupil, staff or school name, and no data key', async () => {
    const bytes = await readFile(backupFile);
    expect(bytes.subarray(0, 22).toString()).toBe('YPSI-RECORDS-BACKUP 2\n');
    for (const text of [pupilName, DSL.name, 'Quillfeather', 'SQLite format 3']) {
      expect(bytes.includes(Buffer.from(text)), text).toBe(false);
    }
    const key = await withDb(demo.dataDir, (_db, dataKey) => Promise.resolve(Buffer.from(dataKey)));
    expect(bytes.includes(key)).toBe(false);
    expect(bytes.includes(Buffer.from(key.toString('hex')))).toBe(false);
  });

  it('restores with a password: every table the same, and the folder passes verification', async () => {
    const dataDir = join(root, 'restored-password');
    const result = await restoreBackup({ file: backupFile, dataDir, credentials: CREDENTIALS });
    expect(result.tables).toEqual(Object.fromEntries(Object.entries(original).map(([t, d]) => [t, d.rows])));
    expect(await withDb(dataDir, (db) => tableDigests(db))).toEqual(original);
    // With a fresh failures file: without one, the first sign-in would wait the longest delay (decision 0014).
    expect((await readdir(dataDir)).sort()).toEqual(['keyslots.json', 'login-failures.json', 'records.db']);
    const verified = await verifyDataFolder({ dataDir, credentials: CREDENTIALS });
    expect(verified.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verified.ok).toBe(true);
    // The search index came across too.
    const hits = await withDb(dataDir, (db) => db.all("SELECT rowid FROM entry_search WHERE entry_search MATCH 'phone'"));
    const liveHits = await withDb(demo.dataDir, (db) => db.all("SELECT rowid FROM entry_search WHERE entry_search MATCH 'phone'"));
    expect(hits).toEqual(liveHits);
  });

  it('restores with the recovery code into an existing empty folder', async () => {
    const dataDir = join(root, 'restored-recovery');
    await mkdir(dataDir);
    await restoreBackup({ file: backupFile, dataDir, credentials: { recoveryCode: demo.recoveryCode } });
    expect(await withDb(dataDir, (db) => tableDigests(db))).toEqual(original);
    expect((await verifyDataFolder({ dataDir, credentials: { recoveryCode: demo.recoveryCode } })).ok).toBe(true);
  });

  it('refuses wrong credentials and leaves no folder behind', async () => {
    const dataDir = join(root, 'restored-wrong');
    await expect(restoreBackup({ file: backupFile, dataDir, credentials: { ...CREDENTIALS, password: 'not the password' } })).rejects.toThrow(
      'That username and password do not open these records.',
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a backup with one byte flipped, with a plain message, and leaves no folder behind', async () => {
    const bytes = await readFile(backupFile);
    for (const at of [bytes.length - 5000, Math.floor(bytes.length / 2)]) {
      const damaged = Buffer.from(bytes);
      damaged[at] = damaged[at]! ^ 0x01;
      const file = join(root, `damaged-${at}.ypsibak`);
      await writeFile(file, damaged);
      const dataDir = join(root, `restored-damaged-${at}`);
      await expect(restoreBackup({ file, dataDir, credentials: CREDENTIALS })).rejects.toThrow(
        'The backup file is damaged: its contents do not match the checksum written with it. Nothing was restored from it.',
      );
      expect(existsSync(dataDir)).toBe(false);
    }
    // A flipped byte in the header's copy of the key file is caught by its own checksum.
    const inKeyslots = bytes.indexOf('wrappedSecrets') + 24;
    const damagedHeader = Buffer.from(bytes);
    damagedHeader[inKeyslots] = damagedHeader[inKeyslots]! ^ 0x01;
    await writeFile(join(root, 'damaged-header.ypsibak'), damagedHeader);
    await expect(
      restoreBackup({ file: join(root, 'damaged-header.ypsibak'), dataDir: join(root, 'restored-header'), credentials: CREDENTIALS }),
    ).rejects.toThrow('The backup file is damaged: the key file stored in it cannot be read. Nothing was restored from it.');
    expect(existsSync(join(root, 'restored-header'))).toBe(false);

    const cut = join(root, 'cut.ypsibak');
    await writeFile(cut, bytes.subarray(0, bytes.length - 100));
    await expect(restoreBackup({ file: cut, dataDir: join(root, 'restored-cut'), credentials: CREDENTIALS })).rejects.toThrow(/damaged.*cut short/);
    expect(existsSync(join(root, 'restored-cut'))).toBe(false);
  });

  it('never restores over a folder that holds anything, and leaves it untouched', async () => {
    const before = await hashFolder(demo.dataDir);
    await expect(restoreBackup({ file: backupFile, dataDir: demo.dataDir, credentials: CREDENTIALS })).rejects.toThrow(
      /already holds files.*never writes over records/,
    );
    expect(await hashFolder(demo.dataDir)).toEqual(before);
  });
});

describe('listBackups and pruneBackups', () => {
  it('lists newest first, marks a damaged one, and prunes to the newest N good ones, touching nothing else', async () => {
    const folder = join(root, 'rotation');
    const times = ['2026-06-10T08:00:00Z', '2026-06-12T08:00:00Z', '2026-06-11T08:00:00Z', '2026-06-13T08:00:00Z'].map((t) => new Date(t));
    const files: string[] = [];
    for (const time of times) files.push((await backUp(folder, time)).file);
    // The same second twice gets a second name, not an overwrite.
    const again = (await backUp(folder, times[3])).file;
    expect(basename(again)).toBe('records-backup-2026-06-13-090000-2.ypsibak');
    await writeFile(join(folder, 'notes.txt'), 'not a backup');
    const damagedFile = join(folder, 'records-backup-2026-06-14-090000.ypsibak');
    await writeFile(damagedFile, 'YPSI-RECORDS-BACKUP 1\n\0\0\0\x02{}');

    const listed = await listBackups(folder);
    expect(listed.map((b) => [basename(b.file), b.ok])).toEqual([
      [basename(damagedFile), false],
      ['records-backup-2026-06-13-090000-2.ypsibak', true],
      ['records-backup-2026-06-13-090000.ypsibak', true],
      ['records-backup-2026-06-12-090000.ypsibak', true],
      ['records-backup-2026-06-11-090000.ypsibak', true],
      ['records-backup-2026-06-10-090000.ypsibak', true],
    ]);

    const removed = await pruneBackups(folder, 2);
    expect(removed.map((f) => basename(f)).sort()).toEqual(
      ['records-backup-2026-06-10-090000.ypsibak', 'records-backup-2026-06-11-090000.ypsibak', 'records-backup-2026-06-12-090000.ypsibak'].sort(),
    );
    expect((await readdir(folder)).sort()).toEqual(
      ['notes.txt', basename(damagedFile), 'records-backup-2026-06-13-090000-2.ypsibak', 'records-backup-2026-06-13-090000.ypsibak'].sort(),
    );
    expect(await pruneBackups(folder, 2)).toEqual([]);
    await expect(pruneBackups(folder, 0)).rejects.toThrow(/At least one/);
  }, 60_000);
});

describe('verifyDataFolder', () => {
  it('names the failed check when a page of records.db is damaged', async () => {
    const dataDir = join(root, 'verify-damaged');
    const [backup] = await listBackups(join(root, 'backups'));
    await restoreBackup({ file: backup!.file, dataDir, credentials: CREDENTIALS });
    const file = join(dataDir, 'records.db');
    const bytes = await readFile(file);
    bytes[Math.floor(bytes.length / 2)] = bytes[Math.floor(bytes.length / 2)]! ^ 0xff;
    await writeFile(file, bytes);
    const result = await verifyDataFolder({ dataDir, credentials: CREDENTIALS });
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name.startsWith('Encrypted pages'))).toMatchObject({ ok: false });
    expect(result.checks.find((c) => c.name.startsWith('Key file'))).toMatchObject({ ok: true });
  });

  it('throws for wrong credentials rather than reporting the folder', async () => {
    await expect(verifyDataFolder({ dataDir: demo.dataDir, credentials: { ...CREDENTIALS, password: 'nope nope nope' } })).rejects.toThrow(
      /do not open these records/,
    );
  });
});
