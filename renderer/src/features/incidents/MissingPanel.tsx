import { useState } from 'react';
import type { IncidentDetail } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { useCan } from '../../app/use-can';
import { CLOSED_INCIDENT_TEXT } from './ClosedIncident';

/** What the record still lacks, in plain words, and closing once nothing does. */
export function MissingPanel({ detail, onClosed }: { detail: IncidentDetail; onClosed: () => void }) {
  const canClose = useCan('incidents.close');
  const [error, setError] = useState<string | null>(null);
  if (detail.incident.status === 'closed') {
    return (
      <div className="inset" role="status">
        {CLOSED_INCIDENT_TEXT} Its record was complete and signed when it was closed.
      </div>
    );
  }
  async function close() {
    const result = await call('incidents.close', { incidentId: detail.incident.id });
    if (!result.ok) return setError(result.error.message);
    onClosed();
  }
  return (
    <section className="panel missing-panel" aria-labelledby="missing-title">
      <h2 id="missing-title">{detail.gaps.length === 0 ? 'Nothing is missing' : 'What is missing'}</h2>
      {detail.gaps.length > 0 ? (
        <ul className="missing-list">
          {detail.gaps.map((gap) => (
            <li key={gap.message}>{gap.message}</li>
          ))}
        </ul>
      ) : detail.closureSigned ? (
        <p>The record is complete and the closure is signed by a DSL.</p>
      ) : (
        <p>The record is complete for the path this incident has taken. Record the review and closure, signed by a DSL, to close it.</p>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {canClose && detail.gaps.length === 0 && detail.closureSigned ? (
        <button type="button" className="button" onClick={() => void close()}>
          Close the incident
        </button>
      ) : null}
    </section>
  );
}
