import { Link } from 'react-router';
import { formatDate } from '../../../../shared/domain/dates';
import type { Dashboard } from '../../../../shared/ipc/contract';

/** The dashboard's "Transfers awaiting confirmation" (issue 20): overdue ones first and marked. Nothing when there are none. */
export function TransfersAwaiting({ transfers }: { transfers: Dashboard['transfersAwaiting'] }) {
  if (transfers.length === 0) return null;
  return (
    <section aria-labelledby="transfers-title" className="dashboard-section">
      <h2 id="transfers-title">Transfers awaiting confirmation ({transfers.length})</h2>
      <ul className="list">
        {transfers.map((t) => (
          <li key={t.transferId} className={t.overdue ? 'due-overdue' : undefined}>
            {t.overdue ? <strong className="tag tag-red">Overdue</strong> : null} <Link to={`/transfers/${t.transferId}`}>{t.pupilName}</Link>’s child-protection file to{' '}
            {t.receivingSchool}: {t.sent ? 'sent, not yet confirmed' : 'not yet sent'}; due by {formatDate(t.dueOn)}
          </li>
        ))}
      </ul>
    </section>
  );
}
