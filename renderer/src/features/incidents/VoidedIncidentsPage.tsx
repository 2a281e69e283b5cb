import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/domain/dates';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead } from '../../api/queries';

/** /incidents/voided: incidents opened by mistake, for DSLs only; each still opens, marked as voided. */
export function VoidedIncidentsPage() {
  const loaded = useRead('incidents.listVoided', {});
  return (
    <>
      <PageHeading caption="Incidents">Voided incidents</PageHeading>
      <p className="lead">Incidents opened by mistake. They are kept as a record but left out of every other list and count, and nothing on them can be changed.</p>
      <p>
        <Link to="/incidents">Back to incidents</Link>
      </p>
      <LoadState loaded={loaded}>
        {(incidents) =>
          incidents.length === 0 ? (
            <p>No incident has been voided.</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Voided incidents, most recently voided first</caption>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Title</th>
                  <th scope="col">Came to attention</th>
                  <th scope="col">Voided</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {incidents.map((incident) => (
                  <tr key={incident.id}>
                    <td>
                      <Link className="reference" to={`/incidents/${incident.id}`}>{incident.reference}</Link>
                    </td>
                    <td>{incident.title}</td>
                    <td>{formatDate(incident.cameToAttentionOn)}</td>
                    <td>
                      {formatDateTime(incident.voidedAt)} by {incident.voidedByName}
                    </td>
                    <td>{incident.reason}</td>
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
