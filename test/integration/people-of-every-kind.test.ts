// Issue 18 item 3: every kind of person the guidance's case studies have (UKCCIS 2016, Annex
// F), added through the core, listed on the incident, printed, and vouched for by the audit
// so Verify still passes; a group's number, the one new column, is part of what Verify checks.
// Every name here is made up.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { Database } from '../../electron/core/db/connection';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import type { Input } from '../../shared/ipc/contract';
import { personAgeText } from '../../shared/domain/read-models/incident-person';
import { call, createIncident, DSL, expectError, expectOk, SCHOOL, setUp, TestClock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

type Person = Input<'incidents.addOtherPerson'>['person'];

// Case 6: a boy from another school downloaded the picture and sent it to about 100 people.
const BOY_ELSEWHERE: Person = { kind: 'young_person', name: 'Lysander Quickthorn', age: 16, setting: 'Harrowgate School' };
const ACCOUNT: Person = { kind: 'online-account', name: '@moonlit.fox.77', setting: 'Snapchat' };
const GROUP: Person = { kind: 'group', name: 'People he sent the picture to', groupSize: 100 };
const MOTHER: Person = { kind: 'adult', name: 'Hester Quickthorn', relationship: 'The girl’s mother' };

let core: Core;
let dataDir: string;
let outDir: string;
let remove: () => Promise<void>;
let incidentId: number;
const personIds: Record<string, number> = {};

beforeAll(async () => {
  const temp = await makeTempDir('records-people-kinds-');
  remove = temp.remove;
  dataDir = join(temp.dir, 'data');
  outDir = join(temp.dir, 'out');
  await mkdir(outDir);
  core = await createCore({
    dataDir,
    appVersion: '0.0.0-test',
    now: new TestClock(Date.parse('2026-11-23T09:00:00Z')).now,
    log: () => undefined,
    chooseSavePath: (name) => Promise.resolve(join(outDir, name)),
  });
  await setUp(core, { school: SCHOOL });
  incidentId = await createIncident(core, '2026-11-20');
  const add = async (person: Person, roles: Input<'incidents.addOtherPerson'>['roles']) =>
    expectOk(await call(core, 'incidents.addOtherPerson', { incidentId, person, roles })).id;
  personIds.boy = await add(BOY_ELSEWHERE, ['requested', 'sent']);
  personIds.account = await add(ACCOUNT, ['received', 'holds']);
  personIds.group = await add(GROUP, ['received']);
  personIds.mother = await add(MOTHER, ['reported']);
}, 120_000);

afterAll(async () => {
  await core?.close();
  await remove?.();
});

describe('people of every kind', () => {
  it('are listed on the incident with their kind, setting, number and roles', async () => {
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    const byName = new Map(detail.people.map((p) => [p.other?.name, { other: p.other, roles: p.roles, age: p.ageOnImageryDate, reported: p.ageWhenReported }]));
    expect(byName.get('Lysander Quickthorn')).toMatchObject({ other: { kind: 'young_person', setting: 'Harrowgate School', age: 16, groupSize: null }, roles: ['requested', 'sent'], age: null, reported: 16 });
    // The imagery's date is not known: 16 is his age the day the school found out, and shown as that.
    expect(personAgeText(detail.people.find((p) => p.other?.name === 'Lysander Quickthorn')!)).toBe('16 when reported (the imagery’s date is not known)');
    expect(byName.get('@moonlit.fox.77')).toMatchObject({ other: { kind: 'online-account', setting: 'Snapchat', age: null, dateOfBirth: '' }, roles: ['received', 'holds'], age: null });
    expect(byName.get('People he sent the picture to')).toMatchObject({ other: { kind: 'group', groupSize: 100, age: null }, roles: ['received'] });
    expect(byName.get('Hester Quickthorn')).toMatchObject({ other: { kind: 'adult', relationship: 'The girl’s mother' }, roles: ['reported'] });
  });

  it('refuse a young person from elsewhere without the setting, and a group without its number, saying what is missing', async () => {
    const noSetting = expectError(await call(core, 'incidents.addOtherPerson', { incidentId, person: { ...BOY_ELSEWHERE, setting: '' }, roles: ['sent'] }), 'invalid_input');
    expect(noSetting.fields?.['person.setting']).toBe('Enter the school or setting they attend, or “not known”');
    const noNumber = expectError(await call(core, 'incidents.addOtherPerson', { incidentId, person: { kind: 'group', name: 'A Year 9 group chat' }, roles: ['received'] }), 'invalid_input');
    expect(noNumber.fields?.['person.groupSize']).toBe('Enter about how many people are in the group');
  });

  it('take the new role when roles change', async () => {
    expectOk(await call(core, 'incidents.setRoles', { incidentPersonId: personIds.account!, roles: ['requested', 'received', 'holds'] }));
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(detail.people.find((p) => p.id === personIds.account)?.roles).toEqual(['requested', 'received', 'holds']);
  });

  it('are printed in the incident report with their kind, setting and number', async () => {
    const result = expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [] }));
    if (!result.saved) return expect.fail('expected the PDF to be saved');
    const text = execFileSync('pdftotext', [join(outDir, result.fileName), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Young person from another school or setting: Harrowgate School');
    expect(text).toContain('Online account, age not known, on Snapchat');
    expect(text).toContain('Group of about 100 people');
    expect(text).toContain('Asked for or pressured someone to send it');
    // Not a pupil here, so not named in a copy that names no children; an online account's age is not known, so neither is it.
    expect(text).not.toContain('Lysander');
    expect(text).not.toContain('moonlit');
  });

  it('leave Verify passing, and a group’s number changed outside the app is found', async () => {
    const clean = expectOk(await call(core, 'audit.verify', {}));
    expect(clean.findings).toEqual([]);
    expect(clean.ok).toBe(true);

    await core.close();
    const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
    if (!slot.ok) return expect.fail('the DSL’s password should open their key slot');
    const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
    try {
      await db.transaction((tx) => tx.run('UPDATE incident_people SET other_group_size = 12 WHERE id = ?', [personIds.group!]));
    } finally {
      await db.close();
      slot.dataKey.fill(0);
    }
    core = await createCore({ dataDir, appVersion: '0.0.0-test', now: () => new Date('2026-11-23T10:00:00Z'), log: () => undefined, chooseSavePath: (name) => Promise.resolve(join(outDir, name)) });
    await unlockAs(core, DSL);
    const tampered = expectOk(await call(core, 'audit.verify', {}));
    expect(tampered.ok).toBe(false);
    expect(tampered.findings).toContainEqual(expect.objectContaining({ kind: 'row-changed' }));
  }, 60_000);
});
