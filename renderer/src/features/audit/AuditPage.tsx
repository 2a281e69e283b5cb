import { useState } from 'react';
import { AUDIT_ACTIONS } from '../../../../shared/domain/audit';
import { formatDateTime } from '../../../../shared/domain/dates';
import { FINDING_KINDS } from '../../../../shared/domain/verification';
import type { Output } from '../../../../shared/ipc/contract';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead, useWrite } from '../../api/queries';
import './audit.css';

type Verification = Output<'audit.verify'>;

function actionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS] : action;
}

/** What the DSL is asked to do when Verify finds anything: keep the evidence, tell those who must know. */
const WHAT_TO_DO =
  'Keep this computer and the data folder as they are: do not restore a backup or delete anything yet. Tell your IT technician and the headteacher, and show them this list. The newest backup kept away from this computer, and printed records, show what the records said before.';

export function AuditPage() {
  const [result, setResult] = useState<Verification | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useRead('audit.list', { limit: 100 });
  const verifyRecords = useWrite('audit.verify');

  async function verify() {
    setBusy(true);
    setResult(null);
    const answer = await verifyRecords({});
    setBusy(false);
    setResult(answer.ok ? answer.value : { error: answer.error.message });
  }

  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <p>
        Every sign-in, view, entry, signature and change is recorded here, each row sealed with a fingerprint of the row before it
        and signed by the person who made it, so any later change to the log shows.
      </p>
      <p>
        Verify checks every audit row and its signature, the signed list of staff and roles, every entry and signature against
        what was saved, every record against the last change the audit log recorded for it, and that the log still reaches the
        last state this computer saw.
      </p>
      <p>
        <button type="button" className="button" onClick={() => void verify()} disabled={busy} aria-describedby="verify-progress">
          {busy ? 'Verifying records…' : 'Verify records'}
        </button>
      </p>
      <div id="verify-progress" role="status" aria-live="polite">
        {busy ? (
          <div className="verify-progress">
            <progress aria-label="Verifying the records" />
            <p>Checking every audit row, signature and record. On a large school this takes several seconds; you can wait here.</p>
          </div>
        ) : null}
        {result && 'ok' in result && result.ok ? (
          <div className="inset inset-success">
            <p>
              <strong>The records are intact.</strong> {result.auditRows === 1 ? 'The audit log’s one row' : `All ${result.auditRows} audit rows`}, every signature, every entry and every
              record were checked, and nothing was changed outside the app
              {result.lastIntact ? ` (the log ends at row ${result.lastIntact.seq}, ${formatDateTime(result.lastIntact.at)})` : ''}.
            </p>
            {result.signed ? null : (
              <p>These records were made before signing began: changes made before then can only be checked by the audit log’s fingerprints.</p>
            )}
          </div>
        ) : null}
      </div>
      <div aria-live="assertive">
        {result && 'error' in result ? (
          <div className="error-summary" role="alert">
            <p>The records could not be verified: {result.error}</p>
          </div>
        ) : null}
        {result && 'ok' in result && !result.ok ? (
          <div className="error-summary" role="alert" aria-labelledby="verify-findings-title">
            <h2 className="error-summary-title" id="verify-findings-title">
              The records have been changed outside the app ({result.findings.length} {result.findings.length === 1 ? 'finding' : 'findings'})
            </h2>
            <p>
              {result.lastIntact
                ? `The audit log was last intact at row ${result.lastIntact.seq} (${formatDateTime(result.lastIntact.at)}).`
                : 'The audit log is not intact from its first row.'}
            </p>
            <p>{WHAT_TO_DO}</p>
            <ul className="verify-findings">
              {result.findings.map((finding, index) => (
                <li key={index}>
                  <strong>{FINDING_KINDS[finding.kind]}</strong> — {finding.where}: {finding.detail}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <h2>Most recent</h2>
      <LoadState loaded={loaded}>
        {(rows) => (
          <table className="table">
            <caption className="visually-hidden">Most recent audit rows, newest first</caption>
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">About</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.seq}>
                  <td>{row.seq}</td>
                  <td>{formatDateTime(row.at)}</td>
                  <td>{row.actorName ?? '—'}</td>
                  <td>{actionLabel(row.action)}</td>
                  <td>{row.subject ?? ''}</td>
                  <td>
                    {row.facts.length > 0 ? (
                      <ul className="audit-facts">
                        {row.facts.map((fact, i) => (
                          <li key={i}>
                            <span className="audit-fact-label">{fact.label}:</span> {fact.value}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
    </>
  );
}
