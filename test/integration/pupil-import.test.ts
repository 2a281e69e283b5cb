// Issue 21 through the core: a pupil list exported from the MIS is read, previewed and applied
// only on confirmation, in one transaction with one audit row of counts; a second import of the
// same file changes nothing; bad files get messages a DSL can act on.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import type { ColumnMapping } from '../../shared/domain/pupils/import-fields';
import type { Output } from '../../shared/ipc/contract';
import { arborStudents, bromcomStudents, fictionalUpn, puddlecombeCtf, scholarpackPupils, simsStudentList, SIMS_PUPILS, wrongCheckLetter } from '../fixtures/mis/mis-exports';
import { call, expectError, expectOk, setUp, stateDirFor, TestClock } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let dir: string;
let remove: () => Promise<void>;
let chosen: string | null = null;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('records-pupil-import-'));
  const dataDir = join(dir, 'data');
  core = await createCore({
    dataDir,
    stateDir: stateDirFor(dataDir),
    appVersion: '0.0.0-test',
    now: new TestClock(Date.parse('2026-11-23T12:00:00Z')).now,
    log: () => undefined,
    chooseOpenPath: () => Promise.resolve(chosen),
  });
  await setUp(core);
}, 60_000);

afterEach(async () => {
  await core.close();
  await remove();
});

async function choose(name: string, bytes: Buffer): Promise<void> {
  chosen = join(dir, name);
  await writeFile(chosen, bytes);
}

type Read = NonNullable<Output<'pupilImport.read'>>;

async function read(name: string, bytes: Buffer): Promise<Read> {
  await choose(name, bytes);
  const opened = expectOk(await call(core, 'pupilImport.read', {}));
  if (!opened) throw new Error('the file was not read');
  return opened;
}

/** The mapping as offered, with every unknown heading left out. */
function mappingOf(opened: Read, overrides: ColumnMapping = {}): ColumnMapping {
  return Object.fromEntries(opened.headings.map(({ heading, field }) => [heading, overrides[heading] ?? field ?? 'ignore']));
}

async function importWhole(name: string, bytes: Buffer) {
  const opened = await read(name, bytes);
  const mapping = mappingOf(opened);
  const preview = expectOk(await call(core, 'pupilImport.preview', { fileId: opened.fileId, mapping }));
  const applied = expectOk(await call(core, 'pupilImport.apply', { fileId: opened.fileId, mapping, planHash: preview.planHash, choices: [], stopIfAnyWrong: false }));
  return { opened, preview, applied };
}

async function register() {
  return expectOk(await call(core, 'pupils.list', {}));
}

