// Decision 0017: whoever sets someone's password also makes their keys, and could keep them.
// The owner's first own password therefore comes with fresh keys that only they have held:
// the keys the DSL made can no longer sign for them, and what they sign still verifies.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import type { Core } from '../../electron/core/index';
import { addStaffOnly, call, DSL, expectOk, HEAD, newCore, setUp, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let dataDir: string;
let remove: () => Promise<void>;
let core: Core;

beforeEach(async () => {
  let root: string;
  ({ dir: root, remove } = await makeTempDir('records-own-keys-'));
  dataDir = join(root, 'data');
  core = await newCore(dataDir);
  await setUp(core);
});

afterEach(async () => {
  await core.close();
  await remove();
});

const signKeyOf = async (staffId: number) => (await new KeyslotStore(join(dataDir, 'keyslots.json')).publicKeysOf()).staff[staffId]?.sign;

describe('a password someone else set', () => {
  it('is replaced by the owner with fresh keys; a change of their own after that keeps them', async () => {
    const head = await addStaffOnly(core, HEAD, ['head']);
    const madeByDsl = await signKeyOf(head.id);
    expectOk(await call(core, 'session.lock', { reason: 'button' }));
    await unlockAs(core, HEAD);
    const newPassword = 'quiet meadow lantern harbour';
    expectOk(await call(core, 'account.changePassword', { currentPassword: HEAD.password, newPassword }));
    const ownKeys = await signKeyOf(head.id);
    expect(ownKeys).toBeDefined();
    expect(ownKeys).not.toBe(madeByDsl);

    // A later change of their own keeps their keys: what they signed before still verifies.
    expectOk(await call(core, 'account.changePassword', { currentPassword: newPassword, newPassword: 'amber kettle river compass' }));
    expect(await signKeyOf(head.id)).toBe(ownKeys);

    expectOk(await call(core, 'session.lock', { reason: 'button' }));
    await unlockAs(core, { username: HEAD.username, password: 'amber kettle river compass' });
    expectOk(await call(core, 'session.lock', { reason: 'button' }));
    await unlockAs(core, DSL);
    expect(expectOk(await call(core, 'audit.verify', {}))).toMatchObject({ ok: true, findings: [] });
  });
});
