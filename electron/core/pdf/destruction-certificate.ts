import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate, formatDateTime } from '../../../shared/domain/dates';
import { CERTIFICATE_PROVES, removedRows, type DestructionCertificateView } from '../../../shared/domain/destruction';
import { keyValueTable, paragraph, sectionHeading } from './blocks';
import { framedDocument } from './frame';

/**
 * One page from the `records.destroyed` audit row (decision 0030): what was destroyed, when
 * and why, by whom, how many rows of each kind, the content hash, and the row's place and
 * fingerprint in the audit log, so the paper can be checked against the log and the log
 * against the paper.
 */
export function destructionCertificateDocument(
  certificate: DestructionCertificateView,
  frame: { schoolName: string; printedBy: string; printedAt: string; backupsWarning: string },
): TDocumentDefinitions {
  const dates: [string, string][] = [
    ['Record destroyed', certificate.kind === 'incident' ? `Incident ${certificate.reference}` : certificate.reference],
    ...(certificate.cameToAttentionOn ? [['Came to the school’s attention', formatDate(certificate.cameToAttentionOn)] as [string, string]] : []),
    ['Recorded', formatDateTime(certificate.recordedAt)],
    [certificate.kind === 'incident' ? 'Closed' : 'Left the school', certificate.closedOn ? formatDate(certificate.closedOn) : 'Not recorded'],
    ['Destroyed', formatDateTime(certificate.at)],
    ['Decided by', `${certificate.decidedByName} (staff ${certificate.decidedBy}), DSL`],
    ['Reason', certificate.reason],
    ['Due under', certificate.dueUnder ? `Retention decision ${certificate.dueUnder.reviewId}: review due ${formatDate(certificate.dueUnder.nextReviewOn)}` : 'No retention decision recorded'],
  ];
  const counts = removedRows(certificate.rows);
  const content: Content[] = [
    { text: 'Certificate of destruction', style: 'title' },
    { text: frame.schoolName, style: 'subtitle' },
    ...keyValueTable(dates),
    sectionHeading('What was removed'),
    ...keyValueTable(counts),
    sectionHeading('Proof'),
    ...keyValueTable([
      ['Content hash (SHA-256)', certificate.contentHash],
      ['How it was taken', certificate.hashMethod],
      ['Audit log row', String(certificate.auditSeq)],
      ['Row fingerprint', certificate.fingerprint],
    ]),
    paragraph(CERTIFICATE_PROVES),
    paragraph(frame.backupsWarning, 'note'),
  ];
  return framedDocument(
    { title: 'Certificate of destruction', schoolName: frame.schoolName, reference: certificate.reference, printedBy: frame.printedBy, printedAt: frame.printedAt },
    content,
  );
}
