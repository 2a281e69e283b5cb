import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write';
import { AppError } from '../errors';
import { SerialQueue } from '../db/serial-queue';
import { RECOVERY_ALPHABET, RECOVERY_SYMBOLS, normaliseRecoveryCode } from '../../../shared/domain/recovery-code';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { deriveKey, open, seal, SCRYPT_PARAMS, type ScryptParams } from './crypto';
import {
  checksumField,
  isV2,
  kdfSchema,
  KEYSLOT_FORMAT,
  keyslotFile,
  slotCosts,
  type KeyslotFile,
  type Slot,
  type StaffSlot,
  type V1Slot,
  type V2Slot,
} from './keyslot-file';
import {
  exportPrivate,
  importPrivate,
  newPersonKeys,
  openSealed,
  samePublicKeys,
  sealTo,
  type PersonKeys,
  type PublicKeys,
  type SealedToKey,
} from './person-keys';

/** The keyslots file is unreadable or was altered: it is damage, never a wrong password. */
export class KeyslotsDamagedError extends Error {
  constructor(detail: string) {
    super(`The key file (keyslots.json) is damaged: ${detail}`);
    this.name = 'KeyslotsDamagedError';
  }
}

type StaffCredentials = { staffId: number; username: string; password: string };
export type StaffWithKeys = StaffCredentials & { keys: PersonKeys };
export type RecoveryWithKeys = { code: string; keys: PersonKeys };

/** What an unlock yields. `nextDataKey` only while a re-key is staged (see stageDataKey). */
export type Unlocked = { dataKey: Buffer; nextDataKey?: Buffer; keys: PersonKeys; upgraded: boolean };
export type PasswordUnlock = ({ ok: true; staffId: number } & Unlocked) | { ok: false; staffId: number | null };

/** Slots a re-key leaves out: staff ids, and whether the recovery slot is among them. */
export type DroppedSlots = { staff: number[]; recovery: boolean };

/** The public keys the caller trusts (from the signed roster): a re-key seals only to these. */
export type TrustedKeys = { staff: Record<number, PublicKeys>; recovery: PublicKeys | null };

type Identity = { kind: 'staff'; staffId: number; lookup: string } | { kind: 'recovery' };
type FileV2 = Extract<KeyslotFile, { version: 2 }>;

export function newDataKey(): Buffer {
  return randomBytes(32);
}

export function newRecoveryCode(): string {
  // 256 is a multiple of 32, so masking each byte keeps every symbol equally likely.
  return [...randomBytes(RECOVERY_SYMBOLS)].map((b) => RECOVERY_ALPHABET[b & 31]).join('');
}

/**
 * One slot per staff account and one for the recovery code (as LUKS or BitLocker do). In
 * file version 2 the password (or code) unwraps only that slot's own private keys, and the
 * data key is sealed to the slot's X25519 public key: so the data key can be replaced and
 * sealed again to every remaining slot without anyone's password when someone leaves
 * (issue 16). Adding, removing or re-wrapping one slot never touches the others, and every
 * write replaces the whole file atomically, one write at a time.
 */
export class KeyslotStore {
  private readonly writes = new SerialQueue();

  constructor(
    readonly path: string,
    private readonly params: ScryptParams = SCRYPT_PARAMS,
  ) {}

