// Staff accounts through dispatch only, as the renderer uses them: set-up, lock and unlock,
// roles, throttling of failed sign-ins, deactivation, password changes and resets, settings
// and the idle lock. The audit log is read underneath with a data key from the key file.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/audit-log';
import { Database, type Row } from '../../electron/core/db/connection';
import type { Core } from '../../electron/core/index';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { formatRecoveryCode } from '../../shared/domain/recovery-code';
import { addStaff, call, DEPUTY, DSL, expectError, expectOk, HEAD, newCore, SCHOOL, setUp, TestClock, unlock, unlockAs, type Person } from './helpers/core';
import { listFiles, makeTempDir } from './helpers/temp-dir';

const WRONG = 'The username or password is not right.';
const MINUTE = 60_000;

let dataDir: string;
let remove: () => Promise<void>;
let clock: TestClock;
let core: Core;

beforeEach(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
  clock = new TestClock();
  core = await newCore(dataDir, clock);
});

afterEach(async () => {
  await core.close();
  await remove();
});

/** The audit rows, read with the data key that `person`'s slot opens (the core must be locked). */
async function auditRows(person: Person): Promise<{ rows: Row[]; chainOk: boolean }> {
  const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(person.username, person.password);
  if (!slot.ok) throw new Error(`${person.username}'s password should open the key file`);
  const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
  try {
    const rows = await db.all('SELECT seq, actor_id, action, subject_type, subject_id, details FROM audit ORDER BY seq');
    return { rows, chainOk: (await verifyAuditChain(db)).ok };
  } finally {
    await db.close();
  }
}

async function status() {
  return expectOk(await call(core, 'session.status', {}));
}

describe('first-run set-up, lock and unlock', () => {
  it('sets up, locks and unlocks the DSL with their password', async () => {
    expect(await status()).toEqual({ state: 'not_set_up' });
    const { recoveryCode, status: afterSetup } = await setUp(core);
    expect(formatRecoveryCode(recoveryCode)).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    expect(afterSetup).toMatchObject({ state: 'unlocked', schoolName: SCHOOL, lockMinutes: 5, problems: [], user: { name: DSL.name, roles: ['dsl'] } });

    expectOk(await call(core, 'session.lock', {}));
    expect(await status()).toEqual({ state: 'locked' });
    expectError(await call(core, 'staff.list', {}), 'locked');

    expect(await unlockAs(core, DSL)).toMatchObject({ state: 'unlocked', user: { username: DSL.username, roles: ['dsl'] } });
    expect(expectOk(await call(core, 'staff.list', {})).map((s) => s.name)).toEqual([DSL.name]);
    // A second set-up is refused: the records exist.
    expectError(
      await call(core, 'setup.create', { schoolName: 'Another School', dslName: HEAD.name, username: HEAD.username, password: HEAD.password }),
      'already_set_up',
    );
  }, 60_000);

  it('refuses a weak password at set-up and when adding staff, naming the password field', async () => {
    const weak = expectError(
      await call(core, 'setup.create', { schoolName: SCHOOL, dslName: DSL.name, username: DSL.username, password: 'password1234' }),
      'invalid_input',
    );
    expect(weak.fields?.password).toMatch(/stronger password/);
    // Nothing was set up by the refused attempt.
    expect(await status()).toEqual({ state: 'not_set_up' });
    expect(await listFiles(dataDir)).toEqual([]);

    await setUp(core);
    const weakStaff = expectError(
      await call(core, 'staff.add', { name: DEPUTY.name, username: DEPUTY.username, roles: ['deputy'], password: 'password1234', currentPassword: DSL.password }),
      'invalid_input',
    );
    expect(weakStaff.fields?.password).toMatch(/stronger password/);
    expect(expectOk(await call(core, 'staff.list', {})).map((s) => s.username)).toEqual([DSL.username]);
  }, 60_000);
});

