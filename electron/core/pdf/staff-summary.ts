import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { citationText } from '../../../shared/help/citations';
import { STAFF_SUMMARY } from '../../../shared/help/staff-summary';
import { paragraph, sectionHeading } from './blocks';
import { framedDocument } from './frame';

export type StaffSummarySource = {
  schoolName: string;
  /** Active staff who hold the DSL or deputy DSL role, as the staff list names them. */
  dsls: readonly { name: string; role: string }[];
  printedBy: string;
  printedAt: string;
  /** Made in practice mode: watermarked like every practice PDF. */
  practice?: boolean;
};

/**
 * The one-page summary for staff who are not DSLs: a sheet for the staffroom wall or a
 * lanyard, so it names the school's DSLs and says what to do and never do in a few lines.
 * test/integration/staff-summary-pdf.test.ts checks it stays on one A4 page.
 */
export function staffSummaryDocument(source: StaffSummarySource): TDocumentDefinitions {
  const dsls: Content =
    source.dsls.length > 0
      ? { ul: source.dsls.map((dsl) => ({ text: [{ text: dsl.name, bold: true }, ` (${dsl.role})`] })), margin: [0, 0, 0, 4] }
      : paragraph('No DSL is recorded in the app yet: ask the headteacher who your DSL is.');
  const content: Content[] = [
    { text: STAFF_SUMMARY.title, style: 'title' },
    { text: source.schoolName, style: 'subtitle' },
    paragraph(STAFF_SUMMARY.gloss),
    sectionHeading('What to do'),
    { ol: STAFF_SUMMARY.toDo.map((text) => ({ text, margin: [0, 0, 0, 3] })) },
    sectionHeading('What never to do'),
    { ul: STAFF_SUMMARY.neverDo.map((text) => ({ text, bold: true, margin: [0, 0, 0, 3] })) },
    { text: STAFF_SUMMARY.ifSeen, margin: [0, 4, 0, 0] },
    sectionHeading(source.dsls.length === 1 ? 'Your Designated Safeguarding Lead' : 'Your Designated Safeguarding Leads'),
    dsls,
    { text: `“${STAFF_SUMMARY.quote.text}.”`, italics: true, margin: [0, 10, 0, 2] },
    paragraph(`— ${citationText(STAFF_SUMMARY.quote.cite)}`, 'note'),
    paragraph(`Sources: ${STAFF_SUMMARY.citations.filter((c) => c.advice === 'ukccis-2016').map(citationText).join('; ')}.`, 'note'),
  ];
  return framedDocument({ title: 'Staff summary', schoolName: source.schoolName, reference: 'For all staff', printedBy: source.printedBy, printedAt: source.printedAt, practice: source.practice === true }, content);
}
