import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ageOn, formatDate, schoolToday } from '../../../../shared/domain/dates';
import { PERSON_ROLE_LABELS } from '../../../../shared/domain/incidents';
import { pupilFullName, SEX_LABELS, SOCIAL_CARE_LABELS, yearGroupLabel } from '../../../../shared/domain/pupils';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useCall } from '../../components/use-call';
import { useHasRole } from '../../app/session-context';
import { PupilForm } from './PupilForm';

export function PupilPage() {
  const pupilId = Number(useParams().pupilId);
  const canRecord = useHasRole('dsl', 'deputy');
  const { loaded, reload } = useCall('pupils.get', { pupilId });
  const [editing, setEditing] = useState(false);
  const [today] = useState(schoolToday);

  return (
    <LoadState loaded={loaded}>
      {({ pupil, incidents }) => (
        <>
          <PageHeading caption="Pupil">{pupilFullName(pupil)}</PageHeading>
          {editing ? (
            <section className="panel" aria-labelledby="edit-title">
              <h2 id="edit-title">Edit details</h2>
              <PupilForm
                initial={pupil}
                submitLabel="Save changes"
                onSaved={() => {
                  setEditing(false);
                  reload();
                }}
                onCancel={() => setEditing(false)}
              />
            </section>
          ) : (
            <>
              <dl className="summary-list">
                <div>
                  <dt>Date of birth</dt>
                  <dd>
                    {formatDate(pupil.dateOfBirth)} (age {ageOn(pupil.dateOfBirth, today)})
                  </dd>
                </div>
                <div>
                  <dt>Sex</dt>
                  <dd>{SEX_LABELS[pupil.sex]}</dd>
                </div>
                <div>
                  <dt>Year group</dt>
                  <dd data-testid="pupil-year">{yearGroupLabel(pupil.yearGroup)}</dd>
                </div>
                <div>
                  <dt>SEN or disability</dt>
                  <dd>{pupil.sen ? `Yes${pupil.senDetails ? `: ${pupil.senDetails}` : ''}` : 'No'}</dd>
                </div>
                <div>
                  <dt>Looked after</dt>
                  <dd>{pupil.lookedAfter ? 'Yes' : 'No'}</dd>
                </div>
                <div>
                  <dt>Children’s social care</dt>
                  <dd>{SOCIAL_CARE_LABELS[pupil.socialCare]}</dd>
                </div>
              </dl>
              {canRecord ? (
                <p>
                  <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
                    Edit details
                  </button>
                </p>
              ) : null}
            </>
          )}
          <h2>Incidents</h2>
          {incidents.length > 1 ? (
            <div className="inset" role="note">
              {pupil.firstName} has been involved in {incidents.length} incidents. The guidance asks whether a young person has taken part in
              this kind of activity before.
            </div>
          ) : null}
          {incidents.length === 0 ? (
            <p>Not yet involved in any incident.</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Incidents involving this pupil</caption>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Title</th>
                  <th scope="col">Status</th>
                  <th scope="col">Came to attention</th>
                  <th scope="col">Their roles</th>
                </tr>
              </thead>
              <tbody>
                {incidents.map((incident) => (
                  <tr key={incident.id}>
                    <td>
                      <Link to={`/incidents/${incident.id}`}>{incident.reference}</Link>
                    </td>
                    <td>{incident.title}</td>
                    <td>{incident.status === 'open' ? 'Open' : 'Closed'}</td>
                    <td>{formatDate(incident.cameToAttentionOn)}</td>
                    <td>{incident.roles.map((r) => PERSON_ROLE_LABELS[r]).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </LoadState>
  );
}