describe('staff with other roles', () => {
  it('lets a head and a deputy each unlock with their own password and see their own roles', async () => {
    await setUp(core);
    await addStaff(core, HEAD, ['head']);
    await addStaff(core, DEPUTY, ['deputy', 'head']);
    expect(expectOk(await call(core, 'staff.list', {})).map((s) => [s.username, s.roles])).toEqual([
      [HEAD.username, ['head']],
      [DSL.username, ['dsl']],
      [DEPUTY.username, ['deputy', 'head']],
    ]);
    expectError(await call(core, 'staff.add', { ...HEAD, name: 'Barnaby Other', roles: ['head'], currentPassword: DSL.password }), 'conflict');
    await core.lock('button');

    expect(await unlockAs(core, HEAD)).toMatchObject({ state: 'unlocked', user: { name: HEAD.name, roles: ['head'] } });
    expect(await status()).toMatchObject({ state: 'unlocked', user: { username: HEAD.username, roles: ['head'] } });
    // One person at a time: the deputy signing in ends the head's session.
    expect(await unlockAs(core, DEPUTY)).toMatchObject({ user: { name: DEPUTY.name, roles: ['deputy', 'head'] } });
    expect(await status()).toMatchObject({ user: { username: DEPUTY.username } });
    // A password opens only its own account.
    expectError(await unlock(core, { username: HEAD.username, password: DEPUTY.password }), 'bad_credentials');
  }, 60_000);

  it('a deactivated account can no longer unlock, and says no more than a wrong password would', async () => {
    await setUp(core);
    const deputy = await addStaff(core, DEPUTY, ['deputy']);
    expect(expectOk(await call(core, 'staff.deactivate', { staffId: deputy.id }))).toMatchObject({ active: false });
    expect(expectOk(await call(core, 'staff.list', {})).find((s) => s.id === deputy.id)?.active).toBe(false);
    const self = await status();
    if (self.state !== 'unlocked') throw new Error('should be signed in');
    expectError(await call(core, 'staff.deactivate', { staffId: self.user.id }), 'conflict');
    await core.lock('button');

    const refused = expectError(await unlock(core, DEPUTY), 'bad_credentials');
    expect(refused.message).toBe(WRONG);
    expect(await status()).toEqual({ state: 'locked' });
  }, 60_000);
});

