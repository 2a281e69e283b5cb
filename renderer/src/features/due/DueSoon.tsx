import { Link } from 'react-router';
import { formatDate } from '../../../../shared/domain/dates';
import { dueWithin, dueWords, forHomePage } from '../../../../shared/domain/due';
import { useRead } from '../../api/queries';
import { LoadState } from '../../components/LoadState';

const DAYS = 7;

/** The dashboard's "Due in the next 7 days": what is overdue or due now first, then the week's dates; the rest is on /due. */
export function DueSoon() {
  const loaded = useRead('due.list', {});
  return (
    <section aria-labelledby="due-soon-title" className="dashboard-section">
      <LoadState loaded={loaded}>
        {(data) => {
          const soon = dueWithin(forHomePage(data.items), data.today, DAYS);
          return (
            <>
              <h2 id="due-soon-title">Due in the next {DAYS} days ({soon.length})</h2>
              {soon.length === 0 ? (
                <p>Nothing is due in the next {DAYS} days.</p>
              ) : (
                <ul className="dashboard-list" aria-label={`Due in the next ${DAYS} days`}>
                  {soon.map((item) => (
                    <li key={item.key}>
                      {item.reference === null ? null : (
                        <>
                          <Link className="reference" to={`/incidents/${item.incidentId ?? ''}`}>{item.reference}</Link> —{' '}
                        </>
                      )}
                      {item.what} ({item.ownerWords}; {item.overdue ? 'overdue, ' : ''}due {dueWords(item, formatDate)})
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <Link to="/due">Everything that is due</Link>
              </p>
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