  async exists(): Promise<boolean> {
    try {
      await readFile(this.path);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async read(): Promise<KeyslotFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isNotFound(error)) throw new KeyslotsDamagedError('the file is missing');
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new KeyslotsDamagedError('it is not valid JSON');
    }
    const withChecksum = checksumField.safeParse(json);
    if (!withChecksum.success || typeof json !== 'object' || json === null) {
      throw new KeyslotsDamagedError('its structure is not what this app wrote');
    }
    const { checksum: _checksum, ...content } = json as Record<string, unknown>;
    const parsed = keyslotFile.safeParse(content);
    if (!parsed.success) {
      // Named apart: a cost out of bounds is refused before scrypt ever runs with it.
      const costs = slotCosts.safeParse(content);
      const costOutOfBounds = costs.success && costs.data.slots.some((slot) => !kdfSchema.safeParse(slot.kdf).success);
      throw new KeyslotsDamagedError(costOutOfBounds ? "a key slot's scrypt cost is outside what this app writes" : 'its structure is not what this app wrote');
    }
    if (checksumOf(parsed.data) !== withChecksum.data.checksum) throw new KeyslotsDamagedError('its checksum does not match its content');
    return parsed.data;
  }

  async create(dataKey: Buffer, staff: StaffWithKeys, recovery: RecoveryWithKeys): Promise<void> {
    const lookupSalt = randomBytes(16).toString('base64');
    const slots: Slot[] = [
      await this.newSlot(staffIdentity(lookupSalt, staff), staff.password, staff.keys, dataKey),
      await this.newSlot({ kind: 'recovery' }, normaliseRecoveryCode(recovery.code), recovery.keys, dataKey),
    ];
    await this.writes.run(() => this.write({ format: KEYSLOT_FORMAT, version: 2, lookupSalt, slots }));
  }

  /**
   * The data key, the person's keys and whose slot opened it. On failure, the staff id whose
   * password was wrong (null for an unknown username), so the audit can say whose account
   * was tried. A version 1 slot is upgraded to version 2 here, with fresh keys.
   */
  async unlockWithPassword(username: string, password: string): Promise<PasswordUnlock> {
    const file = await this.read();
    const lookup = lookupOf(file.lookupSalt, username);
    const slot = slotsOf(file).find((s): s is StaffSlot => s.kind === 'staff' && s.lookup === lookup);
    if (!slot) {
      // Spend the same time as a real attempt, so timing does not reveal which usernames exist.
      await deriveKey(password, randomBytes(16), this.params);
      return { ok: false, staffId: null };
    }
    const unlocked = await this.openSlot(slot, password);
    return unlocked ? { ok: true, staffId: slot.staffId, ...unlocked } : { ok: false, staffId: slot.staffId };
  }

  /** The salted lookup this file keeps for `username`: what the sign-in delay counts per account, never the name. */
  async lookupFor(username: string): Promise<string> {
    return lookupOf((await this.read()).lookupSalt, username);
  }

  /** The data key and the recovery slot's keys; null for a wrong code. A version 1 slot is upgraded here. */
  async unlockWithRecoveryCode(code: string): Promise<Unlocked | null> {
    const file = await this.read();
    const slot = slotsOf(file).find((s) => s.kind === 'recovery');
    if (!slot) throw new KeyslotsDamagedError('it has no recovery slot');
    return this.openSlot(slot, normaliseRecoveryCode(code));
  }

  /**
   * Re-authentication for signing: this member of staff's keys if the password opens their
   * slot, else null. (A version 1 slot, which a sign-in would already have upgraded, is upgraded here.)
   */
  async verifyStaffPassword(staffId: number, password: string): Promise<PersonKeys | null> {
    const file = await this.read();
    const slot = slotsOf(file).find((s): s is StaffSlot => s.kind === 'staff' && s.staffId === staffId);
    if (!slot) return null;
    if (isV2(slot)) return (await this.openSecrets(slot, password))?.keys ?? null;
    const unlocked = await this.openSlot(slot, password);
    if (!unlocked) return null;
    unlocked.dataKey.fill(0);
    return unlocked.keys;
  }

  /**
   * The person's own password change: the SAME keys wrapped under the new password. The
   * sealed data key (and a staged next one) stay as they are, so no data key is needed.
   */
  changeOwnPassword(staffId: number, username: string, keys: PersonKeys, newPassword: string): Promise<void> {
    return this.writes.run(async () => {
      const file = await this.read();
      const index = slotsOf(file).findIndex((s) => s.kind === 'staff' && s.staffId === staffId);
      const slot = file.slots[index];
      if (!slot || !isV2(slot) || slot.kind !== 'staff' || !samePublicKeys(slot.publicKeys, keys.publicKeys)) {
        throw new Error('changeOwnPassword: these keys are not the ones in this person\'s key slot');
      }
      const identity: Identity = { kind: 'staff', staffId, lookup: lookupOf(file.lookupSalt, username) };
      const wrapped = await this.wrapSecrets(slot.id, identity, newPassword, keys);
      const replaced: V2Slot = { ...slot, ...identity, ...wrapped };
      await this.write(asV2(file, file.slots.map((s, i) => (i === index ? replaced : s))));
    });
  }

  /**
   * Adds or replaces one member of staff's slot, with keys the caller made (a new person, a
   * reactivation, a password reset); every other slot is left byte for byte.
   */
  setStaffSlot(dataKey: Buffer, staff: StaffWithKeys): Promise<void> {
    return this.writes.run(async () => {
      const file = await this.read();
      refuseWhileStaged(file);
      const slot = await this.newSlot(staffIdentity(file.lookupSalt, staff), staff.password, staff.keys, dataKey);
      const others = file.slots.filter((s) => !(s.kind === 'staff' && s.staffId === staff.staffId));
      await this.write(asV2(file, [...others, slot]));
    });
  }

  removeStaff(staffId: number): Promise<void> {
    return this.writes.run(async () => {
      const file = await this.read();
      await this.write(asV2(file, file.slots.filter((s) => !(s.kind === 'staff' && s.staffId === staffId))));
    });
  }

  /** A new recovery slot (a new code, new keys) in place of the old one. */
  replaceRecovery(dataKey: Buffer, code: string, keys: PersonKeys): Promise<void> {
    return this.writes.run(async () => {
      const file = await this.read();
      refuseWhileStaged(file);
      const slot = await this.newSlot({ kind: 'recovery' }, normaliseRecoveryCode(code), keys, dataKey);
      await this.write(asV2(file, [...file.slots.filter((s) => s.kind !== 'recovery'), slot]));
    });
  }

  /**
   * The public keys each slot names (null for a version 1 slot, which has none). Anyone who
   * can write the folder can edit these: trust them only as far as the signed roster agrees.
   */
  async publicKeysOf(): Promise<{ staff: Record<number, PublicKeys | null>; recovery: PublicKeys | null }> {
    const file = await this.read();
    const staff: Record<number, PublicKeys | null> = {};
    let recovery: PublicKeys | null = null;
    for (const slot of file.slots) {
      const keys = isV2(slot) ? slot.publicKeys : null;
      if (slot.kind === 'staff') staff[slot.staffId] = keys;
      else recovery = keys;
    }
    return { staff, recovery };
  }

  /** The anchor stored with the slots (issue 16 item 4), verbatim; undefined if none. */
  async readAnchor(): Promise<unknown> {
    const file = await this.read();
    return file.version === 2 ? file.anchor : undefined;
  }

  /** Stores `anchor` (a JSON object) in place of the previous one; the slots are left byte for byte. */
  async writeAnchor(anchor: unknown): Promise<void> {
    const copy: unknown = anchor === undefined ? undefined : JSON.parse(JSON.stringify(anchor));
    if (typeof copy !== 'object' || copy === null || Array.isArray(copy)) throw new TypeError('writeAnchor: the anchor must be a JSON object');
    canonicalJson(copy); // throws on what cannot be hashed, before anything is written
    return this.writes.run(async () => {
      const file = await this.read();
      await this.write({ ...asV2(file, file.slots), anchor: copy as Record<string, unknown> });
    });
  }

  /**
   * Re-keying, phase one: seals `newKey` to every version 2 slot as `nextDataKey`, beside the
   * current key, so a crash at any point leaves a file that opens the database whichever key
   * it ended with. Returns the slots that cannot take the new key and will be DROPPED at
   * commit: version 1 slots (sealing needs their password) and, when `trusted` is given,
   * every slot whose public keys are not the trusted ones (an insider may have put their own
   * box key into someone's slot to receive the new key).
   */
  stageDataKey(newKey: Buffer, trusted?: TrustedKeys): Promise<DroppedSlots> {
    return this.writes.run(async () => {
      const file = await this.read();
      const slots = file.slots.map((slot): Slot => {
        if (!isV2(slot)) return slot;
        const { nextDataKey: _stale, ...rest } = slot;
        if (trusted && !isTrusted(slot, trusted)) return rest;
        return { ...rest, nextDataKey: sealDataKey(slot.id, identityOf(slot), slot.publicKeys.box, newKey) };
      });
      await this.write(asV2(file, slots));
      return droppedOf(slots.filter((s) => !isV2(s) || !s.nextDataKey));
    });
  }

  /**
   * Re-keying, phase two (after the database has been re-keyed): every slot's next key
   * becomes its key; slots without one are removed. Returns the slots removed, so the DSL
   * can be told whose password must be reset (and whether the recovery code must be replaced).
   */
  commitDataKey(): Promise<DroppedSlots> {
    return this.writes.run(async () => {
      const file = await this.read();
      const kept: Slot[] = [];
      const dropped: Slot[] = [];
      for (const slot of file.slots) {
        if (isV2(slot) && slot.nextDataKey) {
          const { nextDataKey, ...rest } = slot;
          kept.push({ ...rest, dataKey: nextDataKey });
        } else {
          dropped.push(slot);
        }
      }
      // Nothing staged: committing would remove every slot and lock everyone out.
      if (kept.length === 0) throw new Error('commitDataKey: no new data key is staged');
      await this.write(asV2(file, kept));
      return droppedOf(dropped);
    });
  }

  /** Re-keying abandoned (the database kept its key): every staged next key is removed. */
  abandonDataKey(): Promise<void> {
    return this.writes.run(async () => {
      const file = await this.read();
      const slots = file.slots.map((slot): Slot => {
        if (!isV2(slot) || !slot.nextDataKey) return slot;
        const { nextDataKey: _next, ...rest } = slot;
        return rest;
      });
      await this.write(asV2(file, slots));
    });
  }

  /** Opens a slot of either version with its secret; upgrades a version 1 slot. Null for a wrong secret. */
  private async openSlot(slot: Slot, secret: string): Promise<Unlocked | null> {
    if (isV2(slot)) {
      const opened = await this.openSecrets(slot, secret);
      if (!opened) return null;
      const dataKey = openDataKey(opened.keys, slot, slot.dataKey);
      const nextDataKey = slot.nextDataKey ? openDataKey(opened.keys, slot, slot.nextDataKey) : undefined;
      return { dataKey, ...(nextDataKey ? { nextDataKey } : {}), keys: opened.keys, upgraded: false };
    }
    const dataKey = await unwrapV1(slot, secret);
    if (!dataKey) return null;
    const keys = newPersonKeys();
    const upgraded = await this.upgrade(slot, secret, keys, dataKey);
    if (!upgraded) {
      dataKey.fill(0);
      return null;
    }
    return { dataKey, keys, upgraded: true };
  }

  /** Replaces a version 1 slot by a version 2 one for the same person; false if the slot changed meanwhile. */
  private upgrade(slot: V1Slot, secret: string, keys: PersonKeys, dataKey: Buffer): Promise<boolean> {
    return this.writes.run(async () => {
      const file = await this.read();
      const index = slotsOf(file).findIndex((s) => canonicalJson(s) === canonicalJson(slot));
      // Changed or removed since it was read (a reset, a removal): the secret it took no longer counts.
      if (index < 0) return false;
      const identity: Identity = slot.kind === 'staff' ? { kind: 'staff', staffId: slot.staffId, lookup: slot.lookup } : { kind: 'recovery' };
      const replacement = await this.newSlot(identity, secret, keys, dataKey);
      await this.write(asV2(file, file.slots.map((s, i) => (i === index ? replacement : s))));
      return true;
    });
  }

  private async openSecrets(slot: V2Slot, secret: string): Promise<{ keys: PersonKeys } | null> {
    const identity = identityOf(slot);
    const kek = await deriveKey(secret, Buffer.from(slot.kdf.salt, 'base64'), { N: slot.kdf.N, r: slot.kdf.r, p: slot.kdf.p });
    const secrets = open(kek, { iv: Buffer.from(slot.iv, 'base64'), tag: Buffer.from(slot.tag, 'base64'), data: Buffer.from(slot.wrappedSecrets, 'base64') }, secretsAad(slot.id, identity));
    kek.fill(0);
    if (!secrets) return null;
    const keys = importPrivate(secrets);
    secrets.fill(0);
    if (!keys) throw new KeyslotsDamagedError("a key slot's private keys are not in the form this app writes");
    // The public keys beside the slot are not covered by the password: they must be the
    // ones the private keys give, or the slot was edited (to receive someone else's data key).
    if (!samePublicKeys(keys.publicKeys, slot.publicKeys)) throw new KeyslotsDamagedError("a key slot's public keys do not match its private keys");
    return { keys };
  }

  private async newSlot(identity: Identity, secret: string, keys: PersonKeys, dataKey: Buffer): Promise<V2Slot> {
    const id = randomBytes(16).toString('hex');
    const wrapped = await this.wrapSecrets(id, identity, secret, keys);
    return { id, ...identity, ...wrapped, publicKeys: { ...keys.publicKeys }, dataKey: sealDataKey(id, identity, keys.publicKeys.box, dataKey) };
  }

  private async wrapSecrets(id: string, identity: Identity, secret: string, keys: PersonKeys) {
    const salt = randomBytes(16);
    const kek = await deriveKey(secret, salt, this.params);
    const secrets = exportPrivate(keys);
    const sealed = seal(kek, secrets, secretsAad(id, identity));
    kek.fill(0);
    secrets.fill(0);
    return {
      kdf: { name: 'scrypt' as const, ...this.params, salt: salt.toString('base64') },
      iv: sealed.iv.toString('base64'),
      tag: sealed.tag.toString('base64'),
      wrappedSecrets: sealed.data.toString('base64'),
    };
  }

  /** Only inside the write queue. */
  private write(file: FileV2): Promise<void> {
    const onDisk = { ...file, checksum: checksumOf(file) };
    return writeFileAtomic(this.path, `${JSON.stringify(onDisk, null, 2)}\n`);
  }
}

