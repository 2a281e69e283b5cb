import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../../shared/domain/dates';
import { leftLabel } from '../../../../shared/domain/leaving';
import { pupilFullName, yearGroupLabel } from '../../../../shared/domain/pupils';
import type { PupilSummary } from '../../../../shared/ipc/contract';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/fields';
import { useRead } from '../../api/queries';
import { useCan } from '../../app/use-can';

/** Every word typed appears somewhere in the name, in any order ("brack am" finds Amelia Brackenridge). */
function matches(pupil: PupilSummary, words: string[]): boolean {
  const name = `${pupil.firstName} ${pupil.lastName}`.toLowerCase();
  return words.every((word) => name.includes(word));
}

export function PupilsPage() {
  const canAdd = useCan('pupils.create');
  const canImport = useCan('pupilImport.apply');
  const loaded = useRead('pupils.list', {});
  const [filter, setFilter] = useState('');
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return (
    <>
      <PageHeading>Pupils</PageHeading>
      <p>Each pupil is recorded once. Their incidents are listed on their page, so earlier incidents are found rather than typed again.</p>
      {canAdd ? (
        <p>
          <Link to="/pupils/new" className="button">
            Add a pupil
          </Link>
        </p>
      ) : null}
      {canImport ? (
        <p>
          <Link to="/pupils/import">Import pupils from the school’s MIS</Link>
        </p>
      ) : null}
      <LoadState loaded={loaded}>
        {(pupils) => {
          if (pupils.length === 0) return <p>No pupils have been recorded yet.</p>;
          const shown = pupils.filter((p) => matches(p, words));
          return (
            <>
              <TextField name="filter" label="Find a pupil" hint="Type part of a first or last name." width="medium" value={filter} onChange={setFilter} />
              <p className="hint" role="status">
                {words.length === 0 ? `${pupils.length} ${pupils.length === 1 ? 'pupil' : 'pupils'} on the register.` : `${shown.length} of ${pupils.length} ${pupils.length === 1 ? 'pupil matches' : 'pupils match'}.`}
              </p>
              {shown.length === 0 ? (
                <p>No pupil on the register matches that name.</p>
              ) : (
                <table className="table">
                  <caption className="visually-hidden">Pupils on the register</caption>
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
                          <Link to={`/pupils/${p.id}`}>{pupilFullName(p)}</Link>
                          {p.leftOn ? <span className="tag tag-grey">{leftLabel(p.leftOn)}</span> : null}
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
