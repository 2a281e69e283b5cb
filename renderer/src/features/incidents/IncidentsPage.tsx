import { Link } from 'react-router';
import { formatDate } from '../../../../shared/domain/dates';
import { INCIDENT_KIND_LABELS } from '../../../../shared/domain/incidents';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead } from '../../api/queries';
import { useCan } from '../../app/use-can';

export function IncidentsPage() {
  const canOpen = useCan('incidents.create');
  const canSeeVoided = useCan('incidents.listVoided');
  const loaded = useRead('incidents.list', { status: 'all' });
  return (
    <>
      <PageHeading>Incidents</PageHeading>
      {canOpen ? (
        <p>
          <Link to="/incidents/new" className="button">
            Open a new incident
          </Link>
        </p>
      ) : null}
      {canSeeVoided ? (
        <p>
          <Link to="/incidents/voided">Voided incidents</Link> (opened by mistake; left out of this list)
        </p>
      ) : null}
      <LoadState loaded={loaded}>
        {(incidents) =>
          incidents.length === 0 ? (
            <p>No incidents have been recorded yet.</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">All incidents, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Title</th>
                  <th scope="col">Status</th>
                  <th scope="col">Came to attention</th>
                  <th scope="col">Kind</th>
                  <th scope="col">People</th>
                  <th scope="col">Entries</th>
                </tr>
              </thead>
              <tbody>
                {incidents.map((incident) => (
                  <tr key={incident.id}>
                    <td>
                      <Link className="reference" to={`/incidents/${incident.id}`}>{incident.reference}</Link>
                    </td>
                    <td>{incident.title}</td>
                    <td>
                      <span className={`tag ${incident.status === 'open' ? 'tag-blue' : 'tag-grey'}`}>{incident.status === 'open' ? 'Open' : 'Closed'}</span>
                      {incident.policeMatter ? <span className="tag tag-red">Police</span> : null}
                    </td>
                    <td>{formatDate(incident.cameToAttentionOn)}</td>
                    <td className="cell-small">{INCIDENT_KIND_LABELS[incident.kind]}</td>
                    <td>{incident.peopleCount}</td>
                    <td>{incident.entryCount}</td>
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
