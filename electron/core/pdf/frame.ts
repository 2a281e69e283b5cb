import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { STYLES } from './blocks';
import { FONT_FAMILY } from './fonts';
import { PRACTICE_MARK } from '../../../shared/domain/practice';

const MARKING = 'OFFICIAL-SENSITIVE';
/** Marks header and footer text (STYLES.frame), apart from the content. */
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
  /** A voided incident: every page says so, so no loose page passes for a live record. */
  voided?: boolean;
  /**
   * The end of the audit log as it stood when this was printed (decision 0017), for the last
   * page: a paper copy kept away from the computer then contradicts a log cut short later.
   */
  anchor?: { seq: number; hash: string } | null;
  /** Made in practice mode (decision 0032): every page is marked and watermarked as not a real record. */
  practice?: boolean;
};

/** The last page's line naming the audit log's end when printed, and who was signed in. */
function anchorLine(anchor: { seq: number; hash: string }, signedIn: string): string {
  return `Audit log when printed: row ${anchor.seq}, fingerprint ${anchor.hash.slice(0, 16)}. Signed in: ${signedIn}.`;
}

const VOIDED_MARKING = 'VOIDED — opened by mistake; not a current record';

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
        ...(frame.practice ? [{ text: PRACTICE_MARK, style: FRAME, alignment: 'center' as const, bold: true, fontSize: 9, color: '#a00000' }] : []),
        ...(frame.voided ? [{ text: VOIDED_MARKING, style: FRAME, alignment: 'center' as const, bold: true, fontSize: 9, color: '#a00000' }] : []),
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
        ...(frame.anchor && currentPage === pageCount
          ? [{ text: anchorLine(frame.anchor, frame.printedBy), style: FRAME, fontSize: 8, alignment: 'center' as const, color: '#444444' }]
          : []),
        { text: MARKING, style: FRAME, alignment: 'center', bold: true, fontSize: 11, margin: [0, 4, 0, 0] },
      ],
    }),
    content,
    ...(frame.practice
      ? { watermark: { text: PRACTICE_MARK, color: '#a00000', opacity: 0.15, bold: true, fontSize: 40 } }
      : frame.voided
        ? { watermark: { text: 'VOIDED', color: '#a00000', opacity: 0.12, bold: true } }
        : {}),
  };
}
