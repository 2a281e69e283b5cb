import { useState } from 'react';
import { schoolToday } from '../../../../shared/domain/dates';
import { dateOfBirthError, picturedBornAfterImageryError } from '../../../../shared/domain/impossible-dates';
import type { PersonRole } from '../../../../shared/domain/incidents';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxesField } from '../../components/fields';
import { liveErrors, withLiveErrors } from '../../components/live-errors';
import { useUnsavedChanges } from '../../components/unsaved-changes';
import { PupilPicker } from '../pupils/PupilPicker';
import { ROLE_OPTIONS, ROLES_HINT } from './role-options';

type Chosen = { id: number; firstName: string; lastName: string; dateOfBirth: string };

export function AddPupilPanel({
  incidentId,
  incident,
  excludeIds,
  onDone,
  onCancel,
}: {
  incidentId: number;
  /** Its dates, to check as roles are chosen that no one pictured was born after the imagery was made. */
  incident: { imageryDate: string; cameToAttentionOn: string };
  excludeIds: number[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [roles, setRoles] = useState<PersonRole[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const draft = useUnsavedChanges({ chosen: chosen?.id ?? null, roles });
  const live = {
    pupilId: chosen ? dateOfBirthError(chosen.dateOfBirth, schoolToday()) : null,
    roles: chosen ? picturedBornAfterImageryError(roles, chosen.dateOfBirth, incident) : null,
  };
  const shown = withLiveErrors(errors, live);

  const addPupil = useWrite('incidents.addPupil');
  async function add() {
    const next: Record<string, string> = {};
    if (!chosen) next.pupilId = 'Choose a pupil, or add a new one';
    if (roles.length === 0) next.roles = 'Choose at least one role';
    const impossible = liveErrors(live);
    setErrors({ ...next, ...impossible });
    if (!chosen || roles.length === 0 || Object.keys(impossible).length > 0) return;
    const result = await addPupil({ incidentId, pupilId: chosen.id, roles });
    if (!result.ok) return setErrors(result.error.fields ?? { pupilId: result.error.message });
    draft.saved();
    onDone();
  }

  return (
    <section className="panel" aria-labelledby="add-pupil-title">
      <h3 id="add-pupil-title">Add a pupil to this incident</h3>
      <ErrorSummary errors={errors} labels={{ pupilId: 'Pupil', roles: 'Roles' }} />
      {chosen ? (
        <p className="inset" id="field-pupilId" tabIndex={-1}>
          Pupil: <strong>{`${chosen.firstName} ${chosen.lastName}`}</strong>{' '}
          <button type="button" className="link-button" onClick={() => setChosen(null)}>
            Choose someone else
          </button>
        </p>
      ) : (
        <PupilPicker onChoose={setChosen} excludeIds={excludeIds} />
      )}
      <CheckboxesField name="roles" label="Their roles in this incident" hint={ROLES_HINT} options={ROLE_OPTIONS} value={roles} onChange={setRoles} error={shown.roles} />
      <div className="button-group">
        <button type="button" className="button" onClick={() => void add()}>
          Add to incident
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