describe('failed sign-ins', () => {
  it('answer a wrong password and an unknown username identically, delay further attempts, and reach the audit log', async () => {
    await setUp(core);
    await core.lock('button');

    const wrongPassword = expectError(await unlock(core, { username: DSL.username, password: 'not my password at all' }), 'bad_credentials');
    const unknownUser = expectError(await unlock(core, { username: 'nobody.here', password: 'not my password at all' }), 'bad_credentials');
    expect(unknownUser).toEqual(wrongPassword);
    expect(wrongPassword.message).toBe(WRONG);
    expectError(await unlock(core, { username: DSL.username, password: 'still not my password' }), 'bad_credentials');

    // After three failures even the right password must wait.
    const throttled = expectError(await unlock(core, DSL), 'throttled');
    expect(throttled.message).toMatch(/Wait 1 second\b/);
    expectError(await unlock(core, { username: DSL.username, password: 'guess number four' }), 'throttled');
    // The delay survives a restart of the app.
    const restarted = await newCore(dataDir, clock);
    expectError(await unlock(restarted, DSL), 'throttled');
    await restarted.close();
    // Nothing typed is kept in the failures file.
    const failuresFile = await readFile(join(dataDir, 'login-failures.json'), 'utf8');
    expect(failuresFile).not.toMatch(/nobody\.here|not my password|mthistle/);

    // Once the wait is over another try is allowed, and a fourth failure doubles the wait.
    clock.advance(1_000);
    expectError(await unlock(core, { username: DSL.username, password: 'guess number four' }), 'bad_credentials');
    clock.advance(1_000);
    expect(expectError(await unlock(core, DSL), 'throttled').message).toMatch(/Wait 1 second\b/);
    clock.advance(1_000);
    expect(await unlockAs(core, DSL)).toMatchObject({ state: 'unlocked' });

    // The successful sign-in wrote the failures to the audit log and cleared the count.
    const afterSignIn = JSON.parse(await readFile(join(dataDir, 'login-failures.json'), 'utf8')) as { accounts: object };
    expect(afterSignIn).toMatchObject({ version: 2, global: { consecutive: 0, lastFailureAt: null }, pending: [] });
    // The DSL's own count went with their success; the unknown username keeps its single failure, under a salted lookup.
    expect(Object.entries(afterSignIn.accounts)).toEqual([[expect.stringMatching(/^[0-9a-f]{64}$/), { consecutive: 1, lastFailureAt: '2026-11-23T09:00:00.000Z' }]]);
    await core.lock('button');
    const { rows, chainOk } = await auditRows(DSL);
    expect(chainOk).toBe(true);
    const failed = rows.filter((row) => row.action === 'login.failed');
    expect(failed.map((row): unknown => JSON.parse(String(row.details)))).toEqual([
      { account: 'wrong password' },
      { account: 'unknown username' },
      { account: 'wrong password' },
      { account: 'wrong password' },
    ]);
    expect(failed.map((row) => row.subject_id)).toEqual(['1', null, '1', '1']);
    expect(rows.map((row) => row.action)).toEqual(['setup', 'lock', 'login.failed', 'login.failed', 'login.failed', 'login.failed', 'login.success', 'lock']);
  }, 90_000);

  it('a damaged failures file means the longest wait (five minutes), but does not shut everyone out', async () => {
    await setUp(core);
    await core.lock('button');
    await writeFile(join(dataDir, 'login-failures.json'), '{"consecutive": 2, "lastFail');
    expect(expectError(await unlock(core, DSL), 'throttled').message).toMatch(/Wait 300 seconds/);
    clock.advance(299_000);
    expectError(await unlock(core, DSL), 'throttled');
    clock.advance(1_000);
    expect(await unlockAs(core, DSL)).toMatchObject({ state: 'unlocked' });
  }, 60_000);
});

describe('passwords', () => {
  it('a member of staff changes their own password; the old one stops working', async () => {
    const newPassword = 'marmalade lighthouse quarterly';
    await setUp(core);
    const wrongCurrent = expectError(await call(core, 'account.changePassword', { currentPassword: 'not my password', newPassword }), 'invalid_input');
    expect(wrongCurrent.fields?.currentPassword).toBeTruthy();
    const weak = expectError(await call(core, 'account.changePassword', { currentPassword: DSL.password, newPassword: 'password1234' }), 'invalid_input');
    expect(weak.fields?.newPassword).toMatch(/stronger password/);
    expectOk(await call(core, 'account.changePassword', { currentPassword: DSL.password, newPassword }));
    await core.lock('button');

    expectError(await unlock(core, DSL), 'bad_credentials');
    expect(await unlockAs(core, { username: DSL.username, password: newPassword })).toMatchObject({ state: 'unlocked' });
  }, 60_000);

  it('the recovery code resets a forgotten password; a wrong code is refused', async () => {
    const newPassword = 'thimble orchard gazette velvet';
    const { recoveryCode } = await setUp(core);
    await core.lock('button');

    const malformed = expectError(
      await call(core, 'recovery.resetPassword', { recoveryCode: 'ABCD-EFGH', username: DSL.username, newPassword }),
      'invalid_input',
    );
    expect(malformed.fields?.recoveryCode).toBeTruthy();
    // Well formed but not this school's code.
    const wrongCode = [...recoveryCode].map((c) => (c === '7' ? '8' : '7')).join('');
    const refused = expectError(
      await call(core, 'recovery.resetPassword', { recoveryCode: wrongCode, username: DSL.username, newPassword }),
      'bad_credentials',
    );
    expect(refused.fields?.recoveryCode).toMatch(/not right/);
    expectError(await unlock(core, { username: DSL.username, password: newPassword }), 'bad_credentials');

    // Typed as printed, in groups, in lower case.
    const typed = formatRecoveryCode(recoveryCode).toLowerCase();
    const unknown = expectError(await call(core, 'recovery.resetPassword', { recoveryCode: typed, username: 'nobody.here', newPassword }), 'invalid_input');
    expect(unknown.fields?.username).toBeTruthy();
    expectOk(await call(core, 'recovery.resetPassword', { recoveryCode: typed, username: DSL.username, newPassword }));
    expect(await status()).toEqual({ state: 'locked' });

    expectError(await unlock(core, DSL), 'bad_credentials');
    expect(await unlockAs(core, { username: DSL.username, password: newPassword })).toMatchObject({ state: 'unlocked' });
  }, 60_000);

  it('a DSL resets another member of staff’s password', async () => {
    const newPassword = 'pelican sandstone harmonica';
    await setUp(core);
    const deputy = await addStaff(core, DEPUTY, ['deputy']);
    const weak = expectError(await call(core, 'staff.resetPassword', { staffId: deputy.id, newPassword: 'password1234', currentPassword: DSL.password }), 'invalid_input');
    expect(weak.fields?.newPassword).toMatch(/stronger password/);
    expectError(await call(core, 'staff.resetPassword', { staffId: 999, newPassword, currentPassword: DSL.password }), 'not_found');
    expectOk(await call(core, 'staff.resetPassword', { staffId: deputy.id, newPassword, currentPassword: DSL.password }));
    await core.lock('button');

    expectError(await unlock(core, DEPUTY), 'bad_credentials');
    expect(await unlockAs(core, { username: DEPUTY.username, password: newPassword })).toMatchObject({ user: { id: deputy.id } });
    // The DSL's own password is unaffected.
    expect(await unlockAs(core, DSL)).toMatchObject({ user: { username: DSL.username } });
  }, 60_000);
});

