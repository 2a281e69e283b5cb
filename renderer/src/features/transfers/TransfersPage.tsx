import { Link } from 'react-router';
import { formatDate } from '../../../../shared/domain/dates';
import { TRANSFER_STATE_LABELS } from '../../../../shared/domain/transfers/state';
import { useRead } from '../../api/queries';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';

/** Every transfer of a child-protection file, the soonest deadline first (issue 20). */
export function TransfersPage() {
  const loaded = useRead('transfers.list', {});
  return (
    <>
      <PageHeading>Transfers of child-protection files</PageHeading>
      <p>A transfer is prepared from the page of a pupil who has left.</p>
      <LoadState loaded={loaded}>
        {(transfers) =>
          transfers.length === 0 ? (
            <p>No file has been transferred yet.</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Transfers</caption>
              <thead>
                <tr>
                  <th scope="col">Pupil</th>
                  <th scope="col">To</th>
                  <th scope="col">Deadline</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {transfers.map((t) => (
                  <tr key={t.id} className={t.state === 'overdue' ? 'due-overdue' : undefined}>
                    <td>
                      <Link to={`/transfers/${t.id}`}>{t.pupilName}</Link>
                    </td>
                    <td>{t.receivingSchool}</td>
                    <td>{formatDate(t.dueOn)}</td>
                    <td>{TRANSFER_STATE_LABELS[t.state]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </>
  );
}
