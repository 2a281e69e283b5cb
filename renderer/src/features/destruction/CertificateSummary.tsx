import { useState } from 'react';
import { formatDate, formatDateTime } from '../../../../shared/domain/dates';
import { CERTIFICATE_PROVES, type DestructionCertificateView } from '../../../../shared/domain/destruction';
import { useWrite } from '../../api/queries';
import { SummaryRows } from '../../components/SummaryRows';

/** Words for the tables a destruction counts, as a DSL would name them. */
const REMOVED_WORDS: Record<string, string> = {
  incidents: 'Incident record',
  incident_people: 'People on the incident',
  incident_versions: 'Corrections of its details',
  incident_status_changes: 'Closures, reopenings and voiding',
  entries: 'Entries (every version)',
  entry_text: 'Entries’ words in the search index',
  signatures: 'Signatures',
  drafts: 'Unsaved drafts about it',
  legal_holds: 'Released legal holds',
  retention_reviews: 'Retention decisions',
  pupils: 'Pupil record',
  transfers: 'Transfers of the child-protection file',
  received_files: 'Files received from other schools',
};

export function removedRows(rows: Record<string, number>): [string, string][] {
  return Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => [REMOVED_WORDS[table] ?? table, String(n)]);
}

/** A destruction certificate, as the audit row holds it, with "Save the certificate as PDF". */
export function CertificateSummary({ certificate, headingLevel = 'h2' }: { certificate: DestructionCertificateView; headingLevel?: 'h2' | 'h3' }) {
  const savePdf = useWrite('records.destructionCertificatePdf');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const Heading = headingLevel;
  return (
    <section className="panel" aria-label={`Certificate of destruction: ${certificate.reference}`}>
      <Heading>Certificate of destruction: {certificate.reference}</Heading>
      <SummaryRows
        rows={[
          ['Destroyed', formatDateTime(certificate.at)],
          ...(certificate.cameToAttentionOn ? [['Came to the school’s attention', formatDate(certificate.cameToAttentionOn)] as const] : []),
          ['Recorded', formatDateTime(certificate.recordedAt)],
          [certificate.kind === 'incident' ? 'Closed' : 'Left the school', certificate.closedOn ? formatDate(certificate.closedOn) : 'Not recorded'],
          ['Decided by', certificate.decidedByName],
          ['Reason', certificate.reason],
          ...removedRows(certificate.rows),
          ['Content hash (SHA-256)', certificate.contentHash],
          ['Audit log row', `${certificate.auditSeq} (fingerprint ${certificate.fingerprint.slice(0, 16)})`],
        ]}
      />
      <p className="hint">{CERTIFICATE_PROVES}</p>
      <p className="button-group">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setError(null);
            void savePdf({ auditSeq: certificate.auditSeq }).then((result) => {
              if (!result.ok) setError(result.error.message);
              else if (result.value.saved) setSaved(result.value.fileName);
            });
          }}
        >
          Save the certificate as PDF
        </button>
      </p>
      {saved ? <p role="status">Saved as {saved}.</p> : null}
      {error ? (
        <p role="alert" className="error-message">
          {error}
        </p>
      ) : null}
    </section>
  );
}
