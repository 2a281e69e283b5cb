import { useState } from 'react';
import type { IncidentDetail } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { useCan } from '../../app/use-can';
import { CLOSED_INCIDENT_TEXT } from './ClosedIncident';

/** What the record still lacks, in plain words, and closing once nothing does. */
export function MissingPanel({ detail }: { detail: IncidentDetail }) {
  const canClose = useCan('incidents.close');
  const [error, setError] = useState<string | null>(null);
  const closeIncident = useWrite('incidents.close');
  if (detail.incident.status === 'closed') {
    return (
      <div className="inset" role="status">
        {CLOSED_INCIDENT_TEXT} Its record was complete and signed when it was closed.
      </div>
    );
  }
  async function close() {
    const result = await closeIncident({ incidentId: detail.incident.id });
    if (!result.ok) setError(result.error.message);
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
