import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write';
import { SerialQueue } from '../db/serial-queue';
import { RECOVERY_ALPHABET, RECOVERY_SYMBOLS, normaliseRecoveryCode } from '../../../shared/domain/recovery-code';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { deriveKey, open, seal, SCRYPT_PARAMS, type ScryptParams } from './crypto';
import { KEYSLOT_FORMAT, keyslotFileOnDisk, type KeyslotFile, type Slot, type StaffSlot } from './keyslot-file';

/** The keyslots file is unreadable or was altered: it is damage, never a wrong password. */
export class KeyslotsDamagedError extends Error {
  constructor(detail: string) {
    super(`The key file (keyslots.json) is damaged: ${detail}`);
    this.name = 'KeyslotsDamagedError';
  }
}

export type StaffCredentials = { staffId: number; username: string; password: string };

export function newDataKey(): Buffer {
  return randomBytes(32);
}

export function newRecoveryCode(): string {
  // 256 is a multiple of 32, so masking each byte keeps every symbol equally likely.
  return [...randomBytes(RECOVERY_SYMBOLS)].map((b) => RECOVERY_ALPHABET[b & 31]).join('');
}

/**
 * The data key, wrapped once per staff account and once by the recovery code (as LUKS
 * or BitLocker do). Adding, removing or re-wrapping one slot never touches the others,
 * and every write replaces the whole file atomically.
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
    const parsed = keyslotFileOnDisk.safeParse(json);
    if (!parsed.success) {
      // Named apart: a cost out of bounds is refused before scrypt ever runs with it.
      const costOutOfBounds = parsed.error.issues.some((issue) => issue.path.includes('kdf'));
      throw new KeyslotsDamagedError(costOutOfBounds ? "a key slot's scrypt cost is outside what this app writes" : 'its structure is not what this app wrote');
    }
    const { checksum, ...file } = parsed.data;
    if (checksumOf(file) !== checksum) throw new KeyslotsDamagedError('its checksum does not match its content');
    return file;
  }

  async create(dataKey: Buffer, staff: StaffCredentials, recoveryCode: string): Promise<void> {
    const lookupSalt = randomBytes(16).toString('base64');
    const slots: Slot[] = [
      await this.staffSlot(dataKey, lookupSalt, staff),
      await this.recoverySlot(dataKey, recoveryCode),
    ];
    await this.write({ format: KEYSLOT_FORMAT, version: 1, lookupSalt, slots });
  }

  /**
   * The data key and whose slot opened it. On failure, the staff id whose password was
   * wrong (null for an unknown username), so the audit can say whose account was tried.
   */
  async unlockWithPassword(
    username: string,
    password: string,
  ): Promise<{ ok: true; dataKey: Buffer; staffId: number } | { ok: false; staffId: number | null }> {
    const file = await this.read();
    const lookup = lookupOf(file.lookupSalt, username);
    const slot = file.slots.find((s): s is StaffSlot => s.kind === 'staff' && s.lookup === lookup);
    if (!slot) {
      // Spend the same time as a real attempt, so timing does not reveal which usernames exist.
      await deriveKey(password, randomBytes(16), this.params);
      return { ok: false, staffId: null };
    }
    const dataKey = await unwrap(slot, password);
    return dataKey ? { ok: true, dataKey, staffId: slot.staffId } : { ok: false, staffId: slot.staffId };
  }

  /** The salted lookup this file keeps for `username`: what the sign-in delay counts per account, never the name. */
  async lookupFor(username: string): Promise<string> {
    return lookupOf((await this.read()).lookupSalt, username);
  }

  async unlockWithRecoveryCode(code: string): Promise<Buffer | null> {
    const file = await this.read();
    const slot = file.slots.find((s) => s.kind === 'recovery');
    if (!slot) throw new KeyslotsDamagedError('it has no recovery slot');
    return unwrap(slot, normaliseRecoveryCode(code));
  }

  /** Re-authentication for signing: does this password open this member of staff's slot? */
  async verifyStaffPassword(staffId: number, password: string): Promise<boolean> {
    const file = await this.read();
    const slot = file.slots.find((s): s is StaffSlot => s.kind === 'staff' && s.staffId === staffId);
    if (!slot) return false;
    const key = await unwrap(slot, password);
    key?.fill(0);
    return key !== null;
  }

  /** Adds or replaces one member of staff's slot; every other slot is left byte for byte. */
  setStaffPassword(dataKey: Buffer, staff: StaffCredentials): Promise<void> {
    return this.writes.run(async () => {
      const file = await this.read();
      const slot = await this.staffSlot(dataKey, file.lookupSalt, staff);
      const others = file.slots.filter((s) => !(s.kind === 'staff' && s.staffId === staff.staffId));
      await this.write({ ...file, slots: [...others, slot] });
    });
  }

  removeStaff(staffId: number): Promise<void> {
    return this.writes.run(async () => {
      const file = await this.read();
      await this.write({ ...file, slots: file.slots.filter((s) => !(s.kind === 'staff' && s.staffId === staffId)) });
    });
  }

  private async staffSlot(dataKey: Buffer, lookupSalt: string, staff: StaffCredentials): Promise<StaffSlot> {
    const id = randomBytes(16).toString('hex');
    const lookup = lookupOf(lookupSalt, staff.username);
    const wrapped = await wrap(dataKey, staff.password, this.params, slotAad(id, 'staff', staff.staffId, lookup));
    return { id, kind: 'staff', staffId: staff.staffId, lookup, ...wrapped };
  }

  private async recoverySlot(dataKey: Buffer, code: string): Promise<Slot> {
    const id = randomBytes(16).toString('hex');
    const wrapped = await wrap(dataKey, normaliseRecoveryCode(code), this.params, slotAad(id, 'recovery', null, null));
    return { id, kind: 'recovery', ...wrapped };
  }

  private write(file: KeyslotFile): Promise<void> {
    const onDisk = { ...file, checksum: checksumOf(file) };
    return writeFileAtomic(this.path, `${JSON.stringify(onDisk, null, 2)}\n`);
  }
}

