import { useState } from 'react';
import type { PersonRole } from '../../../../shared/domain/incidents';
import { pupilFullName } from '../../../../shared/domain/pupils';
import type { IncidentPerson } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxesField } from '../../components/fields';
import { ROLE_OPTIONS, ROLES_HINT } from './role-options';

export function RolesEditor({ person, onDone, onCancel }: { person: IncidentPerson; onDone: () => void; onCancel: () => void }) {
  const [roles, setRoles] = useState<PersonRole[]>(person.roles);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const name = person.pupil ? pupilFullName(person.pupil) : (person.other?.name ?? '');

  async function save() {
    const result = await call('incidents.setRoles', { incidentPersonId: person.id, roles });
    if (!result.ok) return setErrors(result.error.fields ?? { roles: result.error.message });
    onDone();
  }

  return (
    <section className="panel" aria-labelledby="roles-title">
      <h3 id="roles-title">Roles of {name}</h3>
      <ErrorSummary errors={errors} />
      <CheckboxesField name="roles" label="Roles in this incident" hint={ROLES_HINT} options={ROLE_OPTIONS} value={roles} onChange={setRoles} error={errors.roles} />
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
