// Issue 16 (basics): the audit log's details never hold a person's name or an absolute
// path. It keeps ids (the Audit page names them from the records as they are now) and file
// names. A journey through a pupil's rename, staff changes, an export and backups, then
// every row's details are read underneath.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../electron/core/db/connection';
import { createCore, type Core } from '../../electron/core/index';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import type { AuditRowView } from '../../shared/ipc/contract';
import { addStaff, call, DEPUTY, DSL, expectOk, HEAD, setUp } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const PUPIL = { firstName: 'Juniper', lastName: 'Ashcombe', dateOfBirth: '2011-03-04', sex: 'female', yearGroup: '10', sen: true, senDetails: 'Seen by Dr Quentin Marchbanks', lookedAfter: false, socialCare: 'none' } as const;
const RENAMED = { firstName: 'Juniperia', lastName: 'Ashcombe-Vane', senDetails: 'Seen by Dr Quentin Marchbanks weekly' };
const NAMES = [PUPIL.firstName, PUPIL.lastName, RENAMED.firstName, RENAMED.lastName, 'Marchbanks', DSL.name, HEAD.name, DEPUTY.name, 'Thistlewood', 'Hollowell', 'Fairweather'];

let root: string;
let remove: () => Promise<void>;
let core: Core;
let details: { action: string; details: string }[];
let views: AuditRowView[];

beforeAll(async () => {
  ({ dir: root, remove } = await makeTempDir('records-audit-no-names-'));
  const dataDir = join(root, 'data');
  const saveDir = join(root, 'home', 'marigold', 'exports');
  const backupDir = join(root, 'home', 'marigold', 'usb-backups');
  await mkdir(saveDir, { recursive: true });
  await mkdir(backupDir, { recursive: true });
  core = await createCore({
    dataDir,
    appVersion: '0.0.0-test',
    log: () => undefined,
    chooseSavePath: (suggested) => Promise.resolve(join(saveDir, suggested)),
    chooseFolder: () => Promise.resolve(backupDir),
  });
  await setUp(core);
  const head = await addStaff(core, HEAD, ['head']);
  const deputy = await addStaff(core, DEPUTY, ['deputy']);
  expectOk(await call(core, 'staff.setRoles', { staffId: head.id, roles: ['head', 'deputy'], reason: 'Covering the deputy', currentPassword: DSL.password }));
  expectOk(await call(core, 'staff.resetPassword', { staffId: deputy.id, newPassword: 'amber walrus lantern ninety', currentPassword: DSL.password }));
  expectOk(await call(core, 'staff.deactivate', { staffId: deputy.id }));

  const pupil = expectOk(await call(core, 'pupils.create', { ...PUPIL }));
  expectOk(await call(core, 'pupils.update', { ...PUPIL, ...RENAMED, yearGroup: '11', pupilId: pupil.id }));
  expectOk(await call(core, 'exports.pdf', { document: { type: 'pupil-chronology', pupilId: pupil.id }, namedChildren: [`pupil:${pupil.id}`], currentPassword: DSL.password }));

  expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
  expectOk(await call(core, 'backups.configure', { keep: 5 }));
  expectOk(await call(core, 'backups.run', {}));
  views = expectOk(await call(core, 'audit.list', { limit: 200 }));

  await core.lock('button');
  const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!slot.ok) throw new Error('the DSL password should open the key file');
  const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
  try {
    details = (await db.all('SELECT action, details FROM audit ORDER BY seq')).map((row) => ({ action: String(row.action), details: String(row.details) }));
  } finally {
    await db.close();
  }
}, 120_000);

afterAll(async () => {
  await core.close();
  await remove();
});

describe('audit details', () => {
  it('the journey reached every kind of row it is about', () => {
    const actions = new Set(details.map((d) => d.action));
    for (const action of ['staff.added', 'staff.roles-changed', 'staff.deactivated', 'pupil.updated', 'export', 'settings.changed', 'backup']) {
      expect(actions, action).toContain(action);
    }
  });

  it('hold no pupil, staff or other person’s name', () => {
    const found = details.flatMap((row) => NAMES.filter((name) => row.details.includes(name)).map((name) => `${row.action}: ${name}`));
    expect(found).toEqual([]);
  });

  it('hold no absolute path, only file and folder names', () => {
    const rooted = details.filter((row) => row.details.includes(root) || /"(\/|[A-Za-z]:\\\\)/.test(row.details));
    expect(rooted).toEqual([]);
    const exported = JSON.parse(details.find((d) => d.action === 'export')!.details) as { file: string };
    expect(exported.file).toMatch(/^[^/\\]+\.pdf$/);
    const backup = JSON.parse(details.find((d) => d.action === 'backup')!.details) as { file: string; folder: string };
    expect(backup.folder).toBe('usb-backups');
  });

  it('the Audit page still says what changed on the pupil and names them as they are now', () => {
    const updated = views.find((row) => row.action === 'pupil.updated');
    expect(updated?.subject).toBe(`${RENAMED.firstName} ${RENAMED.lastName}`);
    expect(updated?.facts).toContainEqual({ label: 'Changed', value: 'First name: changed; Last name: changed; SEN details: changed; Year group: 10 → 11' });
  });
});
