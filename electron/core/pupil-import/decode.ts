import { AppError } from '../errors';

/** Files a DSL may choose by mistake, known by their first bytes, and what to say about each. */
const NOT_A_LIST: readonly { magic: readonly number[]; says: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], says: 'This is a PDF, not a pupil list' },
  { magic: [0x89, 0x50, 0x4e, 0x47], says: 'This is an image (PNG), not a pupil list' },
  { magic: [0xff, 0xd8, 0xff], says: 'This is an image (JPEG), not a pupil list' },
  { magic: [0x47, 0x49, 0x46, 0x38], says: 'This is an image (GIF), not a pupil list' },
  { magic: [0x50, 0x4b, 0x03, 0x04], says: 'This is a spreadsheet workbook (or another zipped file), not a CSV file' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], says: 'This is an older Excel or Word file, not a CSV file' },
];

const HOW_TO_EXPORT = 'Export the pupil list from the MIS as CSV (in Excel: File › Save As › CSV UTF-8), or export a Common Transfer File, and choose that.';

/**
 * The text of a pupil list. UTF-8 (with or without the byte-order mark Excel writes) when the
 * bytes are valid UTF-8; otherwise Windows-1252, what Excel and older MIS exports write on a
 * Windows computer in the UK, where "é" in "Zoë" is one byte that is never valid UTF-8.
 */
export function decodePupilList(bytes: Uint8Array): string {
  for (const { magic, says } of NOT_A_LIST) {
    if (magic.every((byte, i) => bytes[i] === byte)) throw new AppError('invalid_input', `${says}. ${HOW_TO_EXPORT}`);
  }
  if (bytes.length === 0) throw new AppError('invalid_input', `The file you chose is empty. ${HOW_TO_EXPORT}`);
  if (bytes.includes(0)) throw new AppError('invalid_input', `This file is not text, so it is not a pupil list. ${HOW_TO_EXPORT}`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
