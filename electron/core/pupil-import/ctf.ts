import { XMLParser } from 'fast-xml-parser';
import type { CsvRow } from '../../../shared/domain/pupils/csv';
import { AppError } from '../errors';

/**
 * The DfE's Common Transfer File (CTF), the XML a school's MIS exports when pupils move
 * (CTF specification, section 4.3.2 "Pupil data": each pupil a <Pupil> under <CTFpupilData>
 * under <CTfile>; https://www.gov.uk/government/publications/common-transfer-file-13-guide-specification-and-schema
 * and its later versions, e.g. CTF 21 v1.1, July 2021). Each pupil's core details are read into
 * the same rows a CSV gives, under these headings, which the import already knows; so a CTF is
 * matched, previewed and applied exactly as a CSV export is.
 */
export const CTF_HEADINGS = ['UPN', 'Surname', 'Forename', 'Preferred Surname', 'Preferred Forename', 'DOB', 'Gender', 'NCyearActual', 'InCare', 'SENprovision'] as const;

/** Where each heading's value is, by element name, looked for anywhere inside the pupil (versions differ on nesting). */
const ELEMENT_OF: Record<(typeof CTF_HEADINGS)[number], readonly string[]> = {
  UPN: ['UPN'],
  Surname: ['Surname', 'LegalSurname'],
  Forename: ['Forename', 'LegalForename'],
  'Preferred Surname': ['PreferredSurname'],
  'Preferred Forename': ['PreferredForename'],
  DOB: ['DOB'],
  Gender: ['Gender', 'Sex'],
  NCyearActual: ['NCyearActual'],
  InCare: ['InCare'],
  SENprovision: ['SENprovision'],
};

type Node = string | { [name: string]: Node | Node[] } | Node[];

/** The text of the first element named one of `names`, depth first, under `node`. */
function find(node: Node, names: readonly string[]): string | undefined {
  if (typeof node === 'string') return undefined;
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = find(child, names);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const name of names) {
    const value = node[name];
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  }
  for (const child of Object.values(node)) {
    const found = find(child, names);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether the text looks like XML at all (after any byte-order mark and white space). */
export function looksLikeXml(text: string): boolean {
  return /^\uFEFF?\s*<(\?xml|CTfile)/.test(text);
}

/** The pupils of a CTF as rows under CTF_HEADINGS, numbered 2, 3, … in the file's order (the heading is line 1). */
export function ctfRows(text: string): CsvRow[] {
  // No document type declarations: a CTF has none, and entity definitions are how XML files
  // are made to expand without end.
  if (/<!DOCTYPE/i.test(text)) throw new AppError('invalid_input', 'This XML file declares a document type, which a Common Transfer File never does. Export the CTF from the MIS again.');
  let document: Node;
  try {
    document = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true, isArray: (name) => name === 'Pupil' }).parse(text) as Node;
  } catch {
    throw new AppError('invalid_input', 'This XML file is damaged or incomplete, so its pupils cannot be read. Export the CTF from the MIS again.');
  }
  const root = typeof document === 'object' && !Array.isArray(document) ? document.CTfile : undefined;
  const data = root && typeof root === 'object' && !Array.isArray(root) ? root.CTFpupilData : undefined;
  const pupils = data && typeof data === 'object' && !Array.isArray(data) ? data.Pupil : undefined;
  if (!root) throw new AppError('invalid_input', 'This XML file is not a Common Transfer File (it has no CTfile). Export a CTF or a CSV pupil list from the MIS.');
  if (!Array.isArray(pupils) || pupils.length === 0) throw new AppError('invalid_input', 'This Common Transfer File has no pupils in it.');
  return pupils.map((pupil, index) => ({ line: index + 2, cells: CTF_HEADINGS.map((heading) => find(pupil, ELEMENT_OF[heading]) ?? '') }));
}
