import { z } from 'zod';

/** What a column of a pupil list can hold; 'ignore' leaves it out. */
export const IMPORT_FIELDS = [
  'legalFirstName',
  'legalLastName',
  'preferredFirstName',
  'preferredLastName',
  'dateOfBirth',
  'sex',
  'yearGroup',
  'registrationGroup',
  'upn',
  'sen',
  'lookedAfter',
  'leftOn',
  'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  legalFirstName: 'Legal first name',
  legalLastName: 'Legal surname',
  preferredFirstName: 'Preferred first name',
  preferredLastName: 'Preferred surname',
  dateOfBirth: 'Date of birth',
  sex: 'Sex or gender',
  yearGroup: 'Year group',
  registrationGroup: 'Registration group',
  upn: 'UPN',
  sen: 'SEN status',
  lookedAfter: 'Looked after',
  leftOn: 'Leaving date',
  ignore: 'Leave this column out',
};

/** Heading → field, chosen by the DSL or recognised; every heading of the file has one. */
export const columnMapping = z.record(z.string().max(200), z.enum(IMPORT_FIELDS));
export type ColumnMapping = z.output<typeof columnMapping>;

/** A heading as compared: lower case, letters and digits only, so "Date of Birth" and "date_of_birth" are one. */
function headingKey(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Headings the main MIS exports use, by headingKey. Where each comes from (decision 0031):
 * - SIMS: "Forename", "Surname", "Date of Birth", "Gender" (the SIMS student fields as a
 *   SIMS-syncing product lists them, https://docs.aim.phinite.com/integration/sims-integration/students.html);
 *   "Legal Forename", "Legal Surname", "Preferred Forename", "Preferred Surname", "Reg Group",
 *   "Year", "UPN", "SEN Status" as SIMS's student list reports print them — not confirmed by a
 *   published source.
 * - Bromcom: "FirstName", "LastName", "PreferredFirstName", "PreferredLastName" (the pupil
 *   fields Bromcom's API gives, https://support.parentpaygroup.com/hc/en-gb/articles/6082156615825).
 * - Arbor: "Legal first name", "Legal last name", "Preferred first name", "Preferred last name",
 *   "Registration form", "Year group", "Date of birth", "Gender", "UPN" — Arbor's wording on its
 *   student profile and help pages (https://support.arbor-education.com); the export's exact
 *   headings are not confirmed.
 * - Scholarpack and Integris: not confirmed by any published source; "Legal Surname",
 *   "Legal Forename", "DOB", "NC Year", "Class", "Leaving Date" and "Date of Leaving" are the
 *   common report wordings, and any other heading is mapped once by the DSL.
 */
const KNOWN_HEADINGS: Readonly<Record<string, ImportField>> = {
  legalforename: 'legalFirstName',
  legalfirstname: 'legalFirstName',
  forename: 'legalFirstName',
  firstname: 'legalFirstName',
  legalsurname: 'legalLastName',
  legallastname: 'legalLastName',
  surname: 'legalLastName',
  lastname: 'legalLastName',
  preferredforename: 'preferredFirstName',
  preferredfirstname: 'preferredFirstName',
  preferredsurname: 'preferredLastName',
  preferredlastname: 'preferredLastName',
  dateofbirth: 'dateOfBirth',
  dob: 'dateOfBirth',
  birthdate: 'dateOfBirth',
  gender: 'sex',
  sex: 'sex',
  year: 'yearGroup',
  yeargroup: 'yearGroup',
  ncyear: 'yearGroup',
  ncyearactual: 'yearGroup',
  yeartaughtin: 'yearGroup',
  reggroup: 'registrationGroup',
  registrationgroup: 'registrationGroup',
  registrationform: 'registrationGroup',
  form: 'registrationGroup',
  tutorgroup: 'registrationGroup',
  class: 'registrationGroup',
  upn: 'upn',
  uniquepupilnumber: 'upn',
  senstatus: 'sen',
  senprovision: 'sen',
  sen: 'sen',
  inlacare: 'lookedAfter',
  lookedafter: 'lookedAfter',
  incare: 'lookedAfter',
  cla: 'lookedAfter',
  leavingdate: 'leftOn',
  dateofleaving: 'leftOn',
  leftdate: 'leftOn',
};

/**
 * The mapping offered for a file's headings: first what the DSL chose before for that heading
 * (`remembered`), then the headings recognised; null for a heading nobody has mapped yet.
 */
export function suggestMapping(headings: readonly string[], remembered: ColumnMapping): Record<string, ImportField | null> {
  const mapping: Record<string, ImportField | null> = {};
  for (const heading of headings) {
    mapping[heading] = remembered[heading] ?? KNOWN_HEADINGS[headingKey(heading)] ?? null;
  }
  return mapping;
}

/** Why a complete mapping cannot be used, in words; null when it can. */
export function mappingProblem(mapping: ColumnMapping): string | null {
  const chosen = Object.values(mapping);
  const twice = IMPORT_FIELDS.filter((field) => field !== 'ignore' && chosen.filter((c) => c === field).length > 1);
  if (twice.length > 0) return `Two columns are both set to “${IMPORT_FIELD_LABELS[twice[0]!]}”: choose one and leave the other out`;
  if (!chosen.includes('dateOfBirth')) {
    return 'This file has no date-of-birth column. The date of birth decides a pupil’s age on the date of any imagery, so it is needed: export the list again with the date of birth, or choose which column holds it';
  }
  if (!chosen.includes('legalLastName') || !chosen.includes('legalFirstName')) {
    return 'This file needs a legal first name and a legal surname column: choose which columns hold them';
  }
  return null;
}
