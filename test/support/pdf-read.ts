// Reading a printed record back the way a reader of the PDF meets it: pdftotext (Debian
// poppler-utils) for the text, its word boxes for where each word sits, and the page
// content streams for which glyphs were drawn.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** Bidi marks pdftotext puts around right-to-left text it has put back into typed order. */
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** The PDF's text in reading order, bidi marks removed and runs of spaces folded. */
export function readingText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(BIDI_MARKS, '').replace(/\s+/gu, ' ');
}

export type WordBox = { page: number; xMin: number; yMin: number; xMax: number; yMax: number; text: string };

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * Every word pdftotext finds, with its box, as drawn: a right-to-left word's letters come
 * left to right as they sit on the page (so reversed from how it was typed).
 */
export function wordBoxes(file: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const words: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/u.exec(line);
    if (match) words.push({ page, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), text: decode(match[5]!) });
  }
  return words;
}

/**
 * Glyph ids the PDF draws with 0: the font's .notdef, the box printed for a character the
 * font has no glyph for. pdfkit writes text as 4-hex-digit glyph ids (Identity-H) in the
 * Flate-compressed page streams; a subset keeps .notdef as glyph 0.
 */
export function notdefCount(file: string): number {
  const pdf = readFileSync(file);
  let count = 0;
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start === -1) break;
    const end = pdf.indexOf('\nendstream', start);
    if (end === -1) break;
    at = end + '\nendstream'.length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start + 'stream\n'.length, end)).toString('latin1');
    } catch {
      continue; // not Flate (an image or a font file): holds no text
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/gu)) {
      for (const hex of array[1]!.matchAll(/<([0-9a-fA-F]*)>/gu)) {
        for (let i = 0; i + 4 <= hex[1]!.length; i += 4) if (hex[1]!.slice(i, i + 4) === '0000') count += 1;
      }
    }
  }
  return count;
}
