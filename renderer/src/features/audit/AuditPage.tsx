import { useState } from 'react';
import { AUDIT_ACTIONS } from '../../../../shared/domain/audit';
import { formatDateTime } from '../../../../shared/domain/dates';
import { FINDING_KINDS } from '../../../../shared/domain/verification';
import type { Output } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useCall } from '../../components/use-call';
import './audit.css';

type Verification = Output<'audit.verify'>;

function actionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS] : action;
}

export function AuditPage() {
  const [result, setResult] = useState<Verification | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { loaded, reload } = useCall('audit.list', { limit: 100 });

  async function verify() {
    setBusy(true);
    const answer = await call('audit.verify', {});
    setBusy(false);
    setResult(answer.ok ? answer.value : { error: answer.error.message });
    reload();
  }

  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <p>
        Every sign-in, view, entry, signature and change is recorded here, each row sealed with a fingerprint of the row before it,
        so any later change to the log shows.
      </p>
      <p>
        <button type="button" className="button" onClick={() => void verify()} disabled={busy}>
          {busy ? 'Verifying…' : 'Verify audit log'}
        </button>
      </p>
      <div aria-live="polite">
        {result && 'error' in result ? <div className="error-summary">{result.error}</div> : null}
        {result && 'ok' in result && result.ok ? (
          <div className="inset inset-success" role="status">
            The records are intact: all {result.auditRows} audit rows, every signature, every entry and every record checked.
          </div>
        ) : null}
        {result && 'ok' in result && !result.ok ? (
          <div className="error-summary" role="alert">
            <h2 className="error-summary-title">The records have been changed outside the app</h2>
            <p>
              {result.lastIntact
                ? `The audit log was last intact at row ${result.lastIntact.seq} (${formatDateTime(result.lastIntact.at)}).`
                : 'The audit log is not intact from its first row.'}{' '}
              Keep this computer as it is and tell your IT technician and the headteacher.
            </p>
            <ul>
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