describe('the lock timeout', () => {
  it('accepts 1–30 minutes and refuses 0 and 31 with a message on the field', async () => {
    await setUp(core);
    for (const lockMinutes of [0, 31]) {
      const refused = expectError(await call(core, 'settings.update', { lockMinutes }), 'invalid_input');
      expect(refused.fields?.lockMinutes).toMatch(lockMinutes === 0 ? /at least 1 minute/ : /at most 30 minutes/);
    }
    expectError(await call(core, 'settings.update', { lockMinutes: 2.5 }), 'invalid_input');
    expect(expectOk(await call(core, 'settings.update', { lockMinutes: 10 }))).toEqual({ schoolName: SCHOOL, schoolUrn: '', lockMinutes: 10 });
    expect(expectOk(await call(core, 'settings.get', {})).lockMinutes).toBe(10);
    expect(await status()).toMatchObject({ lockMinutes: 10 });

    await core.lock('button');
    expect(await unlockAs(core, DSL)).toMatchObject({ lockMinutes: 10 });
  }, 60_000);

  it('locks a session left idle longer than the timeout', async () => {
    await setUp(core);
    // Default five minutes; any call counts as activity.
    clock.advance(4 * MINUTE);
    expectOk(await call(core, 'staff.list', {}));
    clock.advance(4 * MINUTE);
    expectOk(await call(core, 'session.touch', {}));
    clock.advance(6 * MINUTE);
    expectError(await call(core, 'staff.list', {}), 'locked');
    expect(await status()).toEqual({ state: 'locked' });

    // A longer timeout is honoured too.
    await unlockAs(core, DSL);
    expectOk(await call(core, 'settings.update', { lockMinutes: 10 }));
    clock.advance(9 * MINUTE);
    expectOk(await call(core, 'settings.get', {}));
    clock.advance(11 * MINUTE);
    expectError(await call(core, 'settings.get', {}), 'locked');

    const { rows } = await auditRows(DSL);
    const locks = rows.filter((row) => row.action === 'lock').map((row): unknown => JSON.parse(String(row.details)));
    expect(locks).toEqual([{ reason: 'idle' }, { reason: 'idle' }]);
  }, 60_000);
});