function checksumOf(file: KeyslotFile): string {
  const { format, version, lookupSalt, slots } = file;
  return createHash('sha256').update(canonicalJson({ format, version, lookupSalt, slots })).digest('hex');
}

function lookupOf(lookupSalt: string, username: string): string {
  return createHash('sha256').update(Buffer.from(lookupSalt, 'base64')).update(username.trim().toLowerCase()).digest('hex');
}

// The slot's identity is bound into the ciphertext, so moving a wrapped key to another
// staff id (or flipping a bit anywhere in the slot) makes it fail to open.
function slotAad(id: string, kind: Slot['kind'], staffId: number | null, lookup: string | null): Buffer {
  return Buffer.from(JSON.stringify([KEYSLOT_FORMAT, id, kind, staffId, lookup]));
}

async function wrap(dataKey: Buffer, secret: string, params: ScryptParams, aad: Buffer) {
  const salt = randomBytes(16);
  const kek = await deriveKey(secret, salt, params);
  const sealed = seal(kek, dataKey, aad);
  kek.fill(0);
  return {
    kdf: { name: 'scrypt' as const, ...params, salt: salt.toString('base64') },
    iv: sealed.iv.toString('base64'),
    tag: sealed.tag.toString('base64'),
    wrappedKey: sealed.data.toString('base64'),
  };
}

async function unwrap(slot: Slot, secret: string): Promise<Buffer | null> {
  const { N, r, p } = slot.kdf;
  const kek = await deriveKey(secret, Buffer.from(slot.kdf.salt, 'base64'), { N, r, p });
  const aad =
    slot.kind === 'staff' ? slotAad(slot.id, 'staff', slot.staffId, slot.lookup) : slotAad(slot.id, 'recovery', null, null);
  const key = open(
    kek,
    { iv: Buffer.from(slot.iv, 'base64'), tag: Buffer.from(slot.tag, 'base64'), data: Buffer.from(slot.wrappedKey, 'base64') },
    aad,
  );
  kek.fill(0);
  return key && key.length === 32 ? key : null;
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
