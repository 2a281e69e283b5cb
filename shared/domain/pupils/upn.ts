/**
 * The Unique Pupil Number (UPN): a check letter then 12 characters — a 3-digit local authority
 * number, a 4-digit establishment number, 2 digits of the year of issue and 3 more digits, or,
 * for a temporary UPN, 2 digits and a letter.
 *
 * The check letter is the DfE's (UK Government Data Standards Catalogue, "Unique Pupil Number"
 * v2.0, http://www.govtalk.gov.uk/gdsc/html/noframes/UniquePupilNumber-2-0-Release.htm, and the
 * school census's error 1510, e.g. https://support.arbor-education.com/hc/en-us/articles/360010161153):
 * each of characters 2–13 multiplied by its position (2–13), a temporary UPN's final letter
 * counting as its value in the same alphabet, summed, modulo 23, and read as a letter of
 * A–Z without I, O and S.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** A UPN as typed or exported: spaces gone, upper case. */
export function normaliseUpn(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** The check letter characters 2–13 call for, or null when they are not 11 digits and a digit or letter. */
export function upnCheckLetter(body: string): string | null {
  if (!/^\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const char = body[i]!;
    const value = /\d/.test(char) ? Number(char) : ALPHABET.indexOf(char);
    sum += value * (i + 2);
  }
  return ALPHABET[sum % 23]!;
}

/** Why a (normalised) UPN is not one, in words for the DSL; null when it is. */
export function upnProblem(upn: string): string | null {
  if (upn.length !== 13) return `A UPN has 13 characters; this has ${upn.length}`;
  const expected = upnCheckLetter(upn.slice(1));
  if (expected === null || !ALPHABET.includes(upn[0]!)) {
    return 'A UPN is a letter, 11 digits, then a digit (or, for a temporary UPN, a letter)';
  }
  if (upn[0] !== expected) return `The check letter of this UPN is wrong (the digits call for ${expected}): check it was copied correctly`;
  return null;
}

/** True for a temporary UPN (a letter in position 13), which the MIS replaces with a permanent one later. */
export function isTemporaryUpn(upn: string): boolean {
  return /[A-Z]$/.test(upn);
}
