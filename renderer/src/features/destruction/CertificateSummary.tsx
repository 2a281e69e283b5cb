import { useState } from 'react';
import { formatDate, formatDateTime } from '../../../../shared/domain/dates';
import { CERTIFICATE_PROVES, removedRows, type DestructionCertificateView } from '../../../../shared/domain/destruction';
import { useWrite } from '../../api/queries';
import { SummaryRows } from '../../components/SummaryRows';

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
