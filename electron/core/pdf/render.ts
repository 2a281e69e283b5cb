import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { fontDictionary } from './fonts';

export type RenderedPdf = { buffer: Buffer; pages: number };

/**
 * Lays out and renders a document definition. pdfmake is one module-wide instance, so its
 * fonts and access rules are set on every call: nothing but the font files may be read,
 * and no URL may ever be fetched (a record's text must never turn into a request).
 */
export async function renderPdf(definition: TDocumentDefinitions, fontsDir: string): Promise<RenderedPdf> {
  const fonts = fontDictionary(fontsDir);
  const allowed = new Set(Object.values(fonts).flatMap((family) => Object.values(family)));
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));

  let pages = 0;
  const userFooter = definition.footer;
  const counted: TDocumentDefinitions = {
    ...definition,
    footer: (currentPage, pageCount, pageSize) => {
      pages = pageCount;
      return typeof userFooter === 'function' ? userFooter(currentPage, pageCount, pageSize) : (userFooter ?? null);
    },
  };
  const buffer = await pdfmake.createPdf(counted).getBuffer();
  return { buffer, pages };
}
