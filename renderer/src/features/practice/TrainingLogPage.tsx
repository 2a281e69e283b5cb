import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/domain/dates';
import { findScenario } from '../../../../shared/practice/scenarios';
import { useRead } from '../../api/queries';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { TrainingLogPrint } from './TrainingLogPrint';

/** The practice scenarios completed, by whom and when, for the school's training records (issue 22 item 4). */
export function TrainingLogPage() {
  const loaded = useRead('practice.log', {});
  return (
    <>
      <PageHeading caption="Practice">Training log — practice scenarios</PageHeading>
      <p>
        <Link to="/practice/scenarios">All practice scenarios</Link>
      </p>
      <TrainingLogPrint />
      <LoadState loaded={loaded}>
        {({ sessions }) =>
          sessions.length === 0 ? (
            <p>No practice scenario has been marked complete yet.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Scenario</th>
                  <th scope="col">Started</th>
                  <th scope="col">Completed</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id}>
                    <td>{s.staffName}</td>
                    <td>{findScenario(s.scenarioId)?.name ?? s.scenarioId}</td>
                    <td>{formatDateTime(s.startedAt)}</td>
                    <td>{s.completedAt ? formatDateTime(s.completedAt) : ''}</td>
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
