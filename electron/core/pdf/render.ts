import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { installBidiLines } from './bidi-lines';
import { withTextRuns } from './document-runs';
import { fontDictionary, glyphCoverage } from './fonts';
import { installLineMetrics } from './line-metrics';
import { unprintableCharacters } from './text-runs';

/** The file, its page count, and any characters no embedded font could print (shown as boxes). */
export type RenderedPdf = { buffer: Buffer; pages: number; unprintable: string[] };

/**
 * Lays out and renders a document definition. pdfmake is one module-wide instance, so its
 * fonts and access rules are set on every call: nothing but the font files may be read,
 * and no URL may ever be fetched (a record's text must never turn into a request). Every
 * string is printed in runs of a font that has its glyphs, right-to-left runs in reading
 * order (docs/decisions/0008-pdf-scripts.md).
 */
export async function renderPdf(definition: TDocumentDefinitions, fontsDir: string): Promise<RenderedPdf> {
  const fonts = fontDictionary(fontsDir);
  const allowed = new Set(Object.values(fonts).flatMap((family) => Object.values(family)));
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  installBidiLines();
  installLineMetrics();

  let pages = 0;
  const coverage = glyphCoverage(fontsDir);
  // Every string the body prints; the header and footer repeat the school and reference it already holds.
  const unprintable = unprintableCharacters(JSON.stringify(definition.content), coverage);
  const printed = withTextRuns(definition, coverage);
  const userFooter = printed.footer;
  const counted: TDocumentDefinitions = {
    ...printed,
    footer: (currentPage, pageCount, pageSize) => {
      pages = pageCount;
      return typeof userFooter === 'function' ? userFooter(currentPage, pageCount, pageSize) : (userFooter ?? null);
    },
  };
  const buffer = await pdfmake.createPdf(counted).getBuffer();
  return { buffer, pages, unprintable };
}
