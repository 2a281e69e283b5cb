import { formatDate } from '../dates';
import { SEX_LABELS, yearGroupLabel, type SEXES, type YEAR_GROUPS } from '../pupils';
import type { ImportedPupil, RowProblem } from './import-rows';

/** A pupil on the register as the matcher compares them. */
export type RegisteredPupil = {
  id: number;
  firstName: string;
  lastName: string;
  preferredFirstName: string;
  preferredLastName: string;
  dateOfBirth: string;
  sex: (typeof SEXES)[number];
  yearGroup: (typeof YEAR_GROUPS)[number];
  registrationGroup: string;
  upn: string;
  sen: boolean;
  lookedAfter: boolean;
  leftOn: string | null;
};

/** What an import may change on a pupil; names of fields only, values in `changes`' words. */
export type PupilUpdate = Partial<Pick<RegisteredPupil, 'firstName' | 'lastName' | 'preferredFirstName' | 'preferredLastName' | 'sex' | 'yearGroup' | 'registrationGroup' | 'upn' | 'sen' | 'lookedAfter' | 'leftOn'>>;
type FieldChange = { field: string; from: string; to: string };
type PupilChange = { line: number; pupilId: number; name: string; changes: FieldChange[]; update: PupilUpdate };
export type NewPupil = ImportedPupil & { yearGroup: (typeof YEAR_GROUPS)[number] };
type Candidate = { id: number; name: string; dateOfBirth: string; upn: string };
type PossibleDuplicate = { line: number; pupil: ImportedPupil; reason: string; candidates: Candidate[]; mayBeNew: boolean };
/** What the DSL decided for a possible duplicate: this pupil, a new one, or leave the row out. */
export type DuplicateChoice = { kind: 'pupil'; pupilId: number } | { kind: 'new' } | { kind: 'skip' };

export type ImportPlan = {
  newPupils: NewPupil[];
  changes: PupilChange[];
  unchanged: number;
  duplicates: PossibleDuplicate[];
  problems: RowProblem[];
  skipped: number;
  /** On the register and not in the file: never removed (the DSL may mark them as left on their page). */
  notInFile: Candidate[];
};

const nameKey = (first: string, last: string, dateOfBirth: string) => `${first.toLowerCase()}\u0000${last.toLowerCase()}\u0000${dateOfBirth}`;
const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
const candidate = (p: RegisteredPupil): Candidate => ({ id: p.id, name: fullName(p), dateOfBirth: p.dateOfBirth, upn: p.upn });
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** The fields the file gives that differ from the register, in the DSL's words. */
function differences(row: ImportedPupil, pupil: RegisteredPupil): { changes: FieldChange[]; update: PupilUpdate } {
  const changes: FieldChange[] = [];
  const update: PupilUpdate = {};
  if (row.firstName !== pupil.firstName || row.lastName !== pupil.lastName) {
    changes.push({ field: 'Legal name', from: fullName(pupil), to: fullName(row) });
    update.firstName = row.firstName;
    update.lastName = row.lastName;
  }
  const preferred = (field: 'preferredFirstName' | 'preferredLastName', label: string) => {
    const value = row[field];
    if (value !== undefined && value !== pupil[field]) {
      changes.push({ field: label, from: pupil[field] || 'none', to: value || 'none' });
      update[field] = value;
    }
  };
  preferred('preferredFirstName', 'Preferred first name');
  preferred('preferredLastName', 'Preferred surname');
  if (row.sex !== undefined && row.sex !== pupil.sex) {
    changes.push({ field: 'Sex', from: SEX_LABELS[pupil.sex], to: SEX_LABELS[row.sex] });
    update.sex = row.sex;
  }
  if (row.yearGroup !== undefined && row.yearGroup !== pupil.yearGroup) {
    changes.push({ field: 'Year group', from: yearGroupLabel(pupil.yearGroup), to: yearGroupLabel(row.yearGroup) });
    update.yearGroup = row.yearGroup;
  }
  if (row.registrationGroup !== undefined && row.registrationGroup !== pupil.registrationGroup) {
    changes.push({ field: 'Registration group', from: pupil.registrationGroup || 'none', to: row.registrationGroup || 'none' });
    update.registrationGroup = row.registrationGroup;
  }
  if (row.upn !== undefined && row.upn !== pupil.upn) {
    changes.push({ field: 'UPN', from: pupil.upn || 'none', to: row.upn });
    update.upn = row.upn;
  }
  if (row.sen !== undefined && row.sen !== pupil.sen) {
    changes.push({ field: 'SEN', from: yesNo(pupil.sen), to: yesNo(row.sen) });
    update.sen = row.sen;
  }
  if (row.lookedAfter !== undefined && row.lookedAfter !== pupil.lookedAfter) {
    changes.push({ field: 'Looked after', from: yesNo(pupil.lookedAfter), to: yesNo(row.lookedAfter) });
    update.lookedAfter = row.lookedAfter;
  }
  // A leaving date is taken, never taken away: a pupil marked as left here stays left.
  if (row.leftOn && row.leftOn !== pupil.leftOn) {
    changes.push({ field: 'Left', from: pupil.leftOn ? `Left on ${formatDate(pupil.leftOn)}` : 'On roll', to: `Left on ${formatDate(row.leftOn)}` });
    update.leftOn = row.leftOn;
  }
  return { changes, update };
}

