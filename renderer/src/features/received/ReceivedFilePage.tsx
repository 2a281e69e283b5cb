import { useParams } from 'react-router';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/domain/dates';
import { ENTRY_KIND_DEFINITIONS } from '../../../../shared/domain/entries/kinds';
import { PERSON_ROLE_LABELS } from '../../../../shared/domain/incidents';
import { SIGNATURE_MEANINGS } from '../../../../shared/domain/signatures';
import { useRead } from '../../api/queries';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { SummaryRows } from '../../components/SummaryRows';
import { PackageSignatureLine, ReceiptCodePanel } from './received-parts';

/** /received/:receivedFileId: a file received from another school, exactly as it came. Nothing here can be changed. */
export function ReceivedFilePage() {
  const receivedFileId = Number(useParams()['receivedFileId']);
  const loaded = useRead('receivedFiles.get', { receivedFileId });
  return (
    <LoadState loaded={loaded}>
      {(file) => (
        <>
          <PageHeading caption={`${file.preview.pupil.firstName} ${file.preview.pupil.lastName}`}>File received from {file.preview.sendingSchool}</PageHeading>
          <div className="banner" role="note">
            <strong>
              Received from {file.preview.sendingSchool} on {formatDate(file.importedAt.slice(0, 10))}: read-only.
            </strong>{' '}
            Sent by {file.preview.sendingDslName} on {formatDateTime(file.preview.sentAt)}; imported by {file.importedByName}.
          </div>
          <p>
            <PackageSignatureLine verified={file.preview.packageSignatureVerified} fingerprint={file.preview.fingerprint} />
          </p>
          <p>
            {file.preview.signaturesVerified} of {file.preview.signatureCount} signatures verified. <Link to={`/pupils/${file.pupilId}`}>The pupil’s page here</Link>
          </p>
          {file.incidents.map((item) => (
            <section key={item.incident.id} className="panel" aria-label={`${item.incident.reference} ${item.incident.title}`}>
              <h2>
                <span className="reference">{item.incident.reference}</span> {item.incident.title}
              </h2>
              <p>Came to the sending school’s attention on {formatDate(item.incident.cameToAttentionOn)}.</p>
              <h3>People</h3>
              <ul>
                {item.people.map((person) => (
                  <li key={person.id}>
                    {person.name}
                    {person.description ? ` (${person.description})` : ''} — {person.roles.map((r) => PERSON_ROLE_LABELS[r]).join(', ') || 'no role'}
                    {person.removal ? ` — removed as added in error: ${person.removal.reason}` : ''}
                  </li>
                ))}
              </ul>
              <h3>Entries</h3>
              <ol className="received-entries">
                {item.entries.map((entry) => (
                  <li key={entry.id}>
                    <p>
                      <strong>{ENTRY_KIND_DEFINITIONS[entry.kind].label}</strong>, version {entry.version}
                      {entry.latest ? '' : ' (replaced by a later version)'} — {formatDateTime(entry.occurredAt)}, recorded by {entry.authorName}
                    </p>
                    <p>{entry.summary}</p>
                    {entry.details ? (
                      <SummaryRows rows={entry.details.rows.map(({ label, value }) => [label, value] as const)} />
                    ) : (
                      <p>This entry’s details could not be read as its kind; its summary is above.</p>
                    )}
                    {entry.amendmentReason ? <p>Reason for the change: {entry.amendmentReason}</p> : null}
                    {entry.hashMatches ? null : <p className="error-message">This version’s words do not match its own content hash.</p>}
                    <ul>
                      {entry.signatures.map((signature, i) => (
                        <li key={i}>
                          Signed by {signature.signerName} ({signature.signerRole}) on {formatDateTime(signature.signedAt)}: “{SIGNATURE_MEANINGS[signature.meaning]}” —{' '}
                          <strong>{signature.verified ? 'verified' : 'NOT verified'}</strong>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </section>
          ))}
          <ReceiptCodePanel code={file.receiptCode} school={file.preview.sendingSchool} />
        </>
      )}
    </LoadState>
  );
}