/**
 * A new slot holds only the current data key: written while a re-key is staged, the commit
 * would drop it (no next key) and the person could not sign in. So it waits for the re-key.
 */
function refuseWhileStaged(file: KeyslotFile): void {
  if (slotsOf(file).some((s) => isV2(s) && s.nextDataKey)) {
    throw new AppError('conflict', 'The records are being given a new key just now, so nothing was changed. Try again in a moment.');
  }
}

// A version 1 file's slots are a narrower array type; both are read as Slot[].
function slotsOf(file: KeyslotFile): Slot[] {
  return file.slots;
}

// Every write is file version 2; version 1 slots are carried over verbatim.
function asV2(file: KeyslotFile, slots: Slot[]): FileV2 {
  const anchor = file.version === 2 ? file.anchor : undefined;
  return { format: file.format, version: 2, lookupSalt: file.lookupSalt, slots, ...(anchor === undefined ? {} : { anchor }) };
}

// The same formula as version 1 (no anchor member when there is none), so version 1 files still check.
function checksumOf(file: KeyslotFile): string {
  const { format, version, lookupSalt, slots } = file;
  const anchor = file.version === 2 ? file.anchor : undefined;
  try {
    return createHash('sha256').update(canonicalJson({ format, version, lookupSalt, slots, anchor })).digest('hex');
  } catch {
    throw new KeyslotsDamagedError('its anchor holds a value that cannot be checked');
  }
}

