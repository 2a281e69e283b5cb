import { createRequire } from 'node:module';
import { LINE_METRICS, type FontFamily } from './fonts';

/**
 * Gives the Arabic and Hebrew fonts the line metrics in fonts.ts (LINE_METRICS) instead of
 * their own. pdfmake reads a font's ascender and descender from the pdfkit font object it
 * gets from its document's `provideFont`, for line heights and for the baseline, and pdfkit
 * reads the same fields when it places the text, so changing them there changes both alike.
 * pdfmake offers no option for it; the patch checks the shape of what it patches and fails
 * loudly if a pdfmake upgrade changed it (pdfmake is pinned in package.json).
 */

type PdfKitFont = { ascender: number; descender: number };
type ProvideFont = (this: unknown, family: string, bold: boolean, italics: boolean) => PdfKitFont;

const isFamily = (family: string): family is FontFamily => family in LINE_METRICS;

let installed = false;

export function installLineMetrics(): void {
  if (installed) return;
  const require = createRequire(import.meta.url);
  const documentModule: unknown = require('pdfmake/js/PDFDocument');
  const PDFDocument = (documentModule as { default?: { prototype?: { provideFont?: unknown } } }).default;
  const original = PDFDocument?.prototype?.provideFont;
  if (!PDFDocument?.prototype || typeof original !== 'function') {
    throw new Error('pdfmake’s document has changed: the line heights of Arabic and Hebrew text cannot be set.');
  }
  const provideFont = original as ProvideFont;
  PDFDocument.prototype.provideFont = function (this: unknown, family: string, bold: boolean, italics: boolean) {
    const font = provideFont.call(this, family, bold, italics);
    const metrics = isFamily(family) ? LINE_METRICS[family] : undefined;
    if (metrics) {
      font.ascender = metrics.ascender;
      font.descender = metrics.descender;
    }
    return font;
  };
  installed = true;
}
