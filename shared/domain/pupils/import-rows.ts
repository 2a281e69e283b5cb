import { dateOfBirthError } from '../impossible-dates';
import { SEXES, YEAR_GROUPS } from '../pupils';
import { hasHiddenFormatting } from '../text';
import type { CsvRow } from './csv';
import type { ColumnMapping, ImportField } from './import-fields';
import { normaliseUpn, upnProblem } from './upn';

type Sex = (typeof SEXES)[number];
type YearGroup = (typeof YEAR_GROUPS)[number];

/**
 * One pupil as the file gives them. A field the file has no column for is undefined, so an
 * import never changes what it was not told (a list without SEN says nothing about SEN).
 */
export type ImportedPupil = {
  line: number;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  preferredFirstName?: string;
  preferredLastName?: string;
  sex?: Sex;
  yearGroup?: YearGroup;
  registrationGroup?: string;
  upn?: string;
  sen?: boolean;
  lookedAfter?: boolean;
  leftOn?: string | null;
};

export type RowProblem = { line: number; reason: string };

/**
 * A UK date as MIS exports write it — dd/mm/yyyy, d/m/yyyy (also with - or .), or yyyy-mm-dd —
 * as yyyy-mm-dd, or null when it is no date at all (31/02/2012).
 */
export function parseUkDate(text: string): string | null {
  const trimmed = text.trim();
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(trimmed);
  const parts = uk ? [uk[3], uk[2], uk[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function parseSex(text: string): Sex | null {
  const key = text.trim().toLowerCase();
  if (key === 'f' || key === 'female' || key === 'girl') return 'female';
  if (key === 'm' || key === 'male' || key === 'boy') return 'male';
  if (['', 'u', 'x', 'unknown', 'not known', 'not_known', 'other', 'w'].includes(key)) return 'not_known';
  return null;
}

/** "Year 9", "Y9", "9", "NC Year 9", "Reception", "R", "Nursery", "N1", "N2". */
function parseYearGroup(text: string): YearGroup | null {
  const key = text.trim().toLowerCase().replace(/^(nc\s*)?(year|yr|y)\s*/, '');
  if (key === 'r' || key === 'reception') return 'R';
  if (key === 'n' || key === 'n1' || key === 'n2' || key === 'nursery') return 'N';
  const number = /^\d{1,2}$/.test(key) ? String(Number(key)) : null;
  return YEAR_GROUPS.find((group) => group === number) ?? null;
}

/**
 * SEN status: the census codes (N no special need, K SEN support, E education, health and care
 * plan, S a statement before plans) or yes/no words.
 */
function parseSen(text: string): boolean | null {
  const key = text.trim().toLowerCase();
  if (['', 'n', 'no', 'false', '0', 'none', 'no special educational need'].includes(key)) return false;
  if (['k', 'e', 's', 'y', 'yes', 'true', '1', 'sen support', 'ehc plan', 'ehcp', 'statement'].includes(key)) return true;
  return null;
}

function parseYesNo(text: string): boolean | null {
  const key = text.trim().toLowerCase();
  if (['', 'n', 'no', 'false', '0'].includes(key)) return false;
  if (['y', 'yes', 'true', '1', 't'].includes(key)) return true;
  return null;
}

function cleanName(text: string): string {
  return text.trim().normalize('NFC');
}

/**
 * The pupils of a file's rows under a mapping, and the rows that cannot be taken, each with its
 * line and why. `today` is the school's, for dates of birth in the future.
 */
export function readPupilRows(rows: readonly CsvRow[], headings: readonly string[], mapping: ColumnMapping, today: string): { pupils: ImportedPupil[]; problems: RowProblem[] } {
  const columnOf = new Map<ImportField, number>();
  headings.forEach((heading, index) => {
    const field = mapping[heading];
    if (field && field !== 'ignore' && !columnOf.has(field)) columnOf.set(field, index);
  });
  const pupils: ImportedPupil[] = [];
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const cell = (field: ImportField): string | undefined => {
      const index = columnOf.get(field);
      return index === undefined ? undefined : (row.cells[index] ?? '');
    };
    const reasons: string[] = [];
    const firstName = cleanName(cell('legalFirstName') ?? '');
    const lastName = cleanName(cell('legalLastName') ?? '');
    if (firstName === '' || lastName === '') reasons.push('the legal first name or surname is empty');
    if (hasHiddenFormatting(firstName + lastName)) reasons.push('a name holds an invisible formatting character');
    const birthText = cell('dateOfBirth') ?? '';
    const dateOfBirth = parseUkDate(birthText);
    if (dateOfBirth === null) reasons.push(birthText.trim() === '' ? 'the date of birth is empty' : `“${birthText.trim()}” is not a date of birth (dd/mm/yyyy)`);
    else {
      const future = dateOfBirthError(dateOfBirth, today);
      if (future) reasons.push(future.toLowerCase());
    }
    const pupil: ImportedPupil = { line: row.line, firstName, lastName, dateOfBirth: dateOfBirth ?? '' };
    const preferredFirst = cell('preferredFirstName');
    if (preferredFirst !== undefined) pupil.preferredFirstName = cleanName(preferredFirst);
    const preferredLast = cell('preferredLastName');
    if (preferredLast !== undefined) pupil.preferredLastName = cleanName(preferredLast);
    const sexText = cell('sex');
    if (sexText !== undefined) {
      const sex = parseSex(sexText);
      if (sex === null) reasons.push(`“${sexText.trim()}” is not a sex the app knows (F, M or not known)`);
      else pupil.sex = sex;
    }
    const yearText = cell('yearGroup');
    if (yearText !== undefined) {
      const year = parseYearGroup(yearText);
      if (year === null) reasons.push(`“${yearText.trim()}” is not a year group (Nursery, Reception or Years 1 to 13)`);
      else pupil.yearGroup = year;
    }
    const reg = cell('registrationGroup');
    if (reg !== undefined) pupil.registrationGroup = reg.trim();
    const upnText = cell('upn');
    if (upnText !== undefined) {
      const upn = normaliseUpn(upnText);
      const problem = upn === '' ? null : upnProblem(upn);
      if (problem) reasons.push(`the UPN ${upn}: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`);
      else pupil.upn = upn;
    }
    const senText = cell('sen');
    if (senText !== undefined) {
      const sen = parseSen(senText);
      if (sen === null) reasons.push(`“${senText.trim()}” is not an SEN status (N, K, E or yes/no)`);
      else pupil.sen = sen;
    }
    const lacText = cell('lookedAfter');
    if (lacText !== undefined) {
      const lac = parseYesNo(lacText);
      if (lac === null) reasons.push(`“${lacText.trim()}” is not a yes or no for looked after`);
      else pupil.lookedAfter = lac;
    }
    const leftText = cell('leftOn');
    if (leftText !== undefined) {
      const leftOn = leftText.trim() === '' ? null : parseUkDate(leftText);
      if (leftOn === null && leftText.trim() !== '') reasons.push(`“${leftText.trim()}” is not a leaving date (dd/mm/yyyy)`);
      else pupil.leftOn = leftOn;
    }
    if (reasons.length > 0) problems.push({ line: row.line, reason: sentence(reasons) });
    else pupils.push(pupil);
  }
  refuseRepeatedUpns(pupils, problems);
  return { pupils: pupils.filter((p) => !problems.some((problem) => problem.line === p.line)), problems: problems.sort((a, b) => a.line - b.line) };
}

function sentence(reasons: string[]): string {
  const text = reasons.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Two rows with one UPN: neither is taken, since which of them is the pupil only the MIS can say. */
function refuseRepeatedUpns(pupils: readonly ImportedPupil[], problems: RowProblem[]): void {
  const linesByUpn = new Map<string, number[]>();
  for (const pupil of pupils) {
    if (!pupil.upn) continue;
    linesByUpn.set(pupil.upn, [...(linesByUpn.get(pupil.upn) ?? []), pupil.line]);
  }
  for (const [upn, lines] of linesByUpn) {
    if (lines.length < 2) continue;
    for (const line of lines) {
      const others = lines.filter((l) => l !== line).join(', ');
      problems.push({ line, reason: `The UPN ${upn} is also on line ${others} of this file: a UPN belongs to one pupil, so check both rows in the MIS` });
    }
  }
}
