import { useState } from 'react';
import { picturedBornAfterImageryError } from '../../../../shared/domain/impossible-dates';
import { personDateOfBirth, type PersonRole } from '../../../../shared/domain/incidents';
import { personName } from '../../../../shared/forms/field-spec';
import type { IncidentPerson } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxesField } from '../../components/fields';
import { useUnsavedChanges } from '../../components/unsaved-changes';
import { liveErrors, withLiveErrors } from '../../components/live-errors';
import { ROLE_OPTIONS, ROLES_HINT } from './role-options';

export function RolesEditor({
  person,
  incident,
  onDone,
  onCancel,
}: {
  person: IncidentPerson;
  /** Its dates, to check as roles are chosen that no one pictured was born after the imagery was made. */
  incident: { imageryDate: string; cameToAttentionOn: string };
  onDone: () => void;
  onCancel: () => void;
}) {
  const [roles, setRoles] = useState<PersonRole[]>(person.roles);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const draft = useUnsavedChanges(roles);
  const name = personName(person);
  const live = { roles: picturedBornAfterImageryError(roles, personDateOfBirth(person), incident) };

  const saveRoles = useWrite('incidents.setRoles');
  async function save() {
    const impossible = liveErrors(live);
    if (Object.keys(impossible).length > 0) return setErrors(impossible);
    const result = await saveRoles({ incidentPersonId: person.id, roles });
    if (!result.ok) return setErrors(result.error.fields ?? { roles: result.error.message });
    draft.saved();
    onDone();
  }

  return (
    <section className="panel" aria-labelledby="roles-title">
      <h3 id="roles-title">Roles of {name}</h3>
      <ErrorSummary errors={errors} />
      <CheckboxesField name="roles" label="Roles in this incident" hint={ROLES_HINT} options={ROLE_OPTIONS} value={roles} onChange={setRoles} error={withLiveErrors(errors, live).roles} />
      <div className="button-group">
        <button type="button" className="button" onClick={() => void save()}>
          Save roles
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
