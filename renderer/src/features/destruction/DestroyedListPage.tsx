import { Link } from 'react-router';
import { useRead } from '../../api/queries';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { CertificateSummary } from './CertificateSummary';

/** Every destruction certificate in the audit log, newest first (issue 20 item 5). */
export function DestroyedListPage() {
  const loaded = useRead('records.destroyedList', {});
  return (
    <div>
      <PageHeading>Destruction certificates</PageHeading>
      <p>
        Each record destroyed leaves a certificate in the audit log: its reference, dates, who decided and why, and the content hash of what
        was removed. <Link to="/retention">Retention</Link> lists the records due for review.
      </p>
      <LoadState loaded={loaded}>
        {({ certificates }) =>
          certificates.length === 0 ? (
            <p>No record has been destroyed.</p>
          ) : (
            <>
              {certificates.map((c) => (
                <CertificateSummary key={c.auditSeq} certificate={c} headingLevel="h2" />
              ))}
            </>
          )
        }
      </LoadState>
    </div>
  );
}
