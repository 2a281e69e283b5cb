import { formatDateTime } from '../../../../shared/domain/dates';
import { factChangeText, INCIDENT_EVENT_LABELS } from '../../../../shared/domain/incident-lifecycle';
import type { IncidentEventView } from '../../../../shared/ipc/contract';

/** One change to the incident record itself: what, who, when, and why; for a correction, each fact from → to. */
export function IncidentEventCard({ event }: { event: IncidentEventView }) {
  return (
    <article className="entry-card incident-event">
      <h3 className="entry-title">{INCIDENT_EVENT_LABELS[event.kind]}</h3>
      <p className="entry-meta">
        {formatDateTime(event.at)} by {event.byName}
      </p>
      {event.what ? <p>{event.what}</p> : null}
      {event.changes.length > 0 ? (
        <ul>
          {event.changes.map((change) => (
            <li key={change.field}>{factChangeText(change)}</li>
          ))}
        </ul>
      ) : null}
      {event.reason ? (
        <p>
          <strong>Reason:</strong> {event.reason}
        </p>
      ) : null}
    </article>
  );
}

/** Every correction, person removed and change of status of the incident, oldest first. */
export function IncidentHistory({ history }: { history: readonly IncidentEventView[] }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Changes to the incident record</h2>
      {history.length === 0 ? (
        <p>Nothing about the incident has been corrected or removed since it was opened.</p>
      ) : (
        <ol className="entry-list" aria-label="Changes to the incident record, oldest first">
          {history.map((event) => (
            <li key={`${event.kind}-${event.at}-${event.what}`}>
              <IncidentEventCard event={event} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