function lookupOf(lookupSalt: string, username: string): string {
  return createHash('sha256').update(Buffer.from(lookupSalt, 'base64')).update(username.trim().toLowerCase()).digest('hex');
}

function staffIdentity(lookupSalt: string, staff: StaffCredentials): Identity {
  return { kind: 'staff', staffId: staff.staffId, lookup: lookupOf(lookupSalt, staff.username) };
}

function identityOf(slot: Slot): Identity {
  return slot.kind === 'staff' ? { kind: 'staff', staffId: slot.staffId, lookup: slot.lookup } : { kind: 'recovery' };
}

function isTrusted(slot: V2Slot, trusted: TrustedKeys): boolean {
  const expected = slot.kind === 'staff' ? trusted.staff[slot.staffId] : trusted.recovery;
  return expected !== undefined && expected !== null && samePublicKeys(expected, slot.publicKeys);
}

function droppedOf(slots: Slot[]): DroppedSlots {
  return {
    staff: slots.flatMap((s) => (s.kind === 'staff' ? [s.staffId] : [])),
    recovery: slots.some((s) => s.kind === 'recovery'),
  };
}

// The slot's identity is bound into the ciphertext, so moving a wrapped key to another
// staff id (or flipping a bit anywhere in the slot) makes it fail to open. Version 1 and
// version 2 bindings differ, so one kind of slot's ciphertext cannot pass for the other's.
function slotAadV1(id: string, kind: Slot['kind'], staffId: number | null, lookup: string | null): Buffer {
  return Buffer.from(JSON.stringify([KEYSLOT_FORMAT, id, kind, staffId, lookup]));
}

