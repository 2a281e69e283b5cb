// Issue 16 (basics): scrypt's cost is read from keyslots.json, which anyone with the folder
// can edit (its checksum is not secret). Out-of-bounds costs must be refused as damage at
// once, never handed to scrypt (gigabytes of memory or hours per sign-in).
import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyslotsDamagedError, KeyslotStore, newRecoveryCode } from '../../electron/core/vault/keyslots';
import { newPersonKeys } from '../../electron/core/vault/person-keys';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { call, DSL, expectError, newCore } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let dir: string;
let remove: () => Promise<void>;
let path: string;
const recoveryCode = newRecoveryCode();

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
  path = join(dir, 'keyslots.json');
  await new KeyslotStore(path, { N: 2 ** 14, r: 8, p: 1 }).create(
    randomBytes(32),
    { staffId: 1, username: DSL.username, password: DSL.password, keys: newPersonKeys() },
    { code: recoveryCode, keys: newPersonKeys() },
  );
});

afterEach(async () => {
  await remove();
});

type Kdf = { N: number; r: number; p: number };

/** Edits every slot's scrypt cost and recomputes the checksum, as an insider would. */
async function setCost(cost: Partial<Kdf>): Promise<void> {
  const onDisk = JSON.parse(await readFile(path, 'utf8')) as { slots: { kdf: Kdf }[]; checksum?: string; [key: string]: unknown };
  for (const slot of onDisk.slots) Object.assign(slot.kdf, cost);
  const { format, version, lookupSalt, slots } = onDisk;
  onDisk.checksum = createHash('sha256').update(canonicalJson({ format, version, lookupSalt, slots })).digest('hex');
  await writeFile(path, JSON.stringify(onDisk));
}

describe('scrypt costs read from the key file', () => {
  const cases: [string, Partial<Kdf>][] = [
    ['N above 2^20', { N: 2 ** 21, r: 1 }],
    ['N not a power of two', { N: 3 * 2 ** 14 }],
    ['r above 16', { r: 17 }],
    ['p above 4', { p: 5 }],
  ];
  for (const [label, cost] of cases) {
    it(`refuses ${label} as damage, without running scrypt`, async () => {
      await setCost(cost);
      const store = new KeyslotStore(path);
      const started = performance.now();
      await expect(store.unlockWithPassword(DSL.username, DSL.password)).rejects.toThrow(KeyslotsDamagedError);
      await expect(store.unlockWithRecoveryCode(recoveryCode)).rejects.toThrow(/scrypt cost is outside/);
      await expect(store.verifyStaffPassword(1, DSL.password)).rejects.toThrow(KeyslotsDamagedError);
      // Three refusals well under the time of one real scrypt run at the app's cost.
      expect(performance.now() - started).toBeLessThan(250);
    });
  }

  it('accepts the bounds themselves (the app writes 2^17, r 8, p 1)', async () => {
    await setCost({ N: 2 ** 14, r: 16, p: 4 });
    const unlocked = await new KeyslotStore(path).unlockWithPassword(DSL.username, 'not the password at all');
    expect(unlocked).toEqual({ ok: false, staffId: 1 });
  });

  it('sign-in answers that the key file is damaged', async () => {
    await setCost({ N: 2 ** 24 });
    const core = await newCore(dir);
    try {
      const result = expectError(await call(core, 'session.unlock', { username: DSL.username, password: DSL.password }), 'damaged');
      expect(result.message).toMatch(/key file \(keyslots\.json\).*damaged/);
    } finally {
      await core.close();
    }
  });
});
