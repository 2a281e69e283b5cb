import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { STYLES } from './blocks';
import { FONT_FAMILY } from './fonts';

export const MARKING = 'OFFICIAL-SENSITIVE';
/** The style name that marks header and footer text, so page-break rules can skip it. */
const FRAME = 'frame';

export type Frame = {
  /** E.g. "Incident report", for the PDF's title. */
  title: string;
  schoolName: string;
  /** The incident reference, or what the document is about when it covers several. */
  reference: string;
  printedBy: string;
  /** Already in school time, e.g. "27 Nov 2026, 09:14". */
  printedAt: string;
};

/**
 * Every page carries the protective marking at top and bottom, the school and the reference
 * (a loose page can be returned to its document), and who printed it when, with page n of m.
 */
export function framedDocument(frame: Frame, content: Content[]): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [48, 64, 48, 64],
    info: { title: `${frame.title} — ${frame.reference}`, author: frame.schoolName, subject: MARKING, creator: 'YPSI Records', producer: 'YPSI Records' },
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.15 },
    styles: STYLES,
    header: () => ({
      margin: [48, 20, 48, 0],
      stack: [
        { text: MARKING, style: FRAME, alignment: 'center', bold: true, fontSize: 11 },
        {
          columns: [
            { text: frame.schoolName, style: FRAME, fontSize: 8, color: '#444444' },
            { text: frame.reference, style: FRAME, fontSize: 8, color: '#444444', alignment: 'right' },
          ],
          margin: [0, 4, 0, 0],
        },
      ],
    }),
    footer: (currentPage, pageCount) => ({
      margin: [48, 16, 48, 0],
      stack: [
        { text: `Printed by ${frame.printedBy} on ${frame.printedAt} — page ${currentPage} of ${pageCount}`, style: FRAME, fontSize: 8, alignment: 'center', color: '#444444' },
        { text: MARKING, style: FRAME, alignment: 'center', bold: true, fontSize: 11, margin: [0, 4, 0, 0] },
      ],
    }),
    // A heading never ends a page: when nothing but headings (and an entry's meta line,
    // level 3) follows it on its page, it moves to the next page with what it introduces.
    pageBreakBefore: (node, following) => {
      // pdfmake also lists containers (stacks, columns, tables: no text of their own) and
      // the page's header and footer; only text that belongs to the content counts.
      const info = (n: unknown) => n as { headlineLevel?: number; style?: unknown; text?: unknown };
      const isHeading = (n: unknown) => info(n).headlineLevel !== undefined;
      const content = following.getFollowingNodesOnPage().filter((n) => info(n).text !== undefined && info(n).style !== FRAME);
      return isHeading(node) && content.every(isHeading);
    },
    content,
  };
}
