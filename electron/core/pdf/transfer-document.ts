import { randomBytes } from 'node:crypto';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate, formatDateTime } from '../../../shared/domain/dates';
import { TRANSFER_METHOD_LABELS } from '../../../shared/domain/transfers/transfer';
import type { TransferRecord } from '../db/transfer-queries';
import { keyValueTable, paragraph, sectionHeading } from './blocks';

/** The words on every page of a file sent to another school (issue 20). */
function transferMarking(receivingSchool: string): string {
  return `Child-protection file — for transfer to ${receivingSchool}`;
}

/** The covering letter, then the transfer's details, on their own page(s) before the pupil's file. */
function letterPages(t: TransferRecord, context: { schoolName: string; printedAt: string }): Content[] {
  return [
    { text: 'Covering letter', style: 'title' },
    { text: `From ${context.schoolName} to ${t.receivingSchool}`, style: 'subtitle' },
    ...t.coveringLetter.split(/\n{2,}/).map((block) => paragraph(block)),
    ...keyValueTable(
      [
        ['Pupil', t.pupilName],
        ['Receiving school', t.receivingSchool],
        ['Receiving DSL', t.receivingDsl],
        ['Their contact', t.receivingContact],
        ['How it is sent', TRANSFER_METHOD_LABELS[t.method]],
        ['To arrive by', formatDate(t.dueOn)],
        ['Prepared by', `${t.preparedBy}, ${formatDateTime(t.preparedAt)}`],
        ['Printed', context.printedAt],
      ],
      { heading: [sectionHeading('This transfer')] },
    ),
    { text: '', pageBreak: 'after' },
  ];
}

/**
 * The pupil's file (already built and redacted as exports.pdf builds it) made into a transfer
 * copy: the covering letter first, the transfer marking in every page's header, and, when a
 * password is given, AES-256 encryption. pdfmake 0.3 hands `userPassword`, `ownerPassword`,
 * `permissions` and `version` to PDFKit (node_modules/pdfmake/js/Printer.js, pdfOptions);
 * PDFKit's version '1.7ext3' is AES-256 (foliojs/pdfkit pull request 820,
 * https://github.com/foliojs/pdfkit/pull/820: "AES-256 (PDF 1.7 ExtensionLevel 3)"), written
 * as /V 5 /R 5 with the AESV3 filter. The owner password is random and thrown away: nobody
 * can lift the restrictions, and printing stays allowed so the receiving DSL can file it.
 */
export function transferDocument(
  pupilFile: TDocumentDefinitions,
  t: TransferRecord,
  context: { schoolName: string; printedAt: string; password: string },
): TDocumentDefinitions {
  const marking = transferMarking(t.receivingSchool);
  const inner = pupilFile.header;
  const [left, top, right, bottom] = (pupilFile.pageMargins as [number, number, number, number] | undefined) ?? [48, 64, 48, 64];
  const content = Array.isArray(pupilFile.content) ? pupilFile.content : [pupilFile.content];
  return {
    ...pupilFile,
    pageMargins: [left, top + 14, right, bottom],
    info: { ...pupilFile.info, title: `${marking} — ${pupilFile.info?.title ?? ''}` },
    header: (currentPage, pageCount, pageSize): Content => ({
      stack: [
        { text: marking, style: 'frame', alignment: 'center', bold: true, fontSize: 9, color: '#a00000', margin: [48, 8, 48, 0] },
        (typeof inner === 'function' ? inner(currentPage, pageCount, pageSize) : inner) ?? '',
      ],
    }),
    content: [...letterPages(t, context), ...content],
    ...(context.password === ''
      ? {}
      : {
          version: '1.7ext3' as const,
          userPassword: context.password,
          ownerPassword: randomBytes(24).toString('base64url'),
          permissions: { printing: 'highResolution' as const, copying: false, modifying: false, annotating: false, fillingForms: false, contentAccessibility: true, documentAssembly: false },
        }),
  };
}
