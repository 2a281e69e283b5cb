// Authenticated backups (issue 16, item 5): a backup's header is signed by the person who made
// it and holds the copy's signed chain end; restore (the core, the command line and the app's
// restore over the live records) refuses a backup that is unsigned, altered, forged or whose
// records do not verify, and a restore over the live records keeps the deactivations made since
// the backup. Every name here is fictional.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { restoreBackup, tableDigests, writeBackup } from '../../electron/core/backup/index';
import { signInForCommandLine } from '../../electron/core/backup/credentials';
import { decodeBackup, encodeBackup, headerSignedBy, MAGIC_V1, sha256, signHeader, type AnyBackupHeader, type BackupHeader } from '../../electron/core/backup/format';
import { Database } from '../../electron/core/db/connection';
import { createCore, type Core } from '../../electron/core/index';
import { makeAnchor } from '../../electron/core/integrity/anchor';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { newPersonKeys, type PersonKeys } from '../../electron/core/vault/person-keys';
import { deactivationsCarried } from '../../shared/domain/backup-restore';
import { call, DEPUTY, DSL, expectError, expectOk, setUp, TestClock, unlock, unlockAs } from './helpers/core';
import { makeSignedFolder, type SignedFolder } from './helpers/signed-folder';
import { makeTempDir } from './helpers/temp-dir';

const ROOT = resolve(import.meta.dirname, '../..');
const NOW = new Date('2026-06-15T10:30:00Z');
const CREDENTIALS = { username: DSL.username, password: DSL.password };
const ALTERED = /This backup has been altered.*Nothing was restored\./;

type Signer = { id: number; keys: PersonKeys };

/** The DSL signed in on a folder (as the app and the command line are), for writing a backup or forging one. */
async function asDsl<T>(dataDir: string, body: (db: Database, dataKey: Buffer, signer: Signer) => Promise<T>): Promise<T> {
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!unlocked.ok) throw new Error('the DSL should open their key slot');
  const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
  try {
    await signInForCommandLine(db, unlocked.staffId, unlocked.keys, 'back up', NOW);
    return await body(db, unlocked.dataKey, { id: unlocked.staffId, keys: unlocked.keys });
  } finally {
    unlocked.dataKey.fill(0);
    await db.close();
  }
}

function backUp(dataDir: string, folder: string, now = NOW): Promise<string> {
  return asDsl(dataDir, async (db, dataKey, signer) => (await writeBackup({ db, dataKey, keyslotsFile: join(dataDir, 'keyslots.json'), folder, now, appVersion: '0.0.0-test', signer })).file);
}

function signedHeader(header: AnyBackupHeader): BackupHeader {
  if (header.format !== 2) throw new Error('expected a signed backup');
  const { format: _format, ...rest } = header;
  return rest;
}

/** The file with its header edited (the signature kept unless `edit` replaces it). */
async function forge(file: string, to: string, edit: (header: BackupHeader, database: Buffer) => { header: BackupHeader; database?: Buffer }): Promise<string> {
  const decoded = decodeBackup(await readFile(file));
  const edited = edit(signedHeader(decoded.header), decoded.database);
  await writeFile(to, encodeBackup(edited.header, edited.database ?? decoded.database));
  return to;
}

