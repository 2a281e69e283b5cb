import bidiFactory from 'bidi-js';
import { FONT_FAMILIES, FONT_FAMILY, type FontFamily, type GlyphCoverage } from './fonts';

/**
 * One piece of a printed string, as a pdfmake inline. `font` is set only where the
 * document's own font lacks the glyphs; `bidiLevel` (odd = right to left) is read when the
 * line is drawn (bidi-lines.ts); `noWrap` keeps a reference on one line.
 */
export type TextRun = { text: string; font?: FontFamily; bidiLevel?: number; noWrap?: true };

const bidi = bidiFactory();

/** Characters of scripts written right to left, and the explicit marks: only text with one needs the bidi algorithm. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\u200F\u202B\u202E\u2067\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** Characters every script shares (spaces, punctuation, digits) or that attach to the one before (accents). */
const SHARED = /[\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * An incident reference, "YPSI-2026-001" (shared/domain/incidents.ts). pdfmake may break a
 * line after any hyphen; a reference split across two lines reads as two references.
 */
const REFERENCE = /YPSI-\d{4}-\d{3,}/gu;

/** Letters of the scripts fontkit lays out right to left by itself (it reverses a word with one). */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * A right-to-left run of only spaces, punctuation or symbols (the ": " after a Hebrew name)
 * is not reversed by fontkit, which sees no right-to-left letter in it: its characters are
 * put in visual order here, brackets mirrored, as the bidi algorithm's rules L2 and L4 say.
 */
function visualNeutrals(text: string): string {
  return [...text].reverse().map((ch) => bidi.getMirroredCharacter(ch) ?? ch).join('');
}

/** Only what prints differently from plain text in the document's own font. */
const plain = (runs: readonly TextRun[]) => runs.length === 1 && runs[0]!.font === undefined && runs[0]!.bidiLevel === undefined && runs[0]!.noWrap === undefined;

/**
 * The font each character prints in: the first family that has its glyph. A shared
 * character (a space between two Arabic words, an accent) stays in the font before it when
 * that font has it, so a word is not cut into pieces that could not be shaped together.
 */
function familiesOf(chars: readonly string[], has: GlyphCoverage): FontFamily[] {
  const families: FontFamily[] = [];
  let previous: FontFamily = FONT_FAMILY;
  for (const ch of chars) {
    const codePoint = ch.codePointAt(0)!;
    let family: FontFamily;
    if (SHARED.test(ch) && has(previous, codePoint)) family = previous;
    else family = FONT_FAMILIES.find((f) => has(f, codePoint)) ?? FONT_FAMILY;
    families.push(family);
    previous = family;
  }
  return families;
}

/** The bidi level of each character (by code point, not UTF-16 unit), in a left-to-right paragraph: the document is in English. */
function levelsOf(text: string, chars: readonly string[]): number[] {
  if (!RIGHT_TO_LEFT.test(text)) return chars.map(() => 0);
  const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
  const result: number[] = [];
  let unit = 0;
  for (const ch of chars) {
    result.push(levels[unit] ?? 0);
    unit += ch.length;
  }
  return result;
}

/** Which characters belong to a reference. */
function referenceMask(text: string, chars: readonly string[]): boolean[] {
  const inUnits = new Uint8Array(text.length);
  for (const match of text.matchAll(REFERENCE)) inUnits.fill(1, match.index, match.index + match[0].length);
  const mask: boolean[] = [];
  let unit = 0;
  for (const ch of chars) {
    mask.push(inUnits[unit] === 1);
    unit += ch.length;
  }
  return mask;
}

/**
 * Splits a string into runs of one font, one bidi level and one kind (a reference or not).
 * Text is printed in NFC, so letters with accents typed as separate marks (as some
 * keyboards do for Vietnamese) use the fonts' composed glyphs.
 */
export function textRuns(input: string, has: GlyphCoverage): TextRun[] {
  const text = input.normalize('NFC');
  const chars = [...text];
  if (chars.length === 0) return [{ text }];
  const families = familiesOf(chars, has);
  const levels = levelsOf(text, chars);
  const references = referenceMask(text, chars);

  const runs: TextRun[] = [];
  let start = 0;
  for (let i = 1; i <= chars.length; i += 1) {
    if (i < chars.length && families[i] === families[start] && levels[i] === levels[start] && references[i] === references[start]) continue;
    const piece = chars.slice(start, i).join('');
    const neutral = levels[start]! % 2 === 1 && !RTL_LETTER.test(piece);
    const run: TextRun = { text: neutral ? visualNeutrals(piece) : piece };
    if (families[start] !== FONT_FAMILY) run.font = families[start]!;
    if (levels[start] !== 0) run.bidiLevel = levels[start]!;
    if (references[start]) run.noWrap = true;
    runs.push(run);
    start = i;
  }
  return runs;
}

/** Plain ASCII, which the document's own font has, written left to right: most of a record. */
const ASCII = /^[\x20-\x7E\n]*$/u;

/** A string as pdfmake text: the string itself when nothing about it needs a run of its own. */
export function printable(text: string, has: GlyphCoverage): string | TextRun[] {
  if (ASCII.test(text) && !text.includes('YPSI-')) return text;
  const runs = textRuns(text, has);
  return plain(runs) ? runs[0]!.text : runs;
}
