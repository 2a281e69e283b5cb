import { formatDateTime } from '../../../../shared/domain/dates';
import type { IncidentEvent } from '../../../../shared/domain/chronology';

/**
 * What happened to the incident record itself (someone added in error and removed), oldest
 * first, with who did it, when and why: part of the incident's story, though not an entry.
 */
export function IncidentEvents({ events }: { events: readonly IncidentEvent[] }) {
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="chron-events-title">
      <h2 id="chron-events-title">Changes to the incident record</h2>
      <ol className="chron-events">
        {events.map((event) => (
          <li key={`${event.kind}-${event.at}-${event.what}`} className="chron-event">
            <p className="entry-meta">
              <time dateTime={event.at}>{formatDateTime(event.at)}</time> · by {event.byName}
            </p>
            <p>{event.what}</p>
            <p>
              <strong>Why:</strong> {event.reason}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
