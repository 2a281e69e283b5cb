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

/** Letters of the scripts written right to left. */
const RTL_LETTERS = String.raw`\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}`;

/** Characters every script shares (spaces, punctuation, digits) or that attach to the one before (accents). */
const SHARED = /[\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * An incident reference, "YPSI-2026-001" (shared/domain/incidents.ts). pdfmake may break a
 * line after any hyphen; a reference split across two lines reads as two references.
 */
const REFERENCE = /YPSI-\d{4}-\d{3,}/gu;


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

/**
 * From a right-to-left letter to the last one before a left-to-right letter or a new line,
 * with the spaces, marks, numbers and punctuation between; then, apart, what follows up to
 * a closing bracket.
 */
const RTL_STRETCH = new RegExp(`([${RTL_LETTERS}](?:[^\\p{L}\\n]*[${RTL_LETTERS}])*)([^\\p{L}\\n]*[)\\]}])?`, 'gu');

const ISOLATE = '\u2067'; // RIGHT-TO-LEFT ISOLATE
const END_ISOLATE = '\u2069'; // POP DIRECTIONAL ISOLATE

/** How many brackets a piece of text opens and does not close. */
function unclosed(text: string): number {
  let open = 0;
  for (const ch of text) {
    if ('([{'.includes(ch)) open += 1;
    else if (')]}'.includes(ch)) open = Math.max(0, open - 1);
  }
  return open;
}

/**
 * Marks each right-to-left stretch as an isolate, as HTML's <bdi> isolates text set into a
 * page: a name is set into an English sentence, so what follows it (": 2 incidents", ", aged
 * 15") keeps the sentence's order rather than joining the name's. A bracket opened in the
 * stretch ("ليلى (الصف 10)") is closed inside it, so the pair stays a pair.
 */
function isolateStretches(text: string): string {
  return text.replace(RTL_STRETCH, (_, stretch: string, tail: string | undefined) => {
    const closes = tail !== undefined && unclosed(stretch) > 0;
    return `${ISOLATE}${stretch}${closes ? tail : ''}${END_ISOLATE}${closes ? '' : (tail ?? '')}`;
  });
}

/**
 * The bidi level of each character (by code point, not UTF-16 unit), in a left-to-right
 * paragraph, the document being in English, with each right-to-left stretch isolated.
 */
function levelsOf(text: string, chars: readonly string[]): number[] {
  if (!RIGHT_TO_LEFT.test(text)) return chars.map(() => 0);
  const isolated = isolateStretches(text);
  const { levels } = bidi.getEmbeddingLevels(isolated, 'ltr');
  const result: number[] = [];
  let unit = 0;
  for (const ch of chars) {
    while (isolated[unit] === ISOLATE || isolated[unit] === END_ISOLATE) unit += 1;
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
    const run: TextRun = { text: chars.slice(start, i).join('') };
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

/** Formatting characters that print nothing: no font needs a glyph for them. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{M}]/u;

/**
 * The characters of `text` that no embedded font can print (they would show as boxes), in
 * the order first met. The app embeds fonts for Latin, Greek, Cyrillic, Arabic and Hebrew;
 * a name typed in another script is reported so the DSL is told, not left to find boxes.
 */
export function unprintableCharacters(text: string, has: GlyphCoverage): string[] {
  const missing = new Set<string>();
  for (const ch of text.normalize('NFC')) {
    const codePoint = ch.codePointAt(0)!;
    if (codePoint < 0x80 || INVISIBLE.test(ch) || missing.has(ch)) continue;
    if (!FONT_FAMILIES.some((family) => has(family, codePoint))) missing.add(ch);
  }
  return [...missing];
}