describe('importing pupils from the MIS', () => {
  it('recognises a SIMS list’s headings, adds its pupils only on confirmation, and records counts, never names', async () => {
    const opened = await read('sims.csv', simsStudentList());
    expect(opened.needsMapping).toBe(false);
    expect(opened.headings.find((h) => h.heading === 'Reg Group')?.field).toBe('registrationGroup');
    const mapping = mappingOf(opened);
    const preview = expectOk(await call(core, 'pupilImport.preview', { fileId: opened.fileId, mapping }));
    expect(preview.newPupils.map((p) => [p.line, p.name, p.dateOfBirth, p.yearGroup])).toEqual([
      [2, 'Tansy Wobblestone', '2012-03-04', '9'],
      [3, 'Barnaby Fizzlewick', '2011-11-17', '9'],
      [4, 'Ottoline Marrowfat-Quince', '2013-09-01', '8'],
    ]);
    expect(await register()).toEqual([]);

    const applied = expectOk(await call(core, 'pupilImport.apply', { fileId: opened.fileId, mapping, planHash: preview.planHash, choices: [], stopIfAnyWrong: false }));
    expect(applied).toEqual({ added: 3, changed: 0, unchanged: 0, skipped: 0, notTaken: 0 });
    const pupils = await register();
    expect(pupils.map((p) => p.lastName)).toEqual(['Fizzlewick', 'Marrowfat-Quince', 'Wobblestone']);
    const ottoline = expectOk(await call(core, 'pupils.get', { pupilId: pupils[1]!.id })).pupil;
    expect(ottoline).toMatchObject({ upn: fictionalUpn('003'), sen: true, lookedAfter: true, socialCare: 'not_known' });

    const audit = expectOk(await call(core, 'audit.list', { limit: 50 }));
    const row = JSON.stringify(audit).match(/"pupils\.imported".{0,400}/)?.[0] ?? '';
    expect(row).toContain('"added":3');
    expect(JSON.stringify(audit)).not.toContain('Wobblestone');
    // The new rows are vouched for like any pupil added by hand (decision 0017).
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('changes nothing on a second import of the same file, and says so', async () => {
    await importWhole('sims.csv', simsStudentList());
    const { preview, applied } = await importWhole('sims.csv', simsStudentList());
    expect(preview).toMatchObject({ newPupils: [], changes: [], unchanged: 3, duplicates: [], problems: [] });
    expect(applied).toEqual({ added: 0, changed: 0, unchanged: 3, skipped: 0, notTaken: 0 });
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('shows a changed year group and a new pupil in the preview and applies them only on confirmation', async () => {
    await importWhole('sims.csv', simsStudentList());
    const moved = SIMS_PUPILS.map((row, i) => (i === 0 ? [...row.slice(0, 6), 'Year 10', ...row.slice(7)] : row));
    const newcomer = [fictionalUpn('004'), 'Quibble', 'Clementine', '', '30/06/2012', 'F', 'Year 9', '9WB', 'N', 'N'];
    const opened = await read('sims-later.csv', simsStudentList([...moved, newcomer]));
    const mapping = mappingOf(opened);
    const preview = expectOk(await call(core, 'pupilImport.preview', { fileId: opened.fileId, mapping }));
    expect(preview.changes.map(({ line, name, changes }) => ({ line, name, changes }))).toEqual([
      { line: 2, name: 'Tansy Wobblestone', changes: [{ field: 'Year group', from: 'Year 9', to: 'Year 10' }] },
    ]);
    expect(preview.newPupils.map((p) => p.name)).toEqual(['Clementine Quibble']);
    expect((await register()).find((p) => p.lastName === 'Wobblestone')?.yearGroup).toBe('9');

    expectOk(await call(core, 'pupilImport.apply', { fileId: opened.fileId, mapping, planHash: preview.planHash, choices: [], stopIfAnyWrong: false }));
    const after = await register();
    expect(after.find((p) => p.lastName === 'Wobblestone')?.yearGroup).toBe('10');
    expect(after.map((p) => p.lastName)).toContain('Quibble');
  });

  it('refuses to apply a preview the register has moved on from', async () => {
    const opened = await read('sims.csv', simsStudentList());
    const mapping = mappingOf(opened);
    const preview = expectOk(await call(core, 'pupilImport.preview', { fileId: opened.fileId, mapping }));
    expectOk(await call(core, 'pupils.create', { firstName: 'Tansy', lastName: 'Wobblestone', dateOfBirth: '2012-03-04', sex: 'female', yearGroup: '9', sen: false, lookedAfter: false, socialCare: 'none' }));
    const error = expectError(await call(core, 'pupilImport.apply', { fileId: opened.fileId, mapping, planHash: preview.planHash, choices: [], stopIfAnyWrong: false }), 'conflict');
    expect(error.message).toMatch(/changed since this preview.*read the file again/i);
    expect(await register()).toHaveLength(1);
  });

  it('never removes a pupil missing from the file: it lists them', async () => {
    await importWhole('sims.csv', simsStudentList());
    const { preview } = await importWhole('sims-short.csv', simsStudentList(SIMS_PUPILS.slice(1)));
    expect(preview.notInFile.map((p) => p.name)).toEqual(['Tansy Wobblestone']);
    expect(await register()).toHaveLength(3);
  });

  it('lists a pupil with the same name and date of birth but another UPN for the DSL to decide', async () => {
    await importWhole('sims.csv', simsStudentList());
    const other = [fictionalUpn('099'), ...SIMS_PUPILS[0]!.slice(1)];
    const opened = await read('sims-other.csv', simsStudentList([other]));
    const mapping = mappingOf(opened);
    const preview = expectOk(await call(core, 'pupilImport.preview', { fileId: opened.fileId, mapping }));
    expect(preview.duplicates.map(({ line, name, mayBeNew }) => ({ line, name, mayBeNew }))).toEqual([{ line: 2, name: 'Tansy Wobblestone', mayBeNew: true }]);
    expect(preview.duplicates[0]!.reason).toMatch(/another UPN/);
    const undecided = expectError(await call(core, 'pupilImport.apply', { fileId: opened.fileId, mapping, planHash: preview.planHash, choices: [], stopIfAnyWrong: false }), 'invalid_input');
    expect(undecided.message).toMatch(/Decide what line 2 is/);
    const pupilId = preview.duplicates[0]!.candidates[0]!.id;
    const applied = expectOk(await call(core, 'pupilImport.apply', { fileId: opened.fileId, mapping, planHash: preview.planHash, choices: [{ line: 2, choice: { kind: 'pupil', pupilId } }], stopIfAnyWrong: false }));
    expect(applied.changed).toBe(1);
    expect(expectOk(await call(core, 'pupils.get', { pupilId })).pupil.upn).toBe(fictionalUpn('099'));
  });

  it('reads Arbor, Bromcom (Windows-1252, tabs) and Scholarpack (semicolons, quoted line breaks) exports', async () => {
    const arbor = await read('arbor.csv', arborStudents());
    expect(arbor.needsMapping).toBe(true);
    expect(arbor.headings.filter((h) => h.field === null).map((h) => h.heading)).toEqual(['House']);
    const arborPreview = expectOk(await call(core, 'pupilImport.preview', { fileId: arbor.fileId, mapping: mappingOf(arbor) }));
    expect(arborPreview.newPupils.map((p) => p.name)).toEqual(['Percival Thistlethwaite', 'Hyacinth, Rose Bucketworth']);

    const bromcom = await read('bromcom.csv', bromcomStudents());
    expect(bromcom.needsMapping).toBe(false);
    const bromcomPreview = expectOk(await call(core, 'pupilImport.preview', { fileId: bromcom.fileId, mapping: mappingOf(bromcom) }));
    expect(bromcomPreview.newPupils.map((p) => [p.name, p.yearGroup])).toEqual([
      ['Zoë Crumblethorpe', '9'],
      ['Ignatius Pumpernickel', 'R'],
    ]);

    const scholarpack = await read('scholarpack.csv', scholarpackPupils());
    const mapping = mappingOf(scholarpack);
    const preview = expectOk(await call(core, 'pupilImport.preview', { fileId: scholarpack.fileId, mapping }));
    expect(preview.newPupils.map((p) => [p.line, p.name])).toEqual([
      [2, 'Marmaduke Gigglesworth'],
      [4, 'Philippa Snodgrass'],
    ]);
    expectOk(await call(core, 'pupilImport.apply', { fileId: scholarpack.fileId, mapping, planHash: preview.planHash, choices: [], stopIfAnyWrong: false }));
    const philippa = (await register()).find((p) => p.lastName === 'Snodgrass')!;
    expect(expectOk(await call(core, 'pupils.get', { pupilId: philippa.id })).pupil.lastName).toBe('Snodgrass');
  });

  it('remembers how the DSL mapped an unknown heading and offers it next time', async () => {
    const first = await read('arbor.csv', arborStudents());
    const mapping = mappingOf(first, { House: 'registrationGroup', 'Registration form': 'ignore' });
    const preview = expectOk(await call(core, 'pupilImport.preview', { fileId: first.fileId, mapping }));
    expectOk(await call(core, 'pupilImport.apply', { fileId: first.fileId, mapping, planHash: preview.planHash, choices: [], stopIfAnyWrong: false }));
    const again = await read('arbor.csv', arborStudents());
    expect(again.needsMapping).toBe(false);
    expect(again.headings.find((h) => h.heading === 'House')?.field).toBe('registrationGroup');
  });
});

describe('a Common Transfer File', () => {
  it('reads each pupil’s UPN, names, preferred names, date of birth, sex, year, looked-after and SEN, and reports an impossible date', async () => {
    const opened = await read('999LLLL_CTF_MMMMMMM_001.xml', puddlecombeCtf());
    expect(opened).toMatchObject({ format: 'ctf', rowCount: 2, needsMapping: false });
    const mapping = mappingOf(opened);
    const preview = expectOk(await call(core, 'pupilImport.preview', { fileId: opened.fileId, mapping }));
    expect(preview.newPupils.map((p) => [p.name, p.dateOfBirth, p.yearGroup, p.upn])).toEqual([['Ermintrude Pennywhistle & Hobb', '2013-01-15', '8', fictionalUpn('050')]]);
    expect(preview.problems.map((p) => p.line)).toEqual([3]);
    expect(preview.problems[0]!.reason).toMatch(/“2013-02-30” is not a date of birth/);
    expectOk(await call(core, 'pupilImport.apply', { fileId: opened.fileId, mapping, planHash: preview.planHash, choices: [], stopIfAnyWrong: false }));
    const [pupil] = await register();
    expect(expectOk(await call(core, 'pupils.get', { pupilId: pupil!.id })).pupil).toMatchObject({ sex: 'female', lookedAfter: true, sen: true, upn: fictionalUpn('050') });
  });

  it('refuses XML that is not a CTF, and a document type declaration', async () => {
    await choose('other.xml', Buffer.from('<?xml version="1.0"?><Invoice><Total>3</Total></Invoice>'));
    expect(expectError(await call(core, 'pupilImport.read', {}), 'invalid_input').message).toMatch(/not a Common Transfer File/);
    await choose('entities.xml', Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><CTfile/>'));
    expect(expectError(await call(core, 'pupilImport.read', {}), 'invalid_input').message).toMatch(/declares a document type/);
  });
});

describe('bad pupil lists', () => {
  it('refuses a PDF or an image with a message saying what it is', async () => {
    await choose('list.pdf', Buffer.from('%PDF-1.7\n'));
    expect(expectError(await call(core, 'pupilImport.read', {}), 'invalid_input').message).toMatch(/This is a PDF, not a pupil list.*CSV/);
    await choose('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(expectError(await call(core, 'pupilImport.read', {}), 'invalid_input').message).toMatch(/image \(PNG\)/);
  });

  it('says when there is no date-of-birth column', async () => {
    const opened = await read('no-dob.csv', Buffer.from('Surname,Forename,Year\r\nWobblestone,Tansy,9\r\n'));
    const error = expectError(await call(core, 'pupilImport.preview', { fileId: opened.fileId, mapping: mappingOf(opened) }), 'invalid_input');
    expect(error.message).toMatch(/no date-of-birth column/);
  });

  it('reports impossible dates, repeated UPNs and wrong check letters by line, and still takes the good rows', async () => {
    const good = SIMS_PUPILS[0]!;
    const rows = [
      good,
      [fictionalUpn('040'), 'Impossible', 'Dorcas', '', '31/02/2012', 'F', 'Year 9', '9WB', 'N', 'N'],
      [fictionalUpn('041'), 'Twiceover', 'Ambrose', '', '01/01/2012', 'M', 'Year 9', '9WB', 'N', 'N'],
      [fictionalUpn('041'), 'Twiceover', 'Ambrosia', '', '02/01/2012', 'F', 'Year 9', '9WB', 'N', 'N'],
      [wrongCheckLetter(fictionalUpn('042')), 'Miscopied', 'Eustace', '', '03/01/2012', 'M', 'Year 9', '9WB', 'N', 'N'],
    ];
    const opened = await read('bad-rows.csv', simsStudentList(rows));
    const mapping = mappingOf(opened);
    const preview = expectOk(await call(core, 'pupilImport.preview', { fileId: opened.fileId, mapping }));
    expect(preview.newPupils.map((p) => p.name)).toEqual(['Tansy Wobblestone']);
    expect(preview.problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(preview.problems[0]!.reason).toMatch(/“31\/02\/2012” is not a date of birth/);
    expect(preview.problems[1]!.reason).toMatch(/also on line 5/);
    expect(preview.problems[3]!.reason).toMatch(/check letter of this UPN is wrong/);

    const stopped = expectError(await call(core, 'pupilImport.apply', { fileId: opened.fileId, mapping, planHash: preview.planHash, choices: [], stopIfAnyWrong: true }), 'invalid_input');
    expect(stopped.message).toMatch(/Nothing has been imported: 4 rows have problems/);
    expect(await register()).toEqual([]);
    const applied = expectOk(await call(core, 'pupilImport.apply', { fileId: opened.fileId, mapping, planHash: preview.planHash, choices: [], stopIfAnyWrong: false }));
    expect(applied).toMatchObject({ added: 1, notTaken: 4 });
  });
});
