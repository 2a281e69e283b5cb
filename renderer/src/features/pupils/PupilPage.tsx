import { useEffect, useRef, useState, type RefObject } from 'react';
import { Link, useParams } from 'react-router';
import { ageOn, formatDate, schoolToday } from '../../../../shared/domain/dates';
import { PERSON_ROLE_LABELS } from '../../../../shared/domain/incidents';
import { pupilFullName, SEX_LABELS, SOCIAL_CARE_LABELS, yearGroupLabel, type Pupil } from '../../../../shared/domain/pupils';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead } from '../../api/queries';
import { useCan } from '../../app/use-can';
import { LeavingPanel } from './LeavingPanel';
import { PupilForm } from './PupilForm';
import { ReceivedFilesPanel } from '../received/ReceivedFilesPanel';
import { PupilRetentionPanel } from '../retention/PupilRetentionPanel';

function PupilDetails({ pupil, today }: { pupil: Pupil; today: string }) {
  return (
    <dl className="summary-list">
      <div>
        <dt>Name</dt>
        <dd>{pupilFullName(pupil)}</dd>
      </div>
      <div>
        <dt>Date of birth</dt>
        <dd>
          {formatDate(pupil.dateOfBirth)} (age {ageOn(pupil.dateOfBirth, today)} today)
        </dd>
      </div>
      <div>
        <dt>Sex</dt>
        <dd>{SEX_LABELS[pupil.sex]}</dd>
      </div>
      <div>
        <dt>Year group</dt>
        <dd>{yearGroupLabel(pupil.yearGroup)}</dd>
      </div>
      <div>
        <dt>SEN or disability</dt>
        <dd className="preserve-lines">{pupil.sen ? `Yes${pupil.senDetails ? `: ${pupil.senDetails}` : ''}` : 'No'}</dd>
      </div>
      <div>
        <dt>Looked after</dt>
        <dd>{pupil.lookedAfter ? 'Yes' : 'No'}</dd>
      </div>
      <div>
        <dt>Children’s social care</dt>
        <dd>{SOCIAL_CARE_LABELS[pupil.socialCare]}</dd>
      </div>
      <div>
        <dt>UPN</dt>
        <dd>{pupil.upn === '' ? 'Not recorded' : pupil.upn}</dd>
      </div>
    </dl>
  );
}

/** The edit form in place of the details; its heading takes focus so keyboard users land on it. */
function EditPanel({ pupil, onSaved, onCancel }: { pupil: Pupil; onSaved: () => void; onCancel: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel" aria-labelledby="edit-pupil-title">
      <h2 id="edit-pupil-title" tabIndex={-1} ref={heading}>
        Edit details
      </h2>
      <PupilForm initial={pupil} submitLabel="Save changes" onSaved={onSaved} onCancel={onCancel} />
    </section>
  );
}

/** Moves focus once React has drawn what replaced the control that had it. */
function focusSoon(ref: RefObject<HTMLElement | null>) {
  setTimeout(() => ref.current?.focus(), 0);
}

export function PupilPage() {
  const pupilId = Number(useParams().pupilId);
  const canEdit = useCan('pupils.update');
  const canPrint = useCan('exports.pdf');
  const loaded = useRead('pupils.get', { pupilId });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Read once when the page opens (a lazy initial state), not on every render.
  const [today] = useState(() => schoolToday());
  const noticeRef = useRef<HTMLDivElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  return (
    <LoadState loaded={loaded}>
      {({ pupil, incidents }) => (
        <>
          <PageHeading caption="Pupil">{pupilFullName(pupil)}</PageHeading>
          {incidents.length > 0 ? (
            <p>
              <Link to={`/pupils/${pupilId}/chronology`}>Chronology</Link> (everything about {pupil.firstName} across{' '}
              {incidents.length === 1 ? 'their incident' : `all ${incidents.length} incidents`}, in order)
              {canPrint ? (
                <>
                  {' · '}
                  <Link to={`/pupils/${pupilId}/export`}>Print or export</Link> (a PDF for a meeting or a file transfer)
                </>
              ) : null}
            </p>
          ) : null}
          {notice ? (
            <div className="inset inset-success" role="status" tabIndex={-1} ref={noticeRef}>
              {notice}
            </div>
          ) : null}
          {editing ? (
            <EditPanel
              pupil={pupil}
              onSaved={() => {
                setEditing(false);
                setNotice('The pupil’s details have been saved.');
                focusSoon(noticeRef);
              }}
              onCancel={() => {
                setEditing(false);
                focusSoon(editButton);
              }}
            />
          ) : (
            <section aria-labelledby="details-title">
              <h2 id="details-title" className="visually-hidden">
                Details
              </h2>
              <PupilDetails pupil={pupil} today={today} />
              {canEdit ? (
                <p>
                  <button
                    type="button"
                    ref={editButton}
                    className="button button-secondary"
                    onClick={() => {
                      setNotice(null);
                      setEditing(true);
                    }}
                  >
                    Edit details
                  </button>
                </p>
              ) : null}
            </section>
          )}
          <section aria-labelledby="incidents-title">
            <h2 id="incidents-title">Incidents</h2>
            {incidents.length > 1 ? (
              <div className="warning-text" role="note">
                <strong>Earlier incidents:</strong> {pupil.firstName} has been involved in {incidents.length} incidents. The guidance asks whether the young person
                has done this before, so read the earlier records as part of the risk assessment.
              </div>
            ) : null}
            {incidents.length === 0 ? (
              <p>{pupil.firstName} is not on any incident yet. Pupils are added to an incident from the incident’s page.</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">Incidents involving {pupilFullName(pupil)}</caption>
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
                        <Link className="reference" to={`/incidents/${incident.id}`}>{incident.reference}</Link>
                      </td>
                      <td>{incident.title}</td>
                      <td>
                        <span className={`tag ${incident.status === 'open' ? 'tag-blue' : 'tag-grey'}`}>{incident.status === 'open' ? 'Open' : 'Closed'}</span>
                        {incident.policeMatter ? <span className="tag tag-red">Police</span> : null}
                      </td>
                      <td>{formatDate(incident.cameToAttentionOn)}</td>
                      <td className="cell-small">{incident.roles.map((r) => PERSON_ROLE_LABELS[r]).join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <ReceivedFilesPanel pupilId={pupilId} />
          <PupilRetentionPanel pupilId={pupilId} />
          <LeavingPanel pupil={pupil} incidentCount={incidents.length} />
        </>
      )}
    </LoadState>
  );
}