function secretsAad(id: string, identity: Identity): Buffer {
  const staff = identity.kind === 'staff' ? [identity.staffId, identity.lookup] : [null, null];
  return Buffer.from(JSON.stringify([KEYSLOT_FORMAT, 'slot-secrets-v2', id, identity.kind, ...staff]));
}

// Not the lookup: a person's own password change may change it without the data key.
// The same binding for the current and the staged key, since commit moves one into the other.
function dataKeyAad(id: string, identity: Identity): Buffer {
  return Buffer.from(JSON.stringify([KEYSLOT_FORMAT, 'data-key', id, identity.kind, identity.kind === 'staff' ? identity.staffId : null]));
}

function sealDataKey(id: string, identity: Identity, publicBox: string, dataKey: Buffer): SealedToKey {
  return sealTo(publicBox, dataKey, dataKeyAad(id, identity));
}

function openDataKey(keys: PersonKeys, slot: V2Slot, sealed: SealedToKey): Buffer {
  const key = openSealed(keys, sealed, dataKeyAad(slot.id, identityOf(slot)));
  // The password was right, so this is an edited or damaged slot, not a wrong guess.
  if (!key || key.length !== 32) throw new KeyslotsDamagedError("a key slot's sealed data key does not open with its own keys");
  return key;
}

async function unwrapV1(slot: V1Slot, secret: string): Promise<Buffer | null> {
  const { N, r, p } = slot.kdf;
  const kek = await deriveKey(secret, Buffer.from(slot.kdf.salt, 'base64'), { N, r, p });
  const aad = slot.kind === 'staff' ? slotAadV1(slot.id, 'staff', slot.staffId, slot.lookup) : slotAadV1(slot.id, 'recovery', null, null);
  const key = open(kek, { iv: Buffer.from(slot.iv, 'base64'), tag: Buffer.from(slot.tag, 'base64'), data: Buffer.from(slot.wrappedKey, 'base64') }, aad);
  kek.fill(0);
  return key && key.length === 32 ? key : null;
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
