import { useState } from 'react';
import { formatDateTime } from '../../../../shared/domain/dates';
import { Link } from 'react-router';
import { otherPersonDescription, PERSON_ROLE_LABELS, type PersonRole } from '../../../../shared/domain/incidents';
import { pupilFullName, yearGroupLabel } from '../../../../shared/domain/pupils';
import { personName } from '../../../../shared/forms/field-spec';
import type { IncidentDetail, IncidentPerson } from '../../../../shared/ipc/contract';
import { AddPupilPanel } from './AddPupilPanel';
import { AddOtherPersonPanel } from './AddOtherPersonPanel';
import { RemovePersonPanel } from './RemovePersonPanel';
import { RolesEditor } from './RolesEditor';
import { personAgeText } from '../../../../shared/domain/read-models/incident-person';
import { useCan } from '../../app/use-can';

function who(person: IncidentPerson) {
  if (person.pupil) {
    return (
      <>
        <Link to={`/pupils/${person.pupil.id}`}>{pupilFullName(person.pupil)}</Link>
        <span className="hint-inline"> — pupil, {yearGroupLabel(person.pupil.yearGroup)}</span>
      </>
    );
  }
  const other = person.other;
  if (!other) return null;
  return (
    <>
      {other.name}
      <span className="hint-inline"> — {otherPersonDescription(other)}</span>
    </>
  );
}

function rolesText(roles: readonly PersonRole[]): string {
  return roles.map((r) => PERSON_ROLE_LABELS[r]).join('; ');
}

type Mode = { kind: 'none' } | { kind: 'pupil' } | { kind: 'other' } | { kind: 'roles'; person: IncidentPerson } | { kind: 'remove'; person: IncidentPerson };

/** People removed from the incident (added in error): kept, with who removed them, when and why. */
function RemovedPeople({ people }: { people: IncidentDetail['removedPeople'] }) {
  if (people.length === 0) return null;
  return (
    <>
      <h3 id="removed-people-title">Removed from this incident</h3>
      <p className="hint">Added in error and then removed. They are kept in the record, but no longer count for anything the record decides.</p>
      <table className="table" aria-labelledby="removed-people-title">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Roles they had</th>
            <th scope="col">Added</th>
            <th scope="col">Removed</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <td>{who(person)}</td>
              <td>{rolesText(person.roles)}</td>
              <td>
                {formatDateTime(person.addedAt)} by {person.addedByName}
              </td>
              <td>{person.removal ? `${formatDateTime(person.removal.at)} by ${person.removal.byName}` : null}</td>
              <td>{person.removal?.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function PeopleSection({ detail, canRecord }: { detail: IncidentDetail; canRecord: boolean }) {
  const [mode, setMode] = useState<Mode>({ kind: 'none' });
  // `canRecord` says the incident takes changes from this person; each action still needs its own channel.
  const canSetRoles = useCan('incidents.setRoles') && canRecord;
  const canRemove = useCan('incidents.removePerson') && canRecord;
  const canAddPupil = useCan('incidents.addPupil') && canRecord;
  const canAddOther = useCan('incidents.addOtherPerson') && canRecord;
  const done = () => setMode({ kind: 'none' });
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      {detail.people.length === 0 ? (
        <p>No one has been added yet. Add the young people pictured, who made, sent, received or hold the imagery, and who reported it.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">People involved and their roles</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Age at the time</th>
              <th scope="col">Roles</th>
              {canSetRoles || canRemove ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {detail.people.map((person) => (
              <tr key={person.id}>
                <td>{who(person)}</td>
                <td>{personAgeText(person)}</td>
                <td>{rolesText(person.roles)}</td>
                {canSetRoles || canRemove ? (
                  <td>
                    <div className="button-group">
                      {canSetRoles ? (
                        <button type="button" className="link-button" onClick={() => setMode({ kind: 'roles', person })}>
                          Change roles<span className="visually-hidden"> of {personName(person)}</span>
                        </button>
                      ) : null}
                      {canRemove ? (
                        <button type="button" className="link-button" onClick={() => setMode({ kind: 'remove', person })}>
                          Remove<span className="visually-hidden"> {personName(person)} from this incident</span>
                        </button>
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(canAddPupil || canAddOther) && mode.kind === 'none' ? (
        <div className="button-group">
          {canAddPupil ? (
            <button type="button" className="button button-secondary" onClick={() => setMode({ kind: 'pupil' })}>
              Add a pupil
            </button>
          ) : null}
          {canAddOther ? (
            <button type="button" className="button button-secondary" onClick={() => setMode({ kind: 'other' })}>
              Add someone from outside the school
            </button>
          ) : null}
        </div>
      ) : null}
      {mode.kind === 'pupil' ? (
        <AddPupilPanel
          incidentId={detail.incident.id}
          incident={detail.incident}
          excludeIds={detail.people.flatMap((p) => (p.pupil ? [p.pupil.id] : []))}
          onDone={done}
          onCancel={() => setMode({ kind: 'none' })}
        />
      ) : null}
      {mode.kind === 'other' ? (
        <AddOtherPersonPanel incidentId={detail.incident.id} incident={detail.incident} onDone={done} onCancel={() => setMode({ kind: 'none' })} />
      ) : null}
      {mode.kind === 'roles' ? <RolesEditor person={mode.person} incident={detail.incident} onDone={done} onCancel={() => setMode({ kind: 'none' })} /> : null}
      {mode.kind === 'remove' ? <RemovePersonPanel key={mode.person.id} person={mode.person} onDone={done} onCancel={() => setMode({ kind: 'none' })} /> : null}
      <RemovedPeople people={detail.removedPeople} />
    </section>
  );
}
