// Issue 16, items 1, 4 and 6 (the key file's side): key file version 2. Each slot's password
// (or the recovery code) unwraps only that person's own keys; the data key is sealed to each
// slot's public key, so it can be replaced for everyone who remains without their passwords,
// and a leaver's old copy of the file opens only the key from before they left.
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { Database } from '../../electron/core/db/connection';
import { deriveKey, seal } from '../../electron/core/vault/crypto';
import { KEYSLOT_FORMAT } from '../../electron/core/vault/keyslot-file';
import { KeyslotsDamagedError, KeyslotStore, newRecoveryCode, type PasswordUnlock } from '../../electron/core/vault/keyslots';
import { newPersonKeys, openSealed, type PersonKeys, type SealedToKey } from '../../electron/core/vault/person-keys';
import { makeTempDir } from './helpers/temp-dir';

const PARAMS = { N: 2 ** 14, r: 8, p: 1 };
const LEGACY = fileURLToPath(new URL('../fixtures/legacy-0.1.0/data', import.meta.url));
// The fixture's fictional credentials (test/fixtures/legacy-0.1.0/README.md).
const LEGACY_USER = { username: 'mthistle', password: 'correct horse battery staple' };
const LEGACY_CODE = 'GT509JKKGQYW17WXS58BABDS70BC';

const DSL = { staffId: 1, username: 'mthistle', password: 'correct horse battery staple' };
const HEAD = { staffId: 2, username: 'bhollow', password: 'violet tractor pudding moon' };
const DEPUTY = { staffId: 3, username: 'ofair', password: 'lantern biscuit orbit meadow' };

type OnDisk = {
  format: string;
  version: number;
  lookupSalt: string;
  slots: Record<string, unknown>[];
  anchor?: unknown;
  checksum: string;
};

let dir: string;
let remove: () => Promise<void>;
let path: string;
let store: KeyslotStore;
const dataKey = randomBytes(32);
let code: string;
let dslKeys: PersonKeys;
let recoveryKeys: PersonKeys;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
  path = join(dir, 'keyslots.json');
  store = new KeyslotStore(path, PARAMS);
  code = newRecoveryCode();
  dslKeys = newPersonKeys();
  recoveryKeys = newPersonKeys();
  await store.create(dataKey, { ...DSL, keys: dslKeys }, { code, keys: recoveryKeys });
});

afterEach(async () => {
  await remove();
});

async function onDisk(file = path): Promise<OnDisk> {
  return JSON.parse(await readFile(file, 'utf8')) as OnDisk;
}

/** Edits the file and recomputes its checksum, as an insider with the source code would. */
async function tamper(edit: (file: OnDisk) => void, file = path): Promise<void> {
  const json = await onDisk(file);
  edit(json);
  const { format, version, lookupSalt, slots, anchor } = json;
  json.checksum = createHash('sha256').update(canonicalJson({ format, version, lookupSalt, slots, anchor })).digest('hex');
  await writeFile(file, JSON.stringify(json));
}

function staffSlot(file: OnDisk, staffId: number): Record<string, unknown> {
  const slot = file.slots.find((s) => s.kind === 'staff' && s.staffId === staffId);
  if (!slot) throw new Error(`no slot for staff ${staffId}`);
  return slot;
}

function flipBase64(text: string): string {
  const bytes = Buffer.from(text, 'base64');
  bytes[0]! ^= 0x01;
  return bytes.toString('base64');
}

function expectOpened(attempt: PasswordUnlock): Extract<PasswordUnlock, { ok: true }> {
  if (!attempt.ok) throw new Error(`expected the slot to open (staff ${attempt.staffId})`);
  return attempt;
}

