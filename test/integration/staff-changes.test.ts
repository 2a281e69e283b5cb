// Changing staff accounts after they were added (issue 14, item 10): a DSL changes a member
// of staff's roles or reactivates a deactivated account, each with a reason, and edits the
// school's name and URN. Every rule is the core's, checked through dispatch as the renderer
// calls it; the audit log is read underneath to see "from → to" and the reason.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/audit-log';
import { Database, type Row } from '../../electron/core/db/connection';
import type { Core } from '../../electron/core/index';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { addStaff, call, DEPUTY, DSL, expectError, expectOk, HEAD, newCore, SCHOOL, setUp, TestClock, unlock, unlockAs, type Person } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const TEMPORARY = 'amber walrus lantern ninety';

let dataDir: string;
let remove: () => Promise<void>;
let core: Core;

beforeEach(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
  core = await newCore(dataDir, new TestClock());
});

afterEach(async () => {
  await core.close();
  await remove();
});

/** Audit rows of `actions`, read with `person`'s key slot after locking. */
async function auditOf(person: Person, ...actions: string[]): Promise<Row[]> {
  await core.lock('button');
  const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(person.username, person.password);
  if (!slot.ok) throw new Error(`${person.username}'s password should open the key file`);
  const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
  try {
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const marks = actions.map(() => '?').join(', ');
    return await db.all(`SELECT actor_id, action, subject_type, subject_id, details FROM audit WHERE action IN (${marks}) ORDER BY seq`, actions);
  } finally {
    await db.close();
  }
}

async function roster() {
  return expectOk(await call(core, 'staff.list', {})).map((s) => ({ username: s.username, roles: s.roles, active: s.active }));
}

async function signedInId(): Promise<number> {
  const status = expectOk(await call(core, 'session.status', {}));
  if (status.state !== 'unlocked') throw new Error('should be signed in');
  return status.user.id;
}

describe("changing a member of staff's roles", () => {
  it('changes the roles, which the person has at their next sign-in, and audits from → to with the reason', async () => {
    await setUp(core);
    const dslId = await signedInId();
    const head = await addStaff(core, HEAD, ['deputy', 'head']);
    const changed = expectOk(await call(core, 'staff.setRoles', { staffId: head.id, roles: ['head'], reason: 'Added with the deputy role by mistake', currentPassword: DSL.password }));
    expect(changed).toMatchObject({ id: head.id, roles: ['head'], active: true });
    expect((await roster()).find((s) => s.username === HEAD.username)?.roles).toEqual(['head']);

    const rows = await auditOf(DSL, 'staff.roles-changed');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: dslId, subject_type: 'staff', subject_id: String(head.id) });
    expect(JSON.parse(String(rows[0]!.details))).toEqual({
      roles: { from: ['deputy', 'head'], to: ['head'] },
      reason: 'Added with the deputy role by mistake',
    });
    expect(await unlockAs(core, HEAD)).toMatchObject({ user: { roles: ['head'] } });
  }, 60_000);

  it('refuses a change to your own roles, to a deactivated account, with no role or no reason, and changes nothing', async () => {
    await setUp(core);
    const dslId = await signedInId();
    const deputy = await addStaff(core, DEPUTY, ['deputy']);
    const before = await roster();

    const own = expectError(await call(core, 'staff.setRoles', { staffId: dslId, roles: ['dsl', 'head'], reason: 'I am also the head now', currentPassword: DSL.password }), 'conflict');
    expect(own.message).toBe('You cannot change your own roles. Ask another DSL to do it.');

    const noRole = expectError(await call(core, 'staff.setRoles', { staffId: deputy.id, roles: [], reason: 'Left the team', currentPassword: DSL.password }), 'invalid_input');
    expect(noRole.fields?.roles).toBe('Choose at least one role');
    const noReason = expectError(await call(core, 'staff.setRoles', { staffId: deputy.id, roles: ['dsl'], reason: '   ', currentPassword: DSL.password }), 'invalid_input');
    expect(noReason.fields?.reason).toBe('Give the reason for the change');
    const same = expectError(await call(core, 'staff.setRoles', { staffId: deputy.id, roles: ['deputy'], reason: 'No change', currentPassword: DSL.password }), 'conflict');
    expect(same.fields?.roles).toBe(`${DEPUTY.name} already has exactly these roles.`);

    expectOk(await call(core, 'staff.deactivate', { staffId: deputy.id }));
    const inactive = expectError(await call(core, 'staff.setRoles', { staffId: deputy.id, roles: ['dsl'], reason: 'Promoted', currentPassword: DSL.password }), 'conflict');
    expect(inactive.message).toBe(`${DEPUTY.name}'s account is deactivated. Reactivate it first.`);
    expectError(await call(core, 'staff.setRoles', { staffId: 9999, roles: ['dsl'], reason: 'Promoted', currentPassword: DSL.password }), 'not_found');

    expect(await roster()).toEqual(before.map((s) => (s.username === DEPUTY.username ? { ...s, active: false } : s)));
    expect(await auditOf(DSL, 'staff.roles-changed')).toEqual([]);
  }, 60_000);

  it('lets one DSL take the DSL role from another while one active DSL remains', async () => {
    await setUp(core);
    const second = await addStaff(core, DEPUTY, ['dsl']);
    expectOk(await call(core, 'staff.setRoles', { staffId: second.id, roles: ['deputy'], reason: 'Stepped down to deputy', currentPassword: DSL.password }));
    expect((await roster()).filter((s) => s.roles.includes('dsl')).map((s) => s.username)).toEqual([DSL.username]);
  }, 60_000);

  it('is for a DSL only', async () => {
    await setUp(core);
    const head = await addStaff(core, HEAD, ['deputy', 'head']);
    await core.lock('button');
    await unlockAs(core, HEAD);
    expectError(await call(core, 'staff.setRoles', { staffId: head.id, roles: ['dsl'], reason: 'Promoting myself', currentPassword: DSL.password }), 'forbidden');
    expectError(await call(core, 'staff.reactivate', { staffId: head.id, reason: 'x', newPassword: TEMPORARY }), 'forbidden');
    expectError(await call(core, 'settings.updateSchool', { schoolName: 'Elsewhere', schoolUrn: '' }), 'forbidden');
  }, 60_000);
});

