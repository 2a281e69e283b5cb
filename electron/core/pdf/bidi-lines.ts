import bidiFactory from 'bidi-js';
import { createRequire } from 'node:module';

/**
 * pdfmake lays text out left to right only. Right-to-left text (Arabic, Hebrew names) is
 * put into reading order here, per line, as the Unicode bidi algorithm's rule L2 says: once
 * pdfmake has broken the text into lines, the words of each right-to-left stretch of a line
 * swap places (text-runs.ts gave each piece its bidi level). Within a word, fontkit already
 * shapes Arabic (joined letter forms) and lays the glyphs right to left. This has to be done
 * where each line is drawn: before that the lines are not known, and reordering a whole
 * string in advance would put a wrapped name's words on the wrong lines.
 *
 * The one place pdfmake offers is its renderer's `renderLine`, patched once below. The
 * patch checks the shapes it relies on and fails loudly if a pdfmake upgrade changed them
 * (pdfmake is pinned in package.json; test/integration/pdf-scripts.test.ts covers this).
 */

type Glyph = { codePoints: number[] };
type LayoutResult = { glyphs: Glyph[] | null };
type PdfKitFont = { layout: (text: string, features?: unknown, onlyWidth?: boolean) => LayoutResult };
type Inline = { text: string; x: number; width: number; trailingCut?: number; bidiLevel?: unknown; font?: PdfKitFont };
type Line = { inlines: Inline[] };
type RenderLine = (this: unknown, line: Line, x: number, y: number) => unknown;

const levelOf = (inline: Inline) => (typeof inline.bidiLevel === 'number' ? inline.bidiLevel : 0);

/**
 * Rule L2: from the highest level down to 1, every stretch of pieces at that level or
 * higher is reversed. Returns the pieces' indices in visual order (left to right).
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  const highest = Math.max(0, ...levels);
  for (let level = highest; level >= 1; level -= 1) {
    let i = 0;
    while (i < order.length) {
      if (levels[order[i]!]! < level) {
        i += 1;
        continue;
      }
      let end = i;
      while (end < order.length && levels[order[end]!]! >= level) end += 1;
      order.splice(i, end - i, ...order.slice(i, end).reverse());
      i = end;
    }
  }
  return order;
}

const bidi = bidiFactory();
const lineStarts = new WeakMap<Line, number>();
const turned = new WeakSet<Inline>();

/** Letters fontkit lays out right to left by itself: a word with one is drawn right to left. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * Brackets in right-to-left text are drawn mirrored (rule L4: the "(" typed before an Arabic
 * word opens to the left), which fontkit does not do. A right-to-left piece with no
 * right-to-left letter ("- " between two Arabic names) is drawn left to right by fontkit, so
 * its characters are also put in visual order here (rule L2). Once per piece, however often
 * the line is drawn.
 */
function drawRightToLeft(inline: Inline): void {
  if (turned.has(inline)) return;
  turned.add(inline);
  const chars = [...inline.text].map((ch) => bidi.getMirroredCharacter(ch) ?? ch);
  inline.text = (RTL_LETTER.test(inline.text) ? chars : chars.reverse()).join('');
}

/**
 * Moves a line's pieces to their visual places, keeping the line's start and each piece's
 * width. The pieces stay in typed order in the array and only their positions change; the
 * line's start is remembered, so drawing a line twice (a heading row repeated on a new page)
 * lays it out the same. The space pdfmake leaves after a line's last word is not printed
 * (its `trailingCut`); a right-to-left word draws that space on its left, so it is pulled
 * back over the space before it rather than widening the gap.
 */
function reorderLine(line: Line): void {
  const levels = line.inlines.map(levelOf);
  if (levels.every((level) => level === 0)) return;
  let x = lineStarts.get(line) ?? Math.min(...line.inlines.map((inline) => inline.x));
  lineStarts.set(line, x);
  const last = line.inlines.length - 1;
  for (const index of visualOrder(levels)) {
    const inline = line.inlines[index]!;
    const rightToLeft = levels[index]! % 2 === 1;
    if (rightToLeft) drawRightToLeft(inline);
    const cut = index === last && rightToLeft ? (inline.trailingCut ?? 0) : 0;
    inline.x = x - cut;
    x += inline.width - cut;
  }
}

const RTL_CHARACTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const patchedFonts = new WeakSet<PdfKitFont>();

/**
 * A ligature (Arabic lam-alef, lam-yeh) is one glyph for two letters. pdfkit maps it to
 * the letters in typed order, but a PDF reader that extracts text from right-to-left glyphs
 * spreads a glyph's letters left to right and then reverses the lot, so "ليلى" would copy
 * as "ليىل" (poppler's pdftotext does, as tried). Mapping a right-to-left ligature to its
 * letters in visual order makes such readers give back the name as typed.
 */
function mapLigaturesVisually(font: PdfKitFont): void {
  if (patchedFonts.has(font)) return;
  patchedFonts.add(font);
  const layout = font.layout.bind(font);
  font.layout = (text, features, onlyWidth) => {
    const result = layout(text, features, onlyWidth);
    if (result.glyphs && RTL_CHARACTER.test(text)) {
      result.glyphs = result.glyphs.map((glyph) => {
        if (glyph.codePoints.length < 2 || !glyph.codePoints.some((cp) => RTL_CHARACTER.test(String.fromCodePoint(cp)))) return glyph;
        const visual: Glyph = Object.create(glyph) as Glyph;
        Object.defineProperty(visual, 'codePoints', { value: [...glyph.codePoints].reverse() });
        return visual;
      });
    }
    return result;
  };
}

let installed = false;

/** Patches pdfmake's renderer once per process; pdfmake is one module-wide instance. */
export function installBidiLines(): void {
  if (installed) return;
  const require = createRequire(import.meta.url);
  const rendererModule: unknown = require('pdfmake/js/Renderer');
  const Renderer = (rendererModule as { default?: { prototype?: { renderLine?: unknown } } }).default;
  const original = Renderer?.prototype?.renderLine;
  if (!Renderer?.prototype || typeof original !== 'function') {
    throw new Error('pdfmake’s renderer has changed: right-to-left text cannot be put into reading order.');
  }
  const renderLine = original as RenderLine;
  Renderer.prototype.renderLine = function (this: unknown, line: Line, x: number, y: number) {
    reorderLine(line);
    for (const inline of line.inlines) {
      if (levelOf(inline) % 2 === 1 && inline.font) mapLigaturesVisually(inline.font);
    }
    return renderLine.call(this, line, x, y);
  };
  installed = true;
}
