import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '../../../../shared/domain/dates';
import { dueWords, forHomePage, overdueFor } from '../../../../shared/domain/due';
import { useRead } from '../../api/queries';
import { useSession } from '../../app/session-context';

/**
 * Kept in the screen-data cache, which the App empties on every lock: dismissed for this
 * session, shown again at the next sign-in.
 */
const DISMISSED = ['session-ui', 'overdue-reminder-dismissed'] as const;

/** At sign-in, on the home page: what is overdue and owned by the person signed in. Never a dialog in their way. */
export function OverdueReminder() {
  const { user } = useSession().status;
  const client = useQueryClient();
  const dismissed = useQuery({ queryKey: DISMISSED, queryFn: () => false, staleTime: Infinity }).data === true;
  const loaded = useRead('due.list', {}, { enabled: !dismissed });
  if (dismissed || loaded.state !== 'ready') return null;
  const mine = overdueFor(forHomePage(loaded.value.items), user);
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="overdue-reminder-title" className="panel panel-warning">
      <h2 id="overdue-reminder-title">Overdue and yours ({mine.length})</h2>
      <ul>
        {mine.map((item) => (
          <li key={item.key}>
            {item.reference === null ? null : <>{item.reference}: </>}
            <Link to={item.link}>{item.what}</Link> (due {dueWords(item, formatDate)})
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/due?owner=${user.id}`}>See everything that is yours</Link>
      </p>
      <button type="button" className="button button-secondary button-small" onClick={() => client.setQueryData(DISMISSED, true)}>
        Dismiss until next sign-in
      </button>
    </section>
  );
}