/**
 * Matches each pupil of the file to the register, before anything changes: by UPN, else by legal
 * name and date of birth, else new. Anything uncertain is a possible duplicate for the DSL to
 * decide (`choices`, by line): the same UPN with another date of birth, the same name and date
 * of birth with another UPN, or more than one pupil of that name and date of birth. Nobody is
 * ever removed: pupils not in the file are only listed.
 */
export function matchImport(rows: readonly ImportedPupil[], problems: readonly RowProblem[], register: readonly RegisteredPupil[], choices: Readonly<Record<number, DuplicateChoice>> = {}): ImportPlan {
  const byUpn = new Map<string, RegisteredPupil>();
  const byName = new Map<string, RegisteredPupil[]>();
  const byId = new Map<number, RegisteredPupil>();
  for (const pupil of register) {
    if (pupil.upn) byUpn.set(pupil.upn, pupil);
    const key = nameKey(pupil.firstName, pupil.lastName, pupil.dateOfBirth);
    byName.set(key, [...(byName.get(key) ?? []), pupil]);
    byId.set(pupil.id, pupil);
  }
  const plan: ImportPlan = { newPupils: [], changes: [], unchanged: 0, duplicates: [], problems: [...problems], skipped: 0, notInFile: [] };
  const matchedLineOf = new Map<number, number>();
  const newLineOf = new Map<string, number>();
  const seen = new Set<number>();

  const matchTo = (row: ImportedPupil, pupil: RegisteredPupil) => {
    const earlier = matchedLineOf.get(pupil.id);
    if (earlier !== undefined) {
      plan.problems.push({ line: row.line, reason: `This row and line ${earlier} are both ${fullName(pupil)}: check the two rows in the MIS` });
      return;
    }
    matchedLineOf.set(pupil.id, row.line);
    const { changes, update } = differences(row, pupil);
    if (changes.length === 0) plan.unchanged += 1;
    else plan.changes.push({ line: row.line, pupilId: pupil.id, name: fullName(pupil), changes, update });
  };
  const addNew = (row: ImportedPupil) => {
    if (row.yearGroup === undefined) {
      plan.problems.push({ line: row.line, reason: 'A new pupil needs a year group, and this file has none for them' });
      return;
    }
    const key = nameKey(row.firstName, row.lastName, row.dateOfBirth);
    const earlier = newLineOf.get(key);
    if (earlier !== undefined) {
      plan.problems.push({ line: row.line, reason: `Line ${earlier} is a pupil of the same name and date of birth: check the two rows in the MIS` });
      return;
    }
    newLineOf.set(key, row.line);
    plan.newPupils.push({ ...row, yearGroup: row.yearGroup });
  };

  for (const row of rows) {
    const sameUpn = row.upn ? byUpn.get(row.upn) : undefined;
    const sameName = byName.get(nameKey(row.firstName, row.lastName, row.dateOfBirth)) ?? [];
    const possible: Omit<PossibleDuplicate, 'line' | 'pupil'> | null = sameUpn
      ? sameUpn.dateOfBirth === row.dateOfBirth
        ? null
        : { reason: `${fullName(sameUpn)} has this UPN but was born on ${formatDate(sameUpn.dateOfBirth)}, not ${formatDate(row.dateOfBirth)}`, candidates: [candidate(sameUpn)], mayBeNew: false }
      : sameName.length > 1
        ? { reason: `${sameName.length} pupils here have this name and date of birth`, candidates: sameName.map(candidate), mayBeNew: false }
        : sameName.length === 1 && row.upn && sameName[0]!.upn && sameName[0]!.upn !== row.upn
          ? { reason: `${fullName(sameName[0]!)}, born the same day, has another UPN (${sameName[0]!.upn})`, candidates: [candidate(sameName[0]!)], mayBeNew: true }
          : null;
    for (const c of possible?.candidates ?? []) seen.add(c.id);
    if (possible) {
      const choice = choices[row.line];
      if (!choice) plan.duplicates.push({ line: row.line, pupil: row, ...possible });
      else if (choice.kind === 'skip') plan.skipped += 1;
      else if (choice.kind === 'new' && possible.mayBeNew) addNew(row);
      else if (choice.kind === 'pupil' && possible.candidates.some((c) => c.id === choice.pupilId)) matchTo(row, byId.get(choice.pupilId)!);
      else plan.duplicates.push({ line: row.line, pupil: row, ...possible });
      continue;
    }
    const match = sameUpn ?? sameName[0];
    if (match) matchTo(row, match);
    else addNew(row);
  }
  plan.problems.sort((a, b) => a.line - b.line);
  plan.notInFile = register.filter((p) => p.leftOn === null && !matchedLineOf.has(p.id) && !seen.has(p.id)).map(candidate);
  return plan;
}
