// Issue 16 (basics): names are stored in Unicode's composed form (NFC), and a name holding
// an invisible formatting character (zero-width, or a bidirectional control that makes
// "evil" display as "live") is refused by the core, naming the field. Arabic and Hebrew
// names, which need none of those characters, are kept exactly as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { hasHiddenFormatting } from '../../shared/domain/text';
import { call, createIncident, DSL, expectError, expectOk, newCore, SCHOOL } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

/** Each character that changes how a name displays without showing itself, inside a name. */
const HIDDEN = [
  ['right-to-left override', 'Juni\u202Eper'],
  ['left-to-right override', 'Juni\u202Dper'],
  ['right-to-left embedding', 'Juni\u202Bper'],
  ['pop directional formatting', 'Juni\u202Cper'],
  ['right-to-left isolate', 'Juni\u2067per'],
  ['pop directional isolate', 'Juni\u2069per'],
  ['right-to-left mark', 'Juni\u200Fper'],
  ['left-to-right mark', 'Juni\u200Eper'],
  ['Arabic letter mark', 'Juni\u061Cper'],
  ['zero-width space', 'Juni\u200Bper'],
  ['zero-width non-joiner', 'Juni\u200Cper'],
  ['zero-width joiner', 'Juni\u200Dper'],
  ['word joiner', 'Juni\u2060per'],
  ['byte-order mark', 'Juni\uFEFFper'],
] as const;
const INVISIBLE = /invisible formatting character/;

function pupil(firstName: string, lastName: string): Input<'pupils.create'> {
  return { firstName, lastName, dateOfBirth: '2011-03-04', sex: 'female', yearGroup: '10', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' };
}

let core: Core;
let remove: () => Promise<void>;
let incidentId: number;

beforeAll(async () => {
  const temp = await makeTempDir('records-name-characters-');
  remove = temp.remove;
  core = await newCore(temp.dir);
  // Refused at set-up too, naming the field, before anything is created.
  const setup = expectError(await call(core, 'setup.create', { schoolName: `Quill\u202Efeather Academy`, dslName: `Marigold\u200B Thistlewood`, username: DSL.username, password: DSL.password }), 'invalid_input');
  expect(setup.fields?.schoolName).toMatch(/The school name contains an invisible formatting character/);
  expect(setup.fields?.dslName).toMatch(/The name contains an invisible formatting character/);
  expectOk(await call(core, 'setup.create', { schoolName: SCHOOL, dslName: DSL.name, username: DSL.username, password: DSL.password }));
  incidentId = await createIncident(core);
}, 60_000);

afterAll(async () => {
  await core.close();
  await remove();
});

describe('invisible formatting characters in names', () => {
  it.each(HIDDEN)('a pupil name with a %s is refused, naming the field', async (_label, name) => {
    const first = expectError(await call(core, 'pupils.create', pupil(name, 'Ashcombe')), 'invalid_input');
    expect(first.fields).toEqual({ firstName: expect.stringMatching(/^The first name contains an invisible formatting character/) as unknown });
    const last = expectError(await call(core, 'pupils.create', pupil('Juniper', name)), 'invalid_input');
    expect(last.fields?.lastName).toMatch(/^The last name contains an invisible formatting character/);
  });

  it('the detector covers exactly those characters', () => {
    for (const [, name] of HIDDEN) expect(hasHiddenFormatting(name)).toBe(true);
    expect(hasHiddenFormatting('Ó Briain-Łukasik Ελένη Дарья ليلى حسن נועה כהן')).toBe(false);
  });

  it('are refused on every other name: a renamed pupil, staff, people on incidents, the school', async () => {
    const created = expectOk(await call(core, 'pupils.create', pupil('Juniper', 'Ashcombe')));
    const rename = expectError(await call(core, 'pupils.update', { ...pupil('evil\u202E', 'Ashcombe'), pupilId: created.id }), 'invalid_input');
    expect(rename.fields?.firstName).toMatch(INVISIBLE);
    const staff = expectError(await call(core, 'staff.add', { name: 'Odette\u2066 Fairweather', username: 'ofair', roles: ['deputy'], password: 'lantern biscuit orbit meadow', currentPassword: DSL.password }), 'invalid_input');
    expect(staff.fields?.name).toMatch(/^The name contains an invisible formatting character/);
    const other = expectError(
      await call(core, 'incidents.addOtherPerson', { incidentId, person: { kind: 'young_person', name: 'Rowan\u200D Pennyfeather', setting: 'Larkspur College' }, roles: ['received'] }),
      'invalid_input',
    );
    expect(other.fields?.['person.name']).toMatch(INVISIBLE);
    const school = expectError(await call(core, 'settings.updateSchool', { schoolName: 'Quillfeather\uFEFF Academy', schoolUrn: '' }), 'invalid_input');
    expect(school.fields?.schoolName).toMatch(INVISIBLE);

    // Nothing was changed by any of them.
    expect(expectOk(await call(core, 'pupils.get', { pupilId: created.id })).pupil.firstName).toBe('Juniper');
    expect(expectOk(await call(core, 'staff.list', {})).map((s) => s.name)).toEqual([DSL.name]);
    expect(expectOk(await call(core, 'settings.get', {})).schoolName).toBe(SCHOOL);
  });
});

describe('names are kept in composed form (NFC)', () => {
  it('a name typed with a combining accent is stored as the composed letter', async () => {
    const decomposed = 'Sia\u0302n';
    const created = expectOk(await call(core, 'pupils.create', pupil(decomposed, 'Ó Briain'.normalize('NFD'))));
    expect(created.firstName).toBe('Siân');
    expect(created.firstName).toHaveLength(4);
    expect(created.lastName).toBe('Ó Briain');
  });

  it('Arabic and Hebrew names are accepted as typed', async () => {
    const arabic = expectOk(await call(core, 'pupils.create', pupil('ليلى', 'حسن')));
    expect(`${arabic.firstName} ${arabic.lastName}`).toBe('ليلى حسن');
    const hebrew = expectOk(await call(core, 'pupils.create', pupil('נועה', 'כהן')));
    expect(`${hebrew.firstName} ${hebrew.lastName}`).toBe('נועה כהן');
  });
});
