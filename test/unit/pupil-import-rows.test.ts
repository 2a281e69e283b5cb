import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv } from '../../shared/domain/pupils/csv';
import { matchImport, type RegisteredPupil } from '../../shared/domain/pupils/import-match';
import { parseUkDate, type ImportedPupil } from '../../shared/domain/pupils/import-rows';

describe('reading a CSV export', () => {
  it('finds the separator of the heading line outside quotes', () => {
    expect(detectSeparator('Surname;Forename;"DOB, UK"\r\nA;B;C')).toBe(';');
    expect(detectSeparator('Surname\tForename\tDOB')).toBe('\t');
    expect(detectSeparator('"Surname; legal",Forename,DOB')).toBe(',');
  });

  it('keeps separators, line breaks and doubled quotes inside quoted fields, numbering rows by the line they start on', () => {
    const rows = parseCsv('Name,Address\r\n"Fizzlewick, Barney","1 Fictional Lane\nPuddlecombe"\r\n\r\n"Said ""hello""",x\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ['Name', 'Address'] },
      { line: 2, cells: ['Fizzlewick, Barney', '1 Fictional Lane\nPuddlecombe'] },
      { line: 5, cells: ['Said "hello"', 'x'] },
    ]);
  });
});

describe('UK dates', () => {
  it('reads dd/mm/yyyy, d/m/yyyy and yyyy-mm-dd, and refuses dates that do not exist', () => {
    expect(parseUkDate('04/03/2012')).toBe('2012-03-04');
    expect(parseUkDate('4/3/2012')).toBe('2012-03-04');
    expect(parseUkDate('2012-03-04')).toBe('2012-03-04');
    expect(parseUkDate('31/02/2012')).toBeNull();
    expect(parseUkDate('29/02/2012')).toBe('2012-02-29');
    expect(parseUkDate('03/04/12')).toBeNull();
  });
});

const registered = (over: Partial<RegisteredPupil>): RegisteredPupil => ({
  id: 1,
  firstName: 'Tansy',
  lastName: 'Wobblestone',
  preferredFirstName: '',
  preferredLastName: '',
  dateOfBirth: '2012-03-04',
  sex: 'female',
  yearGroup: '9',
  registrationGroup: '',
  upn: '',
  sen: false,
  lookedAfter: false,
  leftOn: null,
  ...over,
});
const row = (over: Partial<ImportedPupil>): ImportedPupil => ({ line: 2, firstName: 'Tansy', lastName: 'Wobblestone', dateOfBirth: '2012-03-04', yearGroup: '9', ...over });

describe('matching a file to the register', () => {
  it('matches by UPN first, so a corrected name is a change, not a new pupil', () => {
    const plan = matchImport([row({ upn: 'B801200005001', firstName: 'Tanzy' })], [], [registered({ upn: 'B801200005001' })]);
    expect(plan.newPupils).toEqual([]);
    expect(plan.changes[0]?.changes).toEqual([{ field: 'Legal name', from: 'Tansy Wobblestone', to: 'Tanzy Wobblestone' }]);
  });

  it('matches by legal name and date of birth when the register has no UPN, and takes the UPN', () => {
    const plan = matchImport([row({ upn: 'B801200005001' })], [], [registered({})]);
    expect(plan.changes[0]?.update).toEqual({ upn: 'B801200005001' });
  });

  it('asks about the same UPN with another date of birth, and never offers it as new', () => {
    const plan = matchImport([row({ upn: 'B801200005001', dateOfBirth: '2012-03-05' })], [], [registered({ upn: 'B801200005001' })]);
    expect(plan.duplicates).toMatchObject([{ line: 2, mayBeNew: false }]);
    expect(plan.duplicates[0]?.reason).toMatch(/has this UPN but was born on 4 Mar 2012/);
    const skipped = matchImport([row({ upn: 'B801200005001', dateOfBirth: '2012-03-05' })], [], [registered({ upn: 'B801200005001' })], { 2: { kind: 'new' } });
    expect(skipped.newPupils).toEqual([]);
    expect(skipped.duplicates).toHaveLength(1);
  });

  it('takes a leaving date but never takes one away, and changes nothing the file has no column for', () => {
    const left = matchImport([row({ leftOn: '2026-07-18' })], [], [registered({ sen: true })]);
    expect(left.changes[0]?.update).toEqual({ leftOn: '2026-07-18' });
    const stillLeft = matchImport([row({ leftOn: null })], [], [registered({ leftOn: '2026-07-18' })]);
    expect(stillLeft.unchanged).toBe(1);
  });

  it('lists pupils on roll who are not in the file, and never those who have left', () => {
    const plan = matchImport([], [], [registered({ id: 1 }), registered({ id: 2, firstName: 'Barnaby', leftOn: '2026-07-18' })]);
    expect(plan.notInFile.map((p) => p.id)).toEqual([1]);
  });
});
