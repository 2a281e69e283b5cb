// Issue 14, item 3: the core refuses dates that cannot be true, on the school's clock
// (Europe/London), with a message on the field; nothing is saved. Names are made up.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { call, DSL, expectError, expectOk, newCore, setUp, TestClock } from './helpers/core';
import { snapshotDatabase } from './helpers/db-snapshot';
import { makeTempDir } from './helpers/temp-dir';

// 23:30 UTC on 30 June is already 1 July in London (BST): "today" is 1 July.
const clock = new TestClock(Date.parse('2026-06-30T23:30:00Z'));
let core: Core;
let dataDir: string;
let remove: () => Promise<void>;

const PUPIL: Input<'pupils.create'> = {
  firstName: 'Perpetua',
  lastName: 'Hazelby',
  dateOfBirth: '2012-02-14',
  sex: 'female',
  yearGroup: '9',
  sen: false,
  senDetails: '',
  lookedAfter: false,
  socialCare: 'none',
};

const INCIDENT: Input<'incidents.create'> = {
  title: 'Photo sent on a messaging app',
  cameToAttentionOn: '2026-06-29',
  imageryDate: '2026-06-20',
  kind: 'self-shared',
  media: 'photo',
  services: [],
  sharing: 'not_known',
  sharingDetails: '',
};

const OTHER: Input<'incidents.addOtherPerson'>['person'] = {
  kind: 'young_person',
  name: 'Cosmo Ferrability',
  age: null,
  dateOfBirth: '2012-09-01',
  sex: 'male',
  setting: 'Larkspur College',
  relationship: '',
};

beforeAll(async () => {
  const temp = await makeTempDir('records-dates-');
  remove = temp.remove;
  dataDir = join(temp.dir, 'data');
  core = await newCore(dataDir, clock);
  await setUp(core);
}, 60_000);

afterAll(async () => {
  await core?.close();
  await remove?.();
});

async function unchanged<T>(write: () => Promise<T>): Promise<T> {
  const before = await snapshotDatabase(dataDir, DSL);
  const result = await write();
  const after = await snapshotDatabase(dataDir, DSL);
  for (const table of ['pupils', 'incidents', 'incident_people', 'audit']) expect(after[table], table).toEqual(before[table]);
  return result;
}

describe('dates of birth', () => {
  it('refuses a pupil born tomorrow (school’s clock) and accepts one born today there, though it is still yesterday in UTC', async () => {
    const error = await unchanged(async () => expectError(await call(core, 'pupils.create', { ...PUPIL, dateOfBirth: '2026-07-02' }), 'invalid_input'));
    expect(error.fields).toEqual({ dateOfBirth: 'The date of birth cannot be in the future' });
    expectOk(await call(core, 'pupils.create', { ...PUPIL, firstName: 'Newborn', dateOfBirth: '2026-07-01' }));
  });

  it('refuses a pupil edited to a date of birth in the future', async () => {
    const pupil = expectOk(await call(core, 'pupils.create', { ...PUPIL, firstName: 'Edited' }));
    const error = await unchanged(async () => expectError(await call(core, 'pupils.update', { ...PUPIL, firstName: 'Edited', pupilId: pupil.id, dateOfBirth: '2027-02-14' }), 'invalid_input'));
    expect(error.fields).toEqual({ dateOfBirth: 'The date of birth cannot be in the future' });
  });

  it('refuses someone from outside the school born in the future', async () => {
    const incidentId = expectOk(await call(core, 'incidents.create', INCIDENT)).id;
    const error = await unchanged(async () =>
      expectError(await call(core, 'incidents.addOtherPerson', { incidentId, person: { ...OTHER, dateOfBirth: '2026-08-01' }, roles: ['received'] }), 'invalid_input'),
    );
    expect(error.fields).toEqual({ 'person.dateOfBirth': 'The date of birth cannot be in the future' });
  });
});

describe('the date an incident came to attention', () => {
  it('refuses tomorrow (which would take a reference for a year not yet begun) and accepts today on the school’s clock', async () => {
    const error = await unchanged(async () => expectError(await call(core, 'incidents.create', { ...INCIDENT, cameToAttentionOn: '2026-07-02', imageryDate: '' }), 'invalid_input'));
    expect(error.fields).toEqual({ cameToAttentionOn: 'The date it came to the school’s attention cannot be in the future' });
    expect(expectOk(await call(core, 'incidents.create', { ...INCIDENT, cameToAttentionOn: '2026-07-01', imageryDate: '' })).reference).toMatch(/^YPSI-2026-/);
  });
});

describe('imagery made before the pictured child was born', () => {
  const message = 'Imagery made on 20 Jun 2026 cannot picture someone born on 21 Jun 2026: check the date of birth and the imagery date';

  it('refuses a pupil added as pictured, but not in another role', async () => {
    const incidentId = expectOk(await call(core, 'incidents.create', INCIDENT)).id;
    const baby = expectOk(await call(core, 'pupils.create', { ...PUPIL, firstName: 'Late', dateOfBirth: '2026-06-21' }));
    const error = await unchanged(async () => expectError(await call(core, 'incidents.addPupil', { incidentId, pupilId: baby.id, roles: ['pictured'] }), 'invalid_input'));
    expect(error.fields).toEqual({ roles: message });
    const person = expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId: baby.id, roles: ['received'] }));

    // …nor given the role "pictured" later.
    const roleError = await unchanged(async () => expectError(await call(core, 'incidents.setRoles', { incidentPersonId: person.id, roles: ['received', 'pictured'] }), 'invalid_input'));
    expect(roleError.fields).toEqual({ roles: message });
  });

  it('refuses someone from outside the school pictured before they were born', async () => {
    const incidentId = expectOk(await call(core, 'incidents.create', INCIDENT)).id;
    const error = await unchanged(async () =>
      expectError(await call(core, 'incidents.addOtherPerson', { incidentId, person: { ...OTHER, dateOfBirth: '2026-06-21' }, roles: ['pictured'] }), 'invalid_input'),
    );
    expect(error.fields).toEqual({ roles: message });
  });

  it('refuses a pupil’s date of birth changed to after imagery they are pictured in', async () => {
    const incidentId = expectOk(await call(core, 'incidents.create', INCIDENT)).id;
    const pupil = expectOk(await call(core, 'pupils.create', { ...PUPIL, firstName: 'Pictured' }));
    expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId: pupil.id, roles: ['pictured'] }));
    const error = await unchanged(async () =>
      expectError(await call(core, 'pupils.update', { ...PUPIL, firstName: 'Pictured', pupilId: pupil.id, dateOfBirth: '2026-06-21' }), 'invalid_input'),
    );
    expect(error.fields?.dateOfBirth).toMatch(/^Imagery made on 20 Jun 2026 cannot picture someone born on 21 Jun 2026: .* \(YPSI-2026-\d{3}\)$/);
  });
});