/** The same backup as a format-1 file: what the app wrote before backups were signed. */
async function asFormat1(file: string, to: string): Promise<string> {
  const { header, database } = decodeBackup(await readFile(file));
  const { anchor: _a, signerId: _s, signature: _sig, ...v1 } = signedHeader(header);
  const json = Buffer.from(JSON.stringify(v1), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  await writeFile(to, Buffer.concat([MAGIC_V1, length, json, database]));
  return to;
}

type Run = { code: number | null; stdout: string; stderr: string };

function records(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, RECORDS_PASSWORD: DSL.password };
  delete env.RECORDS_RECOVERY_CODE;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/records.ts', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end();
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('signed backups and restore (core and command line)', () => {
  let root: string;
  let remove: () => Promise<void>;
  let folder: SignedFolder;
  let older: string;
  let backup: string;
  let dsl: Signer;
  let n = 0;
  const target = () => join(root, `restored-${(n += 1)}`);

  beforeAll(async () => {
    ({ dir: root, remove } = await makeTempDir('records-backup-signed-'));
    folder = await makeSignedFolder(join(root, 'live'));
    older = await backUp(folder.dataDir, join(root, 'backups'), new Date('2026-06-14T10:30:00Z'));
    // A change after the older backup: a pupil added through the app.
    const core = await createCore({ dataDir: folder.dataDir, appVersion: '0.0.0-test', log: () => undefined });
    try {
      await unlockAs(core, DSL);
      expectOk(
        await call(core, 'pupils.create', { firstName: 'Hollis', lastName: 'Brackenridge', dateOfBirth: '2011-05-06', sex: 'male', yearGroup: '10', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' }),
      );
    } finally {
      await core.close();
    }
    backup = await backUp(folder.dataDir, join(root, 'backups'));
    const unlocked = await new KeyslotStore(join(folder.dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
    if (!unlocked.ok) throw new Error('the DSL should open their key slot');
    unlocked.dataKey.fill(0);
    dsl = { id: unlocked.staffId, keys: unlocked.keys };
  }, 120_000);

  afterAll(async () => {
    await remove();
  });

  it('signs the header with the maker’s key and the copy’s chain end; the round trip restores', async () => {
    const { header } = decodeBackup(await readFile(backup));
    const signed = signedHeader(header);
    expect((await readFile(backup)).subarray(0, 22).toString()).toBe('YPSI-RECORDS-BACKUP 2\n');
    expect(signed.signerId).toBe(dsl.id);
    expect(headerSignedBy(signed, dsl.keys.publicKeys.sign)).toBe(true);
    expect(headerSignedBy({ ...signed, createdAt: '2026-06-16T10:30:00.000Z' }, dsl.keys.publicKeys.sign)).toBe(false);
    // No names or paths in the header: counts, hashes and ids only.
    const text = JSON.stringify({ ...signed, keyslots: '' });
    for (const word of [DSL.name, DSL.username, folder.pupilName, root]) expect(text.includes(word), word).toBe(false);

    const dataDir = target();
    const result = await restoreBackup({ file: backup, dataDir, credentials: CREDENTIALS });
    expect(result).toMatchObject({ signed: true, signerId: dsl.id });
    const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
    if (!unlocked.ok) throw new Error('the restored key file should open');
    const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
    try {
      const last = await db.get('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
      expect({ seq: signed.anchor.seq, hash: signed.anchor.hash }).toEqual({ seq: last?.seq, hash: last?.hash });
    } finally {
      await db.close();
    }
  });

  it('refuses a backup whose header was edited: the "newer name" forgery (createdAt moved later)', async () => {
    const file = await forge(backup, join(root, 'newer.ypsibak'), (header) => ({ header: { ...header, createdAt: '2026-07-01T08:00:00.000Z' } }));
    const dataDir = target();
    await expect(restoreBackup({ file, dataDir, credentials: CREDENTIALS })).rejects.toThrow(ALTERED);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a backup whose records were replaced by another copy with its checksums recomputed', async () => {
    const old = signedHeader(decodeBackup(await readFile(older)).header);
    const oldDatabase = decodeBackup(await readFile(older)).database;
    const file = await forge(backup, join(root, 'swapped.ypsibak'), (header) => ({
      header: { ...header, tables: old.tables, databaseSha256: sha256(oldDatabase), databaseBytes: oldDatabase.length },
      database: oldDatabase,
    }));
    const dataDir = target();
    await expect(restoreBackup({ file, dataDir, credentials: CREDENTIALS })).rejects.toThrow(ALTERED);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a backup re-signed with a key its own roster does not give the signer', async () => {
    const stranger = newPersonKeys();
    const file = await forge(backup, join(root, 'stranger.ypsibak'), (header) => {
      const { signature: _s, ...unsigned } = header;
      return { header: signHeader({ ...unsigned, createdAt: '2026-07-01T08:00:00.000Z' }, stranger) };
    });
    await expect(restoreBackup({ file, dataDir: target(), credentials: CREDENTIALS })).rejects.toThrow(ALTERED);
  });

  it('refuses a correctly signed backup whose signed chain end is not the copy’s (even its own signer cannot cut rows unseen)', async () => {
    const file = await forge(backup, join(root, 'anchor.ypsibak'), (header) => {
      const { signature: _s, ...unsigned } = header;
      const anchor = makeAnchor({ seq: header.anchor.seq + 3, hash: header.anchor.hash }, header.anchor.rosterVersion, NOW, dsl);
      return { header: signHeader({ ...unsigned, anchor }, dsl.keys) };
    });
    await expect(restoreBackup({ file, dataDir: target(), credentials: CREDENTIALS })).rejects.toThrow(/do not end where its signed header says.*Nothing was restored\./);
  });

  it('refuses a correctly signed backup whose records were changed outside the app, naming what Verify found', async () => {
    const scratch = join(root, 'scratch.db');
    const { header, database } = decodeBackup(await readFile(backup));
    await writeFile(scratch, database);
    const unlocked = await new KeyslotStore(join(folder.dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
    if (!unlocked.ok) throw new Error('the DSL should open their key slot');
    const db = await Database.open(scratch, unlocked.dataKey);
    let tables: BackupHeader['tables'];
    try {
      await db.transaction((tx) => tx.run("UPDATE pupils SET first_name = 'Changed' WHERE id = 1"));
      tables = await tableDigests(db);
    } finally {
      unlocked.dataKey.fill(0);
      await db.close();
    }
    const edited = await readFile(scratch);
    const file = join(root, 'edited-records.ypsibak');
    const { signature: _s, ...unsigned } = signedHeader(header);
    await writeFile(file, encodeBackup(signHeader({ ...unsigned, tables, databaseSha256: sha256(edited), databaseBytes: edited.length }, dsl.keys), edited));
    await expect(restoreBackup({ file, dataDir: target(), credentials: CREDENTIALS })).rejects.toThrow(/do not pass Verify \(pupil 1: It was changed outside the app.*Nothing was restored\./);
  });

  it('refuses a backup signed by a key the live records have never held, when given those keys (the app’s restore)', async () => {
    const stranger = newPersonKeys().publicKeys.sign;
    await expect(restoreBackup({ file: backup, dataDir: target(), credentials: CREDENTIALS, knownSigner: (_id, key) => key === stranger })).rejects.toThrow(
      /signed by someone these records do not know.*Nothing was restored\./,
    );
    // The DSL's key, but known as someone else's: not the same thing.
    await expect(
      restoreBackup({ file: backup, dataDir: target(), credentials: CREDENTIALS, knownSigner: (id, key) => id === dsl.id + 1 && key === dsl.keys.publicKeys.sign }),
    ).rejects.toThrow(/do not know/);
    await restoreBackup({ file: backup, dataDir: target(), credentials: CREDENTIALS, knownSigner: (id, key) => id === dsl.id && key === dsl.keys.publicKeys.sign });
  });

  it('refuses a format-1 (unsigned) backup unless told it is a legacy one', async () => {
    const file = await asFormat1(backup, join(root, 'legacy.ypsibak'));
    const dataDir = target();
    await expect(restoreBackup({ file, dataDir, credentials: CREDENTIALS })).rejects.toThrow(/made before backups were signed.*--unsigned-legacy/);
    expect(existsSync(dataDir)).toBe(false);
    expect(await restoreBackup({ file, dataDir, credentials: CREDENTIALS, allowUnsigned: true })).toMatchObject({ signed: false });
  });

  it('the command line refuses the edited and the unsigned backup, and restores the unsigned one only with --unsigned-legacy', async () => {
    const newer = join(root, 'newer.ypsibak');
    const edited = await records(['restore', '--from', newer, '--data-dir', join(root, 'cli-newer'), '--username', DSL.username]);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(ALTERED);
    expect(existsSync(join(root, 'cli-newer'))).toBe(false);

    const swapped = await records(['restore', '--from', join(root, 'swapped.ypsibak'), '--data-dir', join(root, 'cli-swapped'), '--username', DSL.username]);
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toMatch(ALTERED);

    const legacy = join(root, 'legacy.ypsibak');
    const refused = await records(['restore', '--from', legacy, '--data-dir', join(root, 'cli-legacy'), '--username', DSL.username]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/made before backups were signed.*--unsigned-legacy/);
    expect(existsSync(join(root, 'cli-legacy'))).toBe(false);
    const allowed = await records(['restore', '--from', legacy, '--data-dir', join(root, 'cli-legacy'), '--username', DSL.username, '--unsigned-legacy']);
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/WITHOUT a signature to check/);
  }, 60_000);
});

describe('deactivationsCarried', () => {
  const member = (id: number, active: boolean) => ({ id, username: `u${id}`, name: `Person ${id}`, roles: ['deputy' as const], active, sign: null, box: null });
  it('is every member deactivated live who is active in the restored roster', () => {
    const live = { members: [member(1, true), member(2, false), member(3, false)], recovery: null };
    const restored = { members: [member(1, true), member(2, true), member(3, false), member(4, true)], recovery: null };
    expect(deactivationsCarried(live, restored)).toEqual([2]);
    expect(deactivationsCarried(null, restored)).toEqual([]);
  });
});

describe('restoring over the live records (the app)', () => {
  let root: string;
  let dataDir: string;
  let backupDir: string;
  let clock: TestClock;
  let core: Core;

  function open(dir = dataDir): Promise<Core> {
    return createCore({ dataDir: dir, appVersion: '0.0.0-test', now: clock.now, chooseFolder: () => Promise.resolve(backupDir), log: () => undefined });
  }

  const restoreLive = (file: string, person = DSL) =>
    call(core, 'backups.restoreLive', { file, username: person.username, password: person.password, confirm: true, currentPassword: DSL.password });

  beforeEach(async () => {
    ({ dir: root } = await makeTempDir('records-restore-live-'));
    dataDir = join(root, 'data');
    backupDir = join(root, 'usb');
    await mkdir(backupDir);
    clock = new TestClock();
    core = await open();
    await setUp(core);
    expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
  });

  afterEach(async () => {
    await core.close();
    await rm(root, { recursive: true, force: true });
  });

  /** Still signed in to the same records, and no folder was moved aside. */
  async function expectUnchanged(): Promise<void> {
    expect(expectOk(await call(core, 'session.status', {})).state).toBe('unlocked');
    expect((await readdir(root)).filter((name) => name.startsWith('data-'))).toEqual([]);
  }

  it('refuses an edited, an unsigned, and a planted backup (a folder of its own, signed by a stranger), saying why and restoring nothing', async () => {
    const { fileName } = expectOk(await call(core, 'backups.run', {}));
    const file = join(backupDir, fileName);
    clock.advance(60_000);

    await forge(file, join(backupDir, 'records-backup-2026-12-01-090000.ypsibak'), (header) => ({ header: { ...header, createdAt: '2026-12-01T09:00:00.000Z' } }));
    expect(expectError(await restoreLive('records-backup-2026-12-01-090000.ypsibak'), 'damaged').message).toMatch(ALTERED);

    await asFormat1(file, join(backupDir, 'records-backup-2026-12-02-090000.ypsibak'));
    expect(expectError(await restoreLive('records-backup-2026-12-02-090000.ypsibak'), 'conflict').message).toBe(
      "This backup was made before backups were signed, so nothing shows who made it or that it is unchanged. Nothing was restored. Restore it with the command line's --unsigned-legacy if you are sure where it came from.",
    );

    // Someone with the same username and password makes a folder of their own, and plants its backup.
    const planter = join(root, 'elsewhere');
    const other = await open(planter);
    try {
      await setUp(other);
      expectOk(await call(other, 'backups.chooseFolder', { currentPassword: DSL.password }));
      expectOk(await call(other, 'pupils.create', { firstName: 'Planted', lastName: 'Record', dateOfBirth: '2011-03-04', sex: 'female', yearGroup: '10', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' }));
      const planted = expectOk(await call(other, 'backups.run', {}));
      await copyFile(join(backupDir, planted.fileName), join(backupDir, 'records-backup-2026-12-03-090000.ypsibak'));
    } finally {
      await other.close();
    }
    expect(expectError(await restoreLive('records-backup-2026-12-03-090000.ypsibak'), 'forbidden').message).toMatch(
      /signed by someone these records do not know.*Nothing was restored\./,
    );

    await expectUnchanged();
    expect(expectOk(await call(core, 'pupils.list', {}))).toEqual([]);
  }, 90_000);

  it('rotates only its own backups: a planted file dated later does not push the real ones out', async () => {
    const first = expectOk(await call(core, 'backups.run', {})).fileName;
    // Planted: a real backup's header with a later date (its signature no longer matches), and an unsigned one.
    await forge(join(backupDir, first), join(backupDir, 'records-backup-2027-01-01-090000.ypsibak'), (header) => ({ header: { ...header, createdAt: '2027-01-01T09:00:00.000Z' } }));
    const unsigned = await asFormat1(join(backupDir, first), join(root, 'unsigned.ypsibak'));
    const unsignedHeader = decodeBackup(await readFile(unsigned));
    expect(unsignedHeader.header.format).toBe(1);
    const v1 = JSON.parse(JSON.stringify({ ...unsignedHeader.header, format: undefined, createdAt: '2027-01-02T09:00:00.000Z' })) as Record<string, unknown>;
    const json = Buffer.from(JSON.stringify(v1), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length);
    await writeFile(join(backupDir, 'records-backup-2027-01-02-090000.ypsibak'), Buffer.concat([MAGIC_V1, length, json, unsignedHeader.database]));
    expectOk(await call(core, 'backups.configure', { keep: 1 }));

    clock.advance(60_000);
    const second = expectOk(await call(core, 'backups.run', {}));
    expect(second.removed).toEqual([first]);
    expect((await readdir(backupDir)).sort()).toEqual([second.fileName, 'records-backup-2027-01-01-090000.ypsibak', 'records-backup-2027-01-02-090000.ypsibak'].sort());
  }, 90_000);

  it('keeps a leaver deactivated: a backup made before the deputy left, restored after, does not let them back in', async () => {
    const deputy = expectOk(await call(core, 'staff.add', { name: DEPUTY.name, username: DEPUTY.username, roles: ['deputy'], password: DEPUTY.password, currentPassword: DSL.password }));
    const { fileName } = expectOk(await call(core, 'backups.run', {}));
    clock.advance(60 * 60_000);
    await unlockAs(core, DSL);
    expectOk(await call(core, 'staff.deactivate', { staffId: deputy.id }));

    const restored = expectOk(await restoreLive(fileName));
    expect(restored.deactivationsCarried).toBe(1);
    expect(basename(join(root, restored.replacedFolder))).toMatch(/^data-replaced-/);

    // The deputy's password opens nothing in the restored records.
    const refused = await unlock(core, DEPUTY);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('bad_credentials');
    const slots = await new KeyslotStore(join(dataDir, 'keyslots.json')).publicKeysOf();
    expect(Object.keys(slots.staff).map(Number)).not.toContain(deputy.id);
    // Nor does their old key slot, taken from the backup itself: the restored records have a new key.
    const oldKeyFile = join(root, 'old-keyslots.json');
    await writeFile(oldKeyFile, signedHeader(decodeBackup(await readFile(join(backupDir, fileName))).header).keyslots);
    const old = await new KeyslotStore(oldKeyFile).unlockWithPassword(DEPUTY.username, DEPUTY.password);
    if (!old.ok) throw new Error('the deputy’s slot in the backup should open with their old password');
    await expect(Database.open(join(dataDir, 'records.db'), old.dataKey)).rejects.toThrow();
    old.dataKey.fill(0);

    clock.advance(10 * 60_000);
    await unlockAs(core, DSL);
    const staff = expectOk(await call(core, 'staff.list', {}));
    expect(staff.find((s) => s.id === deputy.id)?.active).toBe(false);
    const audit = expectOk(await call(core, 'audit.list', {}));
    expect(audit.find((r) => r.action === 'staff.deactivated' && r.details.afterRestore === true)).toBeDefined();
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);
  }, 90_000);

  it('refuses to restore with the credentials of someone deactivated since the backup', async () => {
    const deputyDsl = { ...DEPUTY, username: 'odsl' };
    const added = expectOk(await call(core, 'staff.add', { name: deputyDsl.name, username: deputyDsl.username, roles: ['dsl'], password: deputyDsl.password, currentPassword: DSL.password }));
    const { fileName } = expectOk(await call(core, 'backups.run', {}));
    clock.advance(60_000);
    expectOk(await call(core, 'staff.deactivate', { staffId: added.id }));
    expect(expectError(await restoreLive(fileName, deputyDsl), 'forbidden').message).toMatch(/has been deactivated.*Nothing was restored\./);
    await expectUnchanged();
  }, 90_000);
});
