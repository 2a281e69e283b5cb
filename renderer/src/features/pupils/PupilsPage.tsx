import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../../shared/domain/dates';
import { yearGroupLabel } from '../../../../shared/domain/pupils';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/fields';
import { useCall } from '../../components/use-call';
import { useHasRole } from '../../app/session-context';

export function PupilsPage() {
  const canRecord = useHasRole('dsl', 'deputy');
  const { loaded } = useCall('pupils.list', {});
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  return (
    <>
      <PageHeading>Pupils</PageHeading>
      <p>Pupils involved in any incident. Each pupil is recorded once; their incidents are found from here.</p>
      {canRecord ? (
        <p>
          <Link to="/pupils/new" className="button">
            Add a pupil
          </Link>
        </p>
      ) : null}
      <LoadState loaded={loaded}>
        {(pupils) => {
          const shown = pupils.filter((p) => needle === '' || `${p.firstName} ${p.lastName}`.toLowerCase().includes(needle));
          return (
            <>
              <TextField name="filter" label="Find a pupil" hint="Type part of a first or last name." width="medium" value={filter} onChange={setFilter} />
              {shown.length === 0 ? (
                <p>{pupils.length === 0 ? 'No pupils have been recorded yet.' : 'No pupil matches that name.'}</p>
              ) : (
                <table className="table">
                  <caption className="visually-hidden">Pupils</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Date of birth</th>
                      <th scope="col">Year group</th>
                      <th scope="col">Incidents</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((p) => (
                      <tr key={p.id}>
                        <td>
                          <Link to={`/pupils/${p.id}`}>
                            {p.firstName} {p.lastName}
                          </Link>
                        </td>
                        <td>{formatDate(p.dateOfBirth)}</td>
                        <td>{yearGroupLabel(p.yearGroup)}</td>
                        <td>{p.incidentCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </LoadState>
    </>
  );
}
