import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/domain/dates';
import { SIGNATURE_MEANINGS } from '../../../../shared/domain/signatures';
import type { Dashboard as DashboardData } from '../../../../shared/ipc/contract';

function AwaitingList({ items, label }: { items: DashboardData['awaitingSignature']; label: string }) {
  return (
    <ul className="dashboard-list" aria-label={label}>
      {items.map((item) => (
        <li key={`${item.entryId}-${item.meaning}`}>
          <Link to={`/incidents/${item.incidentId}`}>{item.reference}</Link> — {item.entryLabel} ({formatDateTime(item.occurredAt)}): awaiting {item.from}, “
          {SIGNATURE_MEANINGS[item.meaning]}”
        </li>
      ))}
    </ul>
  );
}

/** What needs the signed-in person now: their signatures, overdue deadlines, gaps. */
export function Dashboard({ data }: { data: DashboardData }) {
  const mine = data.awaitingSignature.filter((a) => a.forMe);
  const others = data.awaitingSignature.filter((a) => !a.forMe);
  return (
    <>
      <section aria-labelledby="mine-title" className="dashboard-section">
        <h2 id="mine-title">Awaiting your signature ({mine.length})</h2>
        {mine.length === 0 ? <p>Nothing is waiting for your signature.</p> : <AwaitingList items={mine} label="Entries awaiting your signature" />}
      </section>
      <section aria-labelledby="overdue-title" className="dashboard-section">
        <h2 id="overdue-title">Overdue ({data.overdue.length})</h2>
        {data.overdue.length === 0 ? (
          <p>No deadline or follow-up is overdue.</p>
        ) : (
          <ul className="dashboard-list dashboard-overdue" aria-label="Overdue deadlines and follow-ups">
            {data.overdue.map((item) => (
              <li key={`${item.entryId}-${item.dueOn}`}>
                <Link to={`/incidents/${item.incidentId}`}>{item.reference}</Link> — {item.what}: due {formatDate(item.dueOn)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="open-title" className="dashboard-section">
        <h2 id="open-title">Open incidents ({data.openIncidents.length})</h2>
        {data.openIncidents.length === 0 ? (
          <p>There are no open incidents.</p>
        ) : (
          <ul className="dashboard-list" aria-label="Open incidents and what each is missing">
            {data.openIncidents.map((incident) => (
              <li key={incident.id}>
                <Link to={`/incidents/${incident.id}`}>{incident.reference}</Link> {incident.title}
                {incident.gaps.length === 0 ? (
                  <span className="hint-inline"> — nothing missing</span>
                ) : (
                  <ul className="gap-list">
                    {incident.gaps.map((gap) => (
                      <li key={gap.message}>{gap.message}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {others.length > 0 ? (
        <section aria-labelledby="others-title" className="dashboard-section">
          <h2 id="others-title">Awaiting other people’s signatures ({others.length})</h2>
          <AwaitingList items={others} label="Entries awaiting other people’s signatures" />
        </section>
      ) : null}
    </>
  );
}
