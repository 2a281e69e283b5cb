// Issue 16, item 7 through the core: the DSL re-enters their own password for the changes
// that matter, nobody resets their own password from the staff page, a password someone else
// chose signs nothing until its owner changes it, and the owner is told at sign-in.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { addStaff, addStaffOnly, call, createIncident, DEPUTY, DSL, expectError, expectOk, HEAD, setUp, TestClock, unlock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let dir: string;
let remove: () => Promise<void>;
let clock: TestClock;
let backupDir: string;
let outDir: string;
let dialogs: string[];
let recoveryCode: string;

const WRONG = 'not my password at all';

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('records-reauth-'));
  backupDir = join(dir, 'usb');
  outDir = join(dir, 'out');
  await mkdir(backupDir);
  await mkdir(outDir);
  dialogs = [];
  clock = new TestClock(Date.parse('2026-11-23T12:00:00Z'));
  core = await createCore({
    dataDir: join(dir, 'data'),
    appVersion: '0.0.0-test',
    now: clock.now,
    log: () => undefined,
    chooseFolder: () => {
      dialogs.push('folder');
      return Promise.resolve(backupDir);
    },
    chooseSavePath: (suggested) => {
      dialogs.push('save');
      return Promise.resolve(join(outDir, suggested));
    },
  });
  ({ recoveryCode } = await setUp(core));
});

afterEach(async () => {
  await core.close();
  await remove();
});

async function auditActions(): Promise<string[]> {
  return expectOk(await call(core, 'audit.list', { limit: 200 })).map((row) => row.action);
}

/** A wrong password is refused on the field, written to the audit log, and counted like a failed sign-in. */
function expectWrongPassword(result: Awaited<ReturnType<typeof call>>): void {
  const error = expectError(result, 'bad_credentials');
  expect(error.fields).toEqual({ currentPassword: 'Your password is not right' });
  expect(error.message).toMatch(/Your password is not right/);
  // Counted like a failed sign-in (three are free, then the delay grows): move past any delay.
  clock.advance(60_000);
}

describe('the DSL re-enters their own password', () => {
  it('to add a member of staff: without it nothing is added; a wrong one is refused on the field and audited', async () => {
    const input = { name: DEPUTY.name, username: DEPUTY.username, roles: ['deputy' as const], password: DEPUTY.password };
    expectError(await call(core, 'staff.add', input as Input<'staff.add'>), 'invalid_input');
    expectWrongPassword(await call(core, 'staff.add', { ...input, currentPassword: WRONG }));
    expect(expectOk(await call(core, 'staff.list', {})).map((s) => s.username)).toEqual([DSL.username]);
    expect(await auditActions()).toContain('reauth.failed');
    expectOk(await call(core, 'staff.add', { ...input, currentPassword: DSL.password }));
    expect(expectOk(await call(core, 'staff.list', {})).map((s) => s.username).sort()).toEqual([DSL.username, DEPUTY.username].sort());
  });

  it('to change roles and to reset a password: a wrong one changes nothing', async () => {
    const deputy = await addStaff(core, DEPUTY, ['deputy']);
    expectWrongPassword(await call(core, 'staff.setRoles', { staffId: deputy.id, roles: ['dsl'], reason: 'Promoted', currentPassword: WRONG }));
    expect(expectOk(await call(core, 'staff.list', {})).find((s) => s.id === deputy.id)?.roles).toEqual(['deputy']);
    expectWrongPassword(await call(core, 'staff.resetPassword', { staffId: deputy.id, newPassword: 'brand new harbour lantern', currentPassword: WRONG }));
    // The deputy's password is still their own.
    await unlockAs(core, DEPUTY);
    await unlockAs(core, DSL);
    expect((await auditActions()).filter((a) => a === 'reauth.failed')).toHaveLength(2);
  });

  it('to choose the backup folder (before the dialog opens), to restore and to print', async () => {
    expectWrongPassword(await call(core, 'backups.chooseFolder', { currentPassword: WRONG }));
    expect(dialogs).toEqual([]);
    expect(expectOk(await call(core, 'backups.status', {})).folder).toBeNull();
    expect(expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password })).folder).toBe(backupDir);

    const { fileName } = expectOk(await call(core, 'backups.run', {}));
    expectWrongPassword(
      await call(core, 'backups.restoreLive', { file: fileName, username: DSL.username, password: DSL.password, confirm: true, currentPassword: WRONG }),
    );
    // Not restored: still signed in, with the records as they were.
    expect(expectOk(await call(core, 'session.status', {})).state).toBe('unlocked');

    const incidentId = await createIncident(core);
    expectWrongPassword(await call(core, 'exports.pdf', { document: { type: 'incident-report', incidentId }, namedChildren: [], currentPassword: WRONG }));
    expect(await readdir(outDir)).toEqual([]);
    expect(dialogs).toEqual(['folder']);
    expect(expectOk(await call(core, 'exports.pdf', { document: { type: 'incident-report', incidentId }, namedChildren: [], currentPassword: DSL.password })).saved).toBe(true);
  });

  it('checks the password of the person signed in, not anyone’s', async () => {
    await addStaff(core, HEAD, ['dsl', 'head']);
    const incidentId = await createIncident(core);
    // The head's password is right for the head, not for the DSL at the keyboard.
    expectWrongPassword(await call(core, 'exports.pdf', { document: { type: 'incident-report', incidentId }, namedChildren: [], currentPassword: HEAD.password }));
  });
});