/** A slot as version 0.1.0 wrote it: the data key itself under the password. */
async function addV1StaffSlot(staffId: number, username: string, password: string, key: Buffer): Promise<void> {
  const file = await onDisk();
  const id = randomBytes(16).toString('hex');
  const lookup = createHash('sha256').update(Buffer.from(file.lookupSalt, 'base64')).update(username).digest('hex');
  const salt = randomBytes(16);
  const kek = await deriveKey(password, salt, PARAMS);
  const sealed = seal(kek, key, Buffer.from(JSON.stringify([KEYSLOT_FORMAT, id, 'staff', staffId, lookup])));
  const slot = {
    id,
    kind: 'staff',
    staffId,
    lookup,
    kdf: { name: 'scrypt', ...PARAMS, salt: salt.toString('base64') },
    iv: sealed.iv.toString('base64'),
    tag: sealed.tag.toString('base64'),
    wrappedKey: sealed.data.toString('base64'),
  };
  await tamper((f) => f.slots.push(slot));
}

describe('key file version 2: round trips', () => {
  it('opens with the password, giving the data key and the same person\'s keys', async () => {
    const opened = expectOpened(await store.unlockWithPassword(DSL.username, DSL.password));
    expect(opened.dataKey.equals(dataKey)).toBe(true);
    expect(opened.staffId).toBe(DSL.staffId);
    expect(opened.keys.publicKeys).toEqual(dslKeys.publicKeys);
    expect(opened.upgraded).toBe(false);
    expect(opened.nextDataKey).toBeUndefined();
    const file = await onDisk();
    expect(file.version).toBe(2);
    // Neither the username nor the data key is in the file in clear.
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(DSL.username);
    expect(text).not.toContain(dataKey.toString('base64'));
  });

  it('answers a wrong password with the account tried, and an unknown username with null', async () => {
    expect(await store.unlockWithPassword(DSL.username, 'not the password at all')).toEqual({ ok: false, staffId: DSL.staffId });
    expect(await store.unlockWithPassword('nobody', DSL.password)).toEqual({ ok: false, staffId: null });
  });

  it('opens with the recovery code (in any case and grouping), and not with a wrong one', async () => {
    const opened = await store.unlockWithRecoveryCode(code.toLowerCase().replace(/(.{4})/g, '$1-'));
    expect(opened?.dataKey.equals(dataKey)).toBe(true);
    expect(opened?.keys.publicKeys).toEqual(recoveryKeys.publicKeys);
    expect(await store.unlockWithRecoveryCode(newRecoveryCode())).toBeNull();
  });

  it('re-authentication gives the person\'s keys for the right password only', async () => {
    expect((await store.verifyStaffPassword(DSL.staffId, DSL.password))?.publicKeys).toEqual(dslKeys.publicKeys);
    expect(await store.verifyStaffPassword(DSL.staffId, 'not the password at all')).toBeNull();
    expect(await store.verifyStaffPassword(99, DSL.password)).toBeNull();
  });

  it('a person\'s own password change keeps their keys and the data key, and leaves other slots byte for byte', async () => {
    await store.setStaffSlot(dataKey, { ...HEAD, keys: newPersonKeys() });
    const before = await onDisk();
    await store.changeOwnPassword(DSL.staffId, DSL.username, dslKeys, 'thimble orchard gazette velvet');
    expect((await store.unlockWithPassword(DSL.username, DSL.password)).ok).toBe(false);
    const opened = expectOpened(await store.unlockWithPassword(DSL.username, 'thimble orchard gazette velvet'));
    expect(opened.keys.publicKeys).toEqual(dslKeys.publicKeys);
    expect(opened.dataKey.equals(dataKey)).toBe(true);
    const after = await onDisk();
    expect(staffSlot(after, HEAD.staffId)).toEqual(staffSlot(before, HEAD.staffId));
    expect(after.slots.find((s) => s.kind === 'recovery')).toEqual(before.slots.find((s) => s.kind === 'recovery'));
    // The sealed data key was not touched: no data key was needed for the change.
    expect(staffSlot(after, DSL.staffId).dataKey).toEqual(staffSlot(before, DSL.staffId).dataKey);
  });

  it('refuses a password change with keys that are not that person\'s, changing nothing', async () => {
    const before = await readFile(path, 'utf8');
    await expect(store.changeOwnPassword(DSL.staffId, DSL.username, newPersonKeys(), 'thimble orchard gazette velvet')).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('adds a person, resets their password with new keys, and removes them', async () => {
    const headKeys = newPersonKeys();
    await store.setStaffSlot(dataKey, { ...HEAD, keys: headKeys });
    expect(expectOpened(await store.unlockWithPassword(HEAD.username, HEAD.password)).keys.publicKeys).toEqual(headKeys.publicKeys);

    const resetKeys = newPersonKeys();
    await store.setStaffSlot(dataKey, { ...HEAD, password: 'a password the DSL chose', keys: resetKeys });
    expect(await store.unlockWithPassword(HEAD.username, HEAD.password)).toEqual({ ok: false, staffId: HEAD.staffId });
    const reset = expectOpened(await store.unlockWithPassword(HEAD.username, 'a password the DSL chose'));
    expect(reset.keys.publicKeys).toEqual(resetKeys.publicKeys);
    expect(reset.dataKey.equals(dataKey)).toBe(true);
    expect((await onDisk()).slots.filter((s) => s.staffId === HEAD.staffId)).toHaveLength(1);

    await store.removeStaff(HEAD.staffId);
    expect(await store.unlockWithPassword(HEAD.username, 'a password the DSL chose')).toEqual({ ok: false, staffId: null });
    expect((await store.publicKeysOf()).staff[HEAD.staffId]).toBeUndefined();
  });

  it('replaces the recovery code: the old one stops working, the new one opens', async () => {
    const newCode = newRecoveryCode();
    const keys = newPersonKeys();
    await store.replaceRecovery(dataKey, newCode, keys);
    expect(await store.unlockWithRecoveryCode(code)).toBeNull();
    expect((await store.unlockWithRecoveryCode(newCode))?.keys.publicKeys).toEqual(keys.publicKeys);
    expect((await onDisk()).slots.filter((s) => s.kind === 'recovery')).toHaveLength(1);
  });

  it('lists every slot\'s public keys', async () => {
    const headKeys = newPersonKeys();
    await store.setStaffSlot(dataKey, { ...HEAD, keys: headKeys });
    expect(await store.publicKeysOf()).toEqual({
      staff: { [DSL.staffId]: dslKeys.publicKeys, [HEAD.staffId]: headKeys.publicKeys },
      recovery: recoveryKeys.publicKeys,
    });
  });

  it('keeps every one of several changes made at once', async () => {
    await Promise.all([
      store.setStaffSlot(dataKey, { ...HEAD, keys: newPersonKeys() }),
      store.setStaffSlot(dataKey, { ...DEPUTY, keys: newPersonKeys() }),
      store.changeOwnPassword(DSL.staffId, DSL.username, dslKeys, 'thimble orchard gazette velvet'),
    ]);
    expect((await store.unlockWithPassword(HEAD.username, HEAD.password)).ok).toBe(true);
    expect((await store.unlockWithPassword(DEPUTY.username, DEPUTY.password)).ok).toBe(true);
    expect((await store.unlockWithPassword(DSL.username, 'thimble orchard gazette velvet')).ok).toBe(true);
  });
});

describe('key file version 2: an edited slot does not open', () => {
  it('a flipped byte anywhere is damage when the checksum is left as it was', async () => {
    const text = await readFile(path, 'utf8');
    const slot = staffSlot(await onDisk(), DSL.staffId);
    await writeFile(path, text.replace(slot.wrappedSecrets as string, flipBase64(slot.wrappedSecrets as string)));
    await expect(store.unlockWithPassword(DSL.username, DSL.password)).rejects.toThrow(/checksum does not match/);
  });

  it('a flipped byte in the wrapped private keys: the password no longer opens it', async () => {
    await tamper((f) => {
      const slot = staffSlot(f, DSL.staffId);
      slot.wrappedSecrets = flipBase64(slot.wrappedSecrets as string);
    });
    expect(await store.unlockWithPassword(DSL.username, DSL.password)).toEqual({ ok: false, staffId: DSL.staffId });
    expect(await store.verifyStaffPassword(DSL.staffId, DSL.password)).toBeNull();
  });

  it('a flipped byte in the sealed data key: damage, and no key', async () => {
    await tamper((f) => {
      const sealed = staffSlot(f, DSL.staffId).dataKey as SealedToKey;
      sealed.data = flipBase64(sealed.data);
    });
    await expect(store.unlockWithPassword(DSL.username, DSL.password)).rejects.toThrow(KeyslotsDamagedError);
  });

  it('a changed public key (sign or box): damage, and no key', async () => {
    for (const which of ['sign', 'box'] as const) {
      const original = await readFile(path, 'utf8');
      await tamper((f) => {
        const keys = staffSlot(f, DSL.staffId).publicKeys as Record<string, string>;
        keys[which] = flipBase64(keys[which]!);
      });
      await expect(store.unlockWithPassword(DSL.username, DSL.password), which).rejects.toThrow(/public keys do not match/);
      await expect(store.verifyStaffPassword(DSL.staffId, DSL.password), which).rejects.toThrow(KeyslotsDamagedError);
      await writeFile(path, original);
    }
  });

  it('a slot moved to another staff id opens for nobody', async () => {
    await store.setStaffSlot(dataKey, { ...HEAD, keys: newPersonKeys() });
    // The head's slot relabelled as the DSL's (and the DSL's own taken out of the way).
    await tamper((f) => {
      f.slots = f.slots.filter((s) => !(s.kind === 'staff' && s.staffId === DSL.staffId));
      staffSlot(f, HEAD.staffId).staffId = DSL.staffId;
    });
    expect(await store.unlockWithPassword(HEAD.username, HEAD.password)).toEqual({ ok: false, staffId: DSL.staffId });
    expect(await store.verifyStaffPassword(DSL.staffId, HEAD.password)).toBeNull();
  });

  it('a data key sealed by an insider to someone\'s slot under another slot\'s binding does not open', async () => {
    await store.setStaffSlot(dataKey, { ...HEAD, keys: newPersonKeys() });
    // The DSL's sealed data key copied into the head's slot: bound to the DSL's slot id, so refused.
    await tamper((f) => {
      staffSlot(f, HEAD.staffId).dataKey = staffSlot(f, DSL.staffId).dataKey;
    });
    await expect(store.unlockWithPassword(HEAD.username, HEAD.password)).rejects.toThrow(KeyslotsDamagedError);
  });
});

describe('a key file written by version 0.1.0', () => {
  let legacyDir: string;

  beforeEach(async () => {
    legacyDir = join(dir, 'legacy');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(legacyDir);
    // A copy: the fixture itself is never written.
    await copyFile(join(LEGACY, 'keyslots.json'), join(legacyDir, 'keyslots.json'));
    await copyFile(join(LEGACY, 'records.db'), join(legacyDir, 'records.db'));
  });

  it('opens with the fixture\'s password, is upgraded to version 2 in place, and the key still opens the records', async () => {
    const fixtureBefore = await readFile(join(LEGACY, 'keyslots.json'), 'utf8');
    const legacy = new KeyslotStore(join(legacyDir, 'keyslots.json'));
    const first = expectOpened(await legacy.unlockWithPassword(LEGACY_USER.username, LEGACY_USER.password));
    expect(first.upgraded).toBe(true);
    expect(first.staffId).toBe(1);

    const upgraded = await onDisk(join(legacyDir, 'keyslots.json'));
    expect(upgraded.version).toBe(2);
    const slot = staffSlot(upgraded, 1);
    expect(slot.wrappedKey).toBeUndefined();
    expect(slot.publicKeys).toEqual(first.keys.publicKeys);
    // The recovery slot, not yet used, is carried over exactly as 0.1.0 wrote it.
    const fixture = JSON.parse(fixtureBefore) as OnDisk;
    expect(upgraded.slots.find((s) => s.kind === 'recovery')).toEqual(fixture.slots.find((s) => s.kind === 'recovery'));

    // The next sign-in opens the version 2 slot: the same data key and the same keys.
    const second = expectOpened(await legacy.unlockWithPassword(LEGACY_USER.username, LEGACY_USER.password));
    expect(second.upgraded).toBe(false);
    expect(second.dataKey.equals(first.dataKey)).toBe(true);
    expect(second.keys.publicKeys).toEqual(first.keys.publicKeys);
    expect(await legacy.unlockWithPassword(LEGACY_USER.username, 'not the password at all')).toEqual({ ok: false, staffId: 1 });

    const db = await Database.open(join(legacyDir, 'records.db'), second.dataKey);
    try {
      expect(db.health.ok).toBe(true);
    } finally {
      await db.close();
    }
    expect(await readFile(join(LEGACY, 'keyslots.json'), 'utf8')).toBe(fixtureBefore);
  }, 30_000);

  it('opens with the fixture\'s recovery code, which upgrades the recovery slot', async () => {
    const legacy = new KeyslotStore(join(legacyDir, 'keyslots.json'));
    const byCode = await legacy.unlockWithRecoveryCode(LEGACY_CODE);
    expect(byCode?.upgraded).toBe(true);
    const again = await legacy.unlockWithRecoveryCode(LEGACY_CODE);
    expect(again?.upgraded).toBe(false);
    expect(again?.dataKey.equals(byCode!.dataKey)).toBe(true);
    expect(again?.keys.publicKeys).toEqual(byCode?.keys.publicKeys);
    expect((await legacy.publicKeysOf()).staff[1]).toBeNull(); // the staff slot is still version 1
    expect((await legacy.publicKeysOf()).recovery).toEqual(byCode?.keys.publicKeys);
  }, 30_000);

  it('re-authentication on a version 1 slot gives keys (and upgrades it)', async () => {
    const legacy = new KeyslotStore(join(legacyDir, 'keyslots.json'));
    const keys = await legacy.verifyStaffPassword(1, LEGACY_USER.password);
    expect(keys).not.toBeNull();
    expect((await legacy.publicKeysOf()).staff[1]).toEqual(keys?.publicKeys);
    expect(await legacy.verifyStaffPassword(1, 'not the password at all')).toBeNull();
  }, 30_000);

  it('after the DSL\'s upgrade, a re-key names the old recovery slot, which commit drops (the code must be replaced)', async () => {
    const legacy = new KeyslotStore(join(legacyDir, 'keyslots.json'));
    const opened = expectOpened(await legacy.unlockWithPassword(LEGACY_USER.username, LEGACY_USER.password));
    const newKey = randomBytes(32);
    expect(await legacy.stageDataKey(newKey)).toEqual({ staff: [], recovery: true });
    expect(await legacy.commitDataKey()).toEqual({ staff: [], recovery: true });
    await expect(legacy.unlockWithRecoveryCode(LEGACY_CODE)).rejects.toThrow(/no recovery slot/);
    const newCode = newRecoveryCode();
    await legacy.replaceRecovery(newKey, newCode, newPersonKeys());
    expect((await legacy.unlockWithRecoveryCode(newCode))?.dataKey.equals(newKey)).toBe(true);
    const again = expectOpened(await legacy.unlockWithPassword(LEGACY_USER.username, LEGACY_USER.password));
    expect(again.dataKey.equals(newKey)).toBe(true);
    expect(again.keys.publicKeys).toEqual(opened.keys.publicKeys);
  }, 30_000);

  it('stores an anchor in a version 1 file by writing version 2, leaving the old slots verbatim', async () => {
    const legacy = new KeyslotStore(join(legacyDir, 'keyslots.json'));
    const before = await onDisk(join(legacyDir, 'keyslots.json'));
    await legacy.writeAnchor({ seq: 12, hash: 'ab'.repeat(32) });
    const after = await onDisk(join(legacyDir, 'keyslots.json'));
    expect(after.version).toBe(2);
    expect(after.slots).toEqual(before.slots);
    expect(await legacy.readAnchor()).toEqual({ seq: 12, hash: 'ab'.repeat(32) });
    expect((await legacy.unlockWithPassword(LEGACY_USER.username, LEGACY_USER.password)).ok).toBe(true);
  }, 30_000);
});

describe('re-keying when someone leaves', () => {
  const newKey = randomBytes(32);

  beforeEach(async () => {
    await store.setStaffSlot(dataKey, { ...HEAD, keys: newPersonKeys() });
    await store.setStaffSlot(dataKey, { ...DEPUTY, keys: newPersonKeys() });
  });

  it('gives every remaining person the new key; the leaver\'s old copy of the file opens only the old key', async () => {
    // The deputy keeps a copy of the key file, then leaves.
    const leaversCopy = join(dir, 'leavers-copy.json');
    await copyFile(path, leaversCopy);
    await store.removeStaff(DEPUTY.staffId);
    expect(await store.unlockWithPassword(DEPUTY.username, DEPUTY.password)).toEqual({ ok: false, staffId: null });

    expect(await store.stageDataKey(newKey)).toEqual({ staff: [], recovery: false });
    // Between the two phases (a crash here): both keys, so the caller can finish or abandon.
    const staged = expectOpened(await new KeyslotStore(path, PARAMS).unlockWithPassword(HEAD.username, HEAD.password));
    expect(staged.dataKey.equals(dataKey)).toBe(true);
    expect(staged.nextDataKey?.equals(newKey)).toBe(true);
    expect((await store.unlockWithRecoveryCode(code))?.nextDataKey?.equals(newKey)).toBe(true);

    expect(await store.commitDataKey()).toEqual({ staff: [], recovery: false });
    for (const person of [DSL, HEAD]) {
      const opened = expectOpened(await store.unlockWithPassword(person.username, person.password));
      expect(opened.dataKey.equals(newKey), person.username).toBe(true);
      expect(opened.nextDataKey).toBeUndefined();
    }
    expect((await store.unlockWithRecoveryCode(code))?.dataKey.equals(newKey)).toBe(true);
    expect(await readFile(path, 'utf8')).not.toContain('nextDataKey');

    // The leaver, with the copy taken before they left: the old key, never the new one.
    const fromCopy = expectOpened(await new KeyslotStore(leaversCopy, PARAMS).unlockWithPassword(DEPUTY.username, DEPUTY.password));
    expect(fromCopy.dataKey.equals(dataKey)).toBe(true);
    expect(fromCopy.dataKey.equals(newKey)).toBe(false);
    expect(fromCopy.nextDataKey).toBeUndefined();
    // And nothing sealed in the new file opens with their keys (each slot's own binding tried).
    const current = await onDisk();
    for (const slot of current.slots) {
      const binding = Buffer.from(JSON.stringify([KEYSLOT_FORMAT, 'data-key', slot.id, slot.kind, slot.staffId ?? null]));
      expect(openSealed(fromCopy.keys, slot.dataKey as SealedToKey, binding)).toBeNull();
    }
    // (The same binding does open the DSL's slot with the DSL's keys: the check above is real.)
    const dslNow = expectOpened(await store.unlockWithPassword(DSL.username, DSL.password));
    const dslSlot = staffSlot(current, DSL.staffId);
    const dslBinding = Buffer.from(JSON.stringify([KEYSLOT_FORMAT, 'data-key', dslSlot.id, 'staff', DSL.staffId]));
    expect(openSealed(dslNow.keys, dslSlot.dataKey as SealedToKey, dslBinding)?.equals(newKey)).toBe(true);
    expect(current.slots.some((s) => s.staffId === DEPUTY.staffId)).toBe(false);
  });

  it('drops version 1 slots at commit, and names them when staging', async () => {
    await addV1StaffSlot(4, 'ttrent', 'quartz meadow lantern fig', dataKey);
    expect((await store.publicKeysOf()).staff[4]).toBeNull();
    expect(await store.stageDataKey(newKey)).toEqual({ staff: [4], recovery: false });
    expect(await store.commitDataKey()).toEqual({ staff: [4], recovery: false });
    expect(await store.unlockWithPassword('ttrent', 'quartz meadow lantern fig')).toEqual({ ok: false, staffId: null });
    expect(expectOpened(await store.unlockWithPassword(HEAD.username, HEAD.password)).dataKey.equals(newKey)).toBe(true);
  });

  it('abandoning leaves the old key for everyone and no staged key', async () => {
    const before = await readFile(path, 'utf8');
    await store.stageDataKey(newKey);
    await store.abandonDataKey();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ slots: (JSON.parse(before) as OnDisk).slots });
    const opened = expectOpened(await store.unlockWithPassword(HEAD.username, HEAD.password));
    expect(opened.dataKey.equals(dataKey)).toBe(true);
    expect(opened.nextDataKey).toBeUndefined();
  });

  it('refuses to commit when nothing is staged, changing nothing', async () => {
    const before = await readFile(path, 'utf8');
    await expect(store.commitDataKey()).rejects.toThrow(/no new data key is staged/);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('with the roster\'s keys, seals nothing to a public key an insider put into someone\'s slot', async () => {
    const roster = await store.publicKeysOf();
    const trusted = { staff: { ...roster.staff } as Record<number, NonNullable<(typeof roster.staff)[number]>>, recovery: roster.recovery };
    // The deputy (an insider with the folder) puts their own public keys into the head's slot.
    const insider = newPersonKeys();
    await tamper((f) => {
      staffSlot(f, HEAD.staffId).publicKeys = { ...insider.publicKeys };
    });
    expect(await store.stageDataKey(newKey, trusted)).toEqual({ staff: [HEAD.staffId], recovery: false });
    expect(staffSlot(await onDisk(), HEAD.staffId).nextDataKey).toBeUndefined();
    // Everyone else still gets the new key.
    expect(expectOpened(await store.unlockWithPassword(DSL.username, DSL.password)).nextDataKey?.equals(newKey)).toBe(true);
  });
});

describe('the anchor kept with the key slots', () => {
  it('is absent at first, then read back exactly as written', async () => {
    expect(await store.readAnchor()).toBeUndefined();
    const anchor = { seq: 5120, hash: 'cd'.repeat(32), signedBy: 1, signature: 'c2lnbmF0dXJl', at: '2026-11-29T10:00:00.000Z' };
    await store.writeAnchor(anchor);
    expect(await store.readAnchor()).toEqual(anchor);
    expect(expectOpened(await store.unlockWithPassword(DSL.username, DSL.password)).dataKey.equals(dataKey)).toBe(true);
    // Later slot changes keep it.
    await store.setStaffSlot(dataKey, { ...HEAD, keys: newPersonKeys() });
    expect(await store.readAnchor()).toEqual(anchor);
  });

  it('is covered by the checksum: an edited anchor is damage', async () => {
    await store.writeAnchor({ seq: 5120 });
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('5120', '5119'));
    await expect(store.readAnchor()).rejects.toThrow(KeyslotsDamagedError);
  });

  it('refuses what is not a JSON object, changing nothing', async () => {
    const before = await readFile(path, 'utf8');
    for (const bad of [null, 7, 'text', [1, 2], undefined]) {
      await expect(store.writeAnchor(bad)).rejects.toThrow(TypeError);
    }
    expect(await readFile(path, 'utf8')).toBe(before);
  });
});