describe('reactivating an account', () => {
  it('gives the person a new password (their key slot went at deactivation) and audits the reason', async () => {
    await setUp(core);
    const deputy = await addStaff(core, DEPUTY, ['deputy']);
    expectOk(await call(core, 'staff.deactivate', { staffId: deputy.id }));
    const back = expectOk(await call(core, 'staff.reactivate', { staffId: deputy.id, reason: 'Returned from maternity leave', newPassword: TEMPORARY }));
    expect(back).toMatchObject({ id: deputy.id, active: true, roles: ['deputy'] });
    expect((await roster()).find((s) => s.username === DEPUTY.username)?.active).toBe(true);

    const rows = await auditOf(DSL, 'staff.deactivated', 'staff.reactivated');
    expect(rows.map((r) => r.action)).toEqual(['staff.deactivated', 'staff.reactivated']);
    expect(JSON.parse(String(rows[1]!.details))).toEqual({ reason: 'Returned from maternity leave' });

    // The old password went with the old slot; the temporary one opens the records.
    expectError(await unlock(core, DEPUTY), 'bad_credentials');
    expect(await unlockAs(core, { username: DEPUTY.username, password: TEMPORARY })).toMatchObject({ user: { name: DEPUTY.name, roles: ['deputy'] } });
  }, 90_000);

  it('refuses an active account, a weak password or no reason, and changes nothing', async () => {
    await setUp(core);
    const deputy = await addStaff(core, DEPUTY, ['deputy']);
    const active = expectError(await call(core, 'staff.reactivate', { staffId: deputy.id, reason: 'Back', newPassword: TEMPORARY }), 'conflict');
    expect(active.message).toBe(`${DEPUTY.name}'s account is already active.`);

    expectOk(await call(core, 'staff.deactivate', { staffId: deputy.id }));
    const weak = expectError(await call(core, 'staff.reactivate', { staffId: deputy.id, reason: 'Back', newPassword: 'password1234' }), 'invalid_input');
    expect(weak.fields?.newPassword).toMatch(/stronger password/);
    const noReason = expectError(await call(core, 'staff.reactivate', { staffId: deputy.id, reason: '', newPassword: TEMPORARY }), 'invalid_input');
    expect(noReason.fields?.reason).toBe('Give the reason for the change');

    expect((await roster()).find((s) => s.username === DEPUTY.username)?.active).toBe(false);
    expect(await auditOf(DSL, 'staff.reactivated')).toEqual([]);
    expectError(await unlock(core, { username: DEPUTY.username, password: 'password1234' }), 'bad_credentials');
  }, 90_000);
});

describe("the school's name and URN", () => {
  it('are changed in Settings, shown at once in the session and audited from → to', async () => {
    await setUp(core);
    const updated = expectOk(await call(core, 'settings.updateSchool', { schoolName: '  Quillfeather Primary Academy ', schoolUrn: '123456' }));
    expect(updated).toMatchObject({ schoolName: 'Quillfeather Primary Academy', schoolUrn: '123456' });
    expect(expectOk(await call(core, 'session.status', {}))).toMatchObject({ schoolName: 'Quillfeather Primary Academy' });
    // The same details again change nothing and add no audit row.
    expectOk(await call(core, 'settings.updateSchool', { schoolName: 'Quillfeather Primary Academy', schoolUrn: '123456' }));

    const rows = await auditOf(DSL, 'settings.changed');
    expect(rows.map((r) => JSON.parse(String(r.details)) as unknown)).toEqual([
      { schoolName: { from: SCHOOL, to: 'Quillfeather Primary Academy' }, schoolUrn: { from: '', to: '123456' } },
    ]);
    expect(await unlockAs(core, DSL)).toMatchObject({ schoolName: 'Quillfeather Primary Academy' });
  }, 60_000);

  it('refuses a URN that is not 6 digits, or no name, and changes nothing', async () => {
    await setUp(core);
    for (const schoolUrn of ['12345', '1234567', 'ABC123', '12 3456']) {
      const refused = expectError(await call(core, 'settings.updateSchool', { schoolName: SCHOOL, schoolUrn }), 'invalid_input');
      expect(refused.fields?.schoolUrn).toBe('A URN is 6 digits; leave it blank if you do not know it');
    }
    const noName = expectError(await call(core, 'settings.updateSchool', { schoolName: ' ', schoolUrn: '' }), 'invalid_input');
    expect(noName.fields?.schoolName).toBe('Enter the school name');
    expect(expectOk(await call(core, 'settings.get', {}))).toMatchObject({ schoolName: SCHOOL, schoolUrn: '' });
    expect(await auditOf(DSL, 'settings.changed')).toEqual([]);
  }, 60_000);
});
