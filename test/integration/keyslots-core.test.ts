// Issue 16, item 1, through the core as the renderer drives it: every account gets keys of its
// own at set-up or when added; changing one's own password keeps one's keys (what they signed
// stays theirs); a reset by a DSL or by the recovery code gives new keys (the old private key
// stays locked under a password nobody should know any more); deactivation removes the slot.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { addStaff, call, DSL, expectOk, HEAD, newCore, setUp, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let dataDir: string;
let remove: () => Promise<void>;
let core: Core;
let store: KeyslotStore;

beforeEach(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
  core = await newCore(dataDir);
  store = new KeyslotStore(join(dataDir, 'keyslots.json'));
});

afterEach(async () => {
  await core.close();
  await remove();
});

describe('each person\'s keys through the core', () => {
  it('set-up gives the DSL and the recovery code keys of their own, in a version 2 key file', async () => {
    await setUp(core);
    const file = await store.read();
    expect(file.version).toBe(2);
    const keys = await store.publicKeysOf();
    const dsl = Object.values(keys.staff);
    expect(dsl).toHaveLength(1);
    expect(dsl[0]).not.toBeNull();
    expect(keys.recovery).not.toBeNull();
    expect(keys.recovery).not.toEqual(dsl[0]);
  });

  it('changing one\'s own password keeps one\'s keys; a DSL\'s reset and a recovery-code reset give new ones', async () => {
    const { recoveryCode } = await setUp(core);
    const head = await addStaff(core, HEAD, ['head']);
    const added = (await store.publicKeysOf()).staff[head.id];
    expect(added).toBeTruthy();

    await unlockAs(core, HEAD);
    expectOk(await call(core, 'account.changePassword', { currentPassword: HEAD.password, newPassword: 'quartz meadow lantern fig' }));
    expect((await store.publicKeysOf()).staff[head.id]).toEqual(added);

    await unlockAs(core, DSL);
    expectOk(await call(core, 'staff.resetPassword', { staffId: head.id, newPassword: 'harbour pepper satchel kite', currentPassword: DSL.password }));
    const afterReset = (await store.publicKeysOf()).staff[head.id];
    expect(afterReset).toBeTruthy();
    expect(afterReset).not.toEqual(added);

    expectOk(await call(core, 'session.lock', {}));
    expectOk(await call(core, 'recovery.resetPassword', { recoveryCode, username: HEAD.username, newPassword: 'cobalt thistle ferry lamp' }));
    const afterRecovery = (await store.publicKeysOf()).staff[head.id];
    expect(afterRecovery).toBeTruthy();
    expect(afterRecovery).not.toEqual(afterReset);
    const opened = await store.unlockWithPassword(HEAD.username, 'cobalt thistle ferry lamp');
    expect(opened.ok && opened.keys.publicKeys).toEqual(afterRecovery);
  }, 60_000);

  it('deactivation removes the person\'s slot and keys', async () => {
    await setUp(core);
    const head = await addStaff(core, HEAD, ['head']);
    expectOk(await call(core, 'staff.deactivate', { staffId: head.id }));
    expect((await store.publicKeysOf()).staff[head.id]).toBeUndefined();
    expect(await store.unlockWithPassword(HEAD.username, HEAD.password)).toEqual({ ok: false, staffId: null });
  }, 60_000);
});
