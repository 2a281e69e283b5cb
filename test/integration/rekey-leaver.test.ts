// Issue 16 item 6 through the one door: deactivating an account, resetting a password and
// replacing the recovery code re-key the records, so a leaver's old key slot (from a backup
// made before they left) and their old password open only the OLD data key, which the live
// records refuse. Also: an interrupted re-key (the app stopped between its steps) still signs
// in; another program holding the file leaves the change standing and says so. Every name here
// is fictional.
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBackup } from '../../electron/core/backup/format';
import { unlockStaff } from '../../electron/core/backup/credentials';
import { Database, WrongKeyError } from '../../electron/core/db/connection';
import { createCore, type Core } from '../../electron/core/index';
import { KeyslotStore, newDataKey } from '../../electron/core/vault/keyslots';
import { addStaff, call, DEPUTY, DSL, expectError, expectOk, HEAD, setUp, TestClock, unlock, unlockAs, type Person } from './helpers/core';

describe('re-keying when someone leaves or a password is reset', () => {
  let root: string;
  let dataDir: string;
  let backupDir: string;
  let clock: TestClock;
  let core: Core;
  let recoveryCode: string;
  let deputyId: number;
  let headId: number;

  const live = () => join(dataDir, 'records.db');
  const liveSlots = () => new KeyslotStore(join(dataDir, 'keyslots.json'));

  async function open(): Promise<Core> {
    return createCore({ dataDir, appVersion: '0.0.0-test', now: clock.now, chooseFolder: () => Promise.resolve(backupDir), log: () => undefined });
  }

  /** A backup made now through the app; its file's bytes. */
  async function backUp(): Promise<{ fileName: string; bytes: Buffer }> {
    const made = expectOk(await call(core, 'backups.run', {}));
    return { fileName: made.fileName, bytes: await readFile(join(backupDir, made.fileName)) };
  }

  /** The data key a backup's own key file gives this person's old password (the leaver's attack). */
  async function keyFromBackup(backup: Buffer, person: Pick<Person, 'username' | 'password'>): Promise<Buffer> {
    const { header } = decodeBackup(backup);
    const dir = await mkdtemp(join(root, 'stolen-'));
    await writeFile(join(dir, 'keyslots.json'), header.keyslots);
    const unlocked = await new KeyslotStore(join(dir, 'keyslots.json')).unlockWithPassword(person.username, person.password);
    if (!unlocked.ok) throw new Error('the old key slot should open with the old password');
    return unlocked.dataKey;
  }

  /** The backup's own database opens with `key`: it really is the key the records were under then. */
  async function opensBackupDatabase(backup: Buffer, key: Buffer): Promise<void> {
    const file = join(await mkdtemp(join(root, 'old-db-')), 'records.db');
    await writeFile(file, decodeBackup(backup).database);
    const db = await Database.open(file, key);
    await db.close();
  }

  async function liveRefuses(key: Buffer): Promise<void> {
    await expect(Database.open(live(), key)).rejects.toBeInstanceOf(WrongKeyError);
  }

  async function liveKeyOf(person: Pick<Person, 'username' | 'password'>): Promise<Buffer> {
    const unlocked = await liveSlots().unlockWithPassword(person.username, person.password);
    if (!unlocked.ok) throw new Error(`${person.username} should open the live key file`);
    return unlocked.dataKey;
  }

  async function auditRows(action: string): Promise<{ details: string; actor_id: number | null; signature: string | null }[]> {
    const db = await Database.open(live(), await liveKeyOf(DSL));
    try {
      return (await db.all('SELECT details, actor_id, signature FROM audit WHERE action = ? ORDER BY seq', [action])) as {
        details: string;
        actor_id: number | null;
        signature: string | null;
      }[];
    } finally {
      await db.close();
    }
  }

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'records-rekey-'));
    dataDir = join(root, 'data');
    backupDir = join(root, 'usb');
    await mkdir(backupDir, { recursive: true });
    clock = new TestClock();
    core = await open();
    ({ recoveryCode } = await setUp(core));
    headId = (await addStaff(core, HEAD, ['head'])).id;
    deputyId = (await addStaff(core, DEPUTY, ['deputy'])).id;
    expectOk(await call(core, 'pupils.create', { firstName: 'Wren', lastName: 'Applebury', dateOfBirth: '2011-03-04', sex: 'female', yearGroup: '10', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' }));
    expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
  });

  afterEach(async () => {
    await core.close();
    await rm(root, { recursive: true, force: true });
  });

  it('THE LEAVER TEST: after a deputy is deactivated, their old slot from an earlier backup opens only the old key, which the live records refuse', async () => {
    const before = await backUp();
    clock.advance(60_000);

    const deactivated = expectOk(await call(core, 'staff.deactivate', { staffId: deputyId }));
    expect(deactivated.active).toBe(false);
    // The DSL, the head and the recovery code took the new key; nobody needs a reset.
    expect(deactivated.rekey).toEqual({ rekeyed: true, resealed: 3, needReset: [], recoveryDropped: false });

    // The leaver's attack: the backup's key file and their old password.
    const oldKey = await keyFromBackup(before.bytes, DEPUTY);
    await opensBackupDatabase(before.bytes, oldKey);
    await liveRefuses(oldKey);
    // Their slot is gone from the live key file as well.
    expectError(await unlock(core, DEPUTY), 'bad_credentials');

    // Everyone who remains still opens the live records, with everything in them.
    await unlockAs(core, DSL);
    expect(expectOk(await call(core, 'pupils.list', {})).map((p) => p.firstName)).toEqual(['Wren']);
    await unlockAs(core, HEAD);
    const headKey = await liveKeyOf(HEAD);
    expect(headKey.equals(oldKey)).toBe(false);

    // One audit row, signed, with counts and never a name.
    const rows = await auditRows('records.rekeyed');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.signature).not.toBeNull();
    expect(JSON.parse(rows[0]!.details)).toEqual({ slotsResealed: 3, staffSlotsDropped: 0, recoverySlotDropped: false });
    expect(rows[0]!.details).not.toContain(DEPUTY.name);
  });

  it('a reset password re-keys likewise: the old password with the old slot opens nothing current', async () => {
    const before = await backUp();
    const reset = expectOk(await call(core, 'staff.resetPassword', { staffId: headId, newPassword: 'marmalade glacier trumpet seven', currentPassword: DSL.password }));
    expect(reset.rekey.rekeyed).toBe(true);

    const oldKey = await keyFromBackup(before.bytes, HEAD);
    await liveRefuses(oldKey);
    expectError(await unlock(core, HEAD), 'bad_credentials');
    await unlockAs(core, { username: HEAD.username, password: 'marmalade glacier trumpet seven' });
    await unlockAs(core, DEPUTY);
  });

  it('a password reset with the recovery code while signed out re-keys with the database it opened', async () => {
    const before = await backUp();
    expectOk(await call(core, 'session.lock', { reason: 'button' }));
    const recovered = expectOk(await call(core, 'recovery.resetPassword', { recoveryCode, username: DEPUTY.username, newPassword: 'pelican hazelnut orchard velvet' }));
    expect(recovered.rekey).toMatchObject({ rekeyed: true, resealed: 4 });
    await liveRefuses(await keyFromBackup(before.bytes, DEPUTY));
    await liveRefuses(await keyFromBackup(before.bytes, HEAD));
    await unlockAs(core, { username: DEPUTY.username, password: 'pelican hazelnut orchard velvet' });
    await unlockAs(core, HEAD);
    // Signed by the recovery code (no member of staff did it).
    const rows = await auditRows('records.rekeyed');
    expect(rows.map((r) => r.actor_id)).toEqual([null]);
  });

  it('replacing the recovery code: the old code no longer opens the live folder (even with an old key file), the new one does', async () => {
    const before = await backUp();
    expectError(await call(core, 'recovery.replaceCode', { currentPassword: 'not my password at all' }), 'bad_credentials');
    const replaced = expectOk(await call(core, 'recovery.replaceCode', { currentPassword: DSL.password }));
    expect(replaced.recoveryCode).not.toEqual(recoveryCode);
    expect(replaced.rekey.rekeyed).toBe(true);

    // The live key file: the old code opens nothing, the new one opens the live records.
    expect(await liveSlots().unlockWithRecoveryCode(recoveryCode)).toBeNull();
    const fresh = await liveSlots().unlockWithRecoveryCode(replaced.recoveryCode);
    expect(fresh).not.toBeNull();
    const db = await Database.open(live(), fresh!.dataKey);
    await db.close();
    // The old code with the old backup's key file: only the old key, which the live records refuse.
    const dir = await mkdtemp(join(root, 'old-code-'));
    await writeFile(join(dir, 'keyslots.json'), decodeBackup(before.bytes).header.keyslots);
    const old = await new KeyslotStore(join(dir, 'keyslots.json')).unlockWithRecoveryCode(recoveryCode);
    await liveRefuses(old!.dataKey);

    // Through the app: the old code is refused, the new one resets a password.
    expectOk(await call(core, 'session.lock', { reason: 'button' }));
    expectError(await call(core, 'recovery.resetPassword', { recoveryCode, username: HEAD.username, newPassword: 'marmalade glacier trumpet seven' }), 'bad_credentials');
    clock.advance(60 * 60_000);
    expectOk(await call(core, 'recovery.resetPassword', { recoveryCode: replaced.recoveryCode, username: HEAD.username, newPassword: 'marmalade glacier trumpet seven' }));
    await unlockAs(core, { username: HEAD.username, password: 'marmalade glacier trumpet seven' });
    // The roster names the new code's keys (a signed version by the DSL) and Verify finds nothing wrong.
    await unlockAs(core, DSL);
    const verified = expectOk(await call(core, 'audit.verify', {}));
    expect(verified.ok).toBe(true);
    expect((await auditRows('recovery.replaced')).length).toBe(1);
  });

  it('only a DSL may replace the recovery code or re-key', async () => {
    await unlockAs(core, HEAD);
    expectError(await call(core, 'recovery.replaceCode', { currentPassword: HEAD.password }), 'forbidden');
    expectError(await call(core, 'records.rekey', {}), 'forbidden');
  });

  it('another program holding the file: the deactivation stands, the DSL is told, and "Re-key now" finishes it later', async () => {
    const intruder = await Database.open(live(), await liveKeyOf(DSL));
    await intruder.all('SELECT count(*) FROM staff');
    let deactivated;
    try {
      deactivated = expectOk(await call(core, 'staff.deactivate', { staffId: deputyId }));
    } finally {
      await intruder.close();
    }
    expect(deactivated.active).toBe(false);
    expect(deactivated.rekey.rekeyed).toBe(false);
    if (deactivated.rekey.rekeyed) return;
    expect(deactivated.rekey.reason).toMatch(/open in another program/);
    expect(deactivated.rekey.reason).toMatch(/still stands/);
    // Nothing half-done: no staged key is left in the key file.
    expect(await readFile(join(dataDir, 'keyslots.json'), 'utf8')).not.toContain('nextDataKey');

    const later = expectOk(await call(core, 'records.rekey', {}));
    expect(later).toMatchObject({ rekeyed: true, resealed: 3 });
    await unlockAs(core, HEAD);
  });

  it('no key slot is added while a re-key is under way (the commit would drop it): the change waits, and nothing is half made', async () => {
    // Stands in for a re-key between its first step and its last.
    await liveSlots().stageDataKey(newDataKey());
    const trainee = { name: 'Ivo Brackenridge', username: 'ibracken', password: 'quarry dolphin saffron kettle', roles: ['deputy' as const], currentPassword: DSL.password };
    const refused = expectError(await call(core, 'staff.add', trainee), 'conflict');
    expect(refused.message).toMatch(/being given a new key/);
    expect(expectOk(await call(core, 'staff.list', {})).map((m) => m.username)).not.toContain('ibracken');
    await liveSlots().abandonDataKey();
    expectOk(await call(core, 'staff.add', trainee));
    await unlockAs(core, trainee);
  });

  describe('an interrupted re-key still signs in, whichever step it stopped at', () => {
    it('stopped after the new key was staged, before the database was re-keyed: the staged key is abandoned', async () => {
      expectOk(await call(core, 'session.lock', { reason: 'button' }));
      const oldKey = await liveKeyOf(DSL);
      await liveSlots().stageDataKey(newDataKey());
      expect(await readFile(join(dataDir, 'keyslots.json'), 'utf8')).toContain('nextDataKey');

      await unlockAs(core, HEAD);
      expect(await readFile(join(dataDir, 'keyslots.json'), 'utf8')).not.toContain('nextDataKey');
      expect((await liveKeyOf(DSL)).equals(oldKey)).toBe(true);
      await unlockAs(core, DSL);
    });

    it('stopped after the database was re-keyed, before the key file was committed: the next key is committed at sign-in', async () => {
      expectOk(await call(core, 'session.lock', { reason: 'button' }));
      const oldKey = await liveKeyOf(DSL);
      const newKey = newDataKey();
      await liveSlots().stageDataKey(newKey);
      const db = await Database.open(live(), oldKey);
      await db.rekey(newKey);
      await db.close();

      await unlockAs(core, HEAD);
      expect(expectOk(await call(core, 'pupils.list', {}))).toHaveLength(1);
      expect(await readFile(join(dataDir, 'keyslots.json'), 'utf8')).not.toContain('nextDataKey');
      expect((await liveKeyOf(DSL)).equals(newKey)).toBe(true);
      await liveRefuses(oldKey);
    });

    it('the same after the database was re-keyed: a recovery while signed out, and the command line, settle it too', async () => {
      expectOk(await call(core, 'session.lock', { reason: 'button' }));
      const oldKey = await liveKeyOf(DSL);
      let newKey = newDataKey();
      await liveSlots().stageDataKey(newKey);
      let db = await Database.open(live(), oldKey);
      await db.rekey(newKey);
      await db.close();
      expectOk(await call(core, 'recovery.resetPassword', { recoveryCode, username: DEPUTY.username, newPassword: 'pelican hazelnut orchard velvet' }));
      expect(await readFile(join(dataDir, 'keyslots.json'), 'utf8')).not.toContain('nextDataKey');
      await unlockAs(core, HEAD);
      expectOk(await call(core, 'session.lock', { reason: 'button' }));

      // The command line's unlock (records backup / verify) resolves it the same way.
      const current = await liveKeyOf(DSL);
      newKey = newDataKey();
      await liveSlots().stageDataKey(newKey);
      db = await Database.open(live(), current);
      await db.rekey(newKey);
      await db.close();
      const { dataKey } = await unlockStaff(join(dataDir, 'keyslots.json'), DSL.username, DSL.password);
      expect(dataKey.equals(newKey)).toBe(true);
      expect(await readFile(join(dataDir, 'keyslots.json'), 'utf8')).not.toContain('nextDataKey');
    });
  });

  it('after a re-key the DSL can make a fresh backup and retire the older ones (confirmed, counted in the audit)', async () => {
    await backUp();
    clock.advance(60_000);
    await backUp();
    clock.advance(60_000);
    expectOk(await call(core, 'staff.deactivate', { staffId: deputyId }));
    // A backup from before the re-key cannot be the one kept.
    const [newestOld] = (await readdir(backupDir)).sort().reverse();
    expectError(await call(core, 'backups.retireOlder', { keepFrom: newestOld!, confirm: true }), 'conflict');
    clock.advance(60_000);
    const fresh = await backUp();
    expectError(await call(core, 'backups.retireOlder', { keepFrom: fresh.fileName, confirm: false } as never), 'invalid_input');
    expect(expectOk(await call(core, 'backups.retireOlder', { keepFrom: fresh.fileName, confirm: true }))).toEqual({ retired: 2 });
    expect(await readdir(backupDir)).toEqual([fresh.fileName]);
    expect((await auditRows('backups.retired')).map((r) => JSON.parse(r.details) as unknown)).toEqual([{ count: 2 }]);
  });

  it('a version 1 slot (records from before signing began) cannot take the new key: it is dropped and the DSL is told, and a new recovery code mends it', async () => {
    // The data folder version 0.1.0 wrote: the DSL's and the recovery code's slots are version 1.
    const legacyDir = join(root, 'legacy');
    await cp(fileURLToPath(new URL('../fixtures/legacy-0.1.0/data', import.meta.url)), legacyDir, { recursive: true });
    const legacyCode = 'GT509JKKGQYW17WXS58BABDS70BC';
    const legacy = await createCore({ dataDir: legacyDir, appVersion: '0.0.0-test', now: clock.now, log: () => undefined });
    try {
      // The DSL's own slot becomes version 2 at sign-in; the recovery code's stays version 1 until it is used.
      await unlockAs(legacy, DSL);
      const leaver = expectOk(await call(legacy, 'staff.add', { name: DEPUTY.name, username: 'ofair2', roles: ['deputy'], password: DEPUTY.password, currentPassword: DSL.password }));
      const deactivated = expectOk(await call(legacy, 'staff.deactivate', { staffId: leaver.id }));
      expect(deactivated.rekey).toEqual({ rekeyed: true, resealed: 1, needReset: [], recoveryDropped: true });
      expect(await new KeyslotStore(join(legacyDir, 'keyslots.json')).publicKeysOf()).toMatchObject({ recovery: null });

      const replaced = expectOk(await call(legacy, 'recovery.replaceCode', { currentPassword: DSL.password }));
      expect(replaced.rekey).toMatchObject({ rekeyed: true, resealed: 2, recoveryDropped: false });
      expectOk(await call(legacy, 'session.lock', { reason: 'button' }));
      expectError(await call(legacy, 'recovery.resetPassword', { recoveryCode: legacyCode, username: DSL.username, newPassword: 'pelican hazelnut orchard velvet' }), 'bad_credentials');
      clock.advance(60 * 60_000);
      expectOk(await call(legacy, 'recovery.resetPassword', { recoveryCode: replaced.recoveryCode, username: DSL.username, newPassword: 'pelican hazelnut orchard velvet' }));
      await unlockAs(legacy, { username: DSL.username, password: 'pelican hazelnut orchard velvet' });
    } finally {
      await legacy.close();
    }
  });
});