describe('resetting a password from the staff page', () => {
  it('is refused for one’s own account: they change it in Your account', async () => {
    const own = await signedInId();
    const error = expectError(await call(core, 'staff.resetPassword', { staffId: own, newPassword: 'brand new harbour lantern', currentPassword: DSL.password }), 'forbidden');
    expect(error.message).toMatch(/cannot reset your own password here/);
    // The old password still opens the records.
    await unlockAs(core, DSL);
  });
});

async function signedInId(): Promise<number> {
  const status = expectOk(await call(core, 'session.status', {}));
  if (status.state !== 'unlocked') return expect.fail('expected to be signed in');
  return status.user.id;
}

function review(incidentId: number): Input<'entries.create'> {
  return {
    incidentId,
    occurredOn: '2026-11-23',
    occurredTime: '09:30',
    kind: 'initial-review',
    body: {
      attendees: 'DSL and head of year',
      considerations: {},
      points: { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' },
      pointNotes: {},
      decision: 'manage-in-school',
      referTo: [],
      reasons: 'Fictional reasons for the test.',
      overrideReasons: '',
    },
  };
}

describe('a password someone else set', () => {
  it('signs nothing until its owner changes it; the owner is told at sign-in who set it and when', async () => {
    await addStaffOnly(core, HEAD, ['head']);
    const incidentId = await createIncident(core, '2026-11-20');
    const entry = expectOk(await call(core, 'entries.create', review(incidentId)));
    const sign = { entryId: entry.id, meaning: 'authorise-no-referral' as const, username: HEAD.username, password: HEAD.password };

    const refused = expectError(await call(core, 'entries.sign', sign), 'forbidden');
    expect(refused.message).toBe(`${HEAD.name}'s password was set by ${DSL.name}. ${HEAD.name} must change it in Your account before signing anything.`);
    expect(expectOk(await call(core, 'incidents.get', { incidentId })).entries.find((e) => e.id === entry.id)?.signatures).toEqual([]);

    const status = expectOk(await unlock(core, HEAD));
    expect(status).toMatchObject({ state: 'unlocked', passwordSetBy: { name: DSL.name, at: '2026-11-23T12:00:00.000Z' } });
    expect(expectError(await call(core, 'entries.sign', sign), 'forbidden').message).toMatch(/^Your password was set by Marigold Thistlewood\. Change it in Your account/);

    expectOk(await call(core, 'account.changePassword', { currentPassword: HEAD.password, newPassword: 'violet tractor pudding moonlight' }));
    expect(expectOk(await call(core, 'session.status', {}))).not.toHaveProperty('passwordSetBy');
    expect(expectOk(await call(core, 'entries.sign', { ...sign, password: 'violet tractor pudding moonlight' })).meaning).toBe('authorise-no-referral');
    expect(expectOk(await unlock(core, { username: HEAD.username, password: 'violet tractor pudding moonlight' }))).not.toHaveProperty('passwordSetBy');
  });

  it('after a reset by a DSL, again until changed; a recovery by the person themselves counts as their own', async () => {
    const head = await addStaff(core, HEAD, ['head']);
    expect(expectOk(await unlock(core, HEAD))).not.toHaveProperty('passwordSetBy');
    await unlockAs(core, DSL);
    const reset = 'harbour lantern quietly drifting';
    expectOk(await call(core, 'staff.resetPassword', { staffId: head.id, newPassword: reset, currentPassword: DSL.password }));
    const incidentId = await createIncident(core, '2026-11-20');
    const entry = expectOk(await call(core, 'entries.create', review(incidentId)));
    const sign = { entryId: entry.id, meaning: 'authorise-no-referral' as const, username: HEAD.username, password: reset };
    expect(expectError(await call(core, 'entries.sign', sign), 'forbidden').message).toMatch(/must change it in Your account/);
    expect(expectOk(await unlock(core, { username: HEAD.username, password: reset }))).toMatchObject({ passwordSetBy: { name: DSL.name } });

    await unlockAs(core, DSL);
    const recovered = 'copper kettle whistling softly';
    expectOk(await call(core, 'recovery.resetPassword', { recoveryCode, username: HEAD.username, newPassword: recovered }));
    expect(expectOk(await call(core, 'entries.sign', { ...sign, password: recovered })).meaning).toBe('authorise-no-referral');
  });
});
