import { useState } from 'react';
import type { IncidentPerson } from '../../../../shared/ipc/contract';
import { personName } from '../../../../shared/forms/field-spec';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField } from '../../components/fields';
import { useUnsavedChanges } from '../../components/unsaved-changes';

/**
 * Removes someone added to the incident in error. Nothing is deleted: they stay in the
 * record as removed, with who removed them, when and why, and their roles end.
 */
export function RemovePersonPanel({ person, onDone, onCancel }: { person: IncidentPerson; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = useUnsavedChanges(reason);
  const name = personName(person);

  const removePerson = useWrite('incidents.removePerson');
  async function remove() {
    if (reason.trim() === '') return setErrors({ reason: 'Give the reason for removing them' });
    setBusy(true);
    const result = await removePerson({ incidentPersonId: person.id, reason });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setFormError(result.error.fields ? null : result.error.message);
      return;
    }
    draft.saved();
    onDone();
  }

  return (
    <section className="panel" aria-labelledby="remove-person-title">
      <h3 id="remove-person-title">Remove {name} from this incident</h3>
      <ErrorSummary errors={errors} labels={{ reason: 'Why they are being removed' }} formError={formError} />
      <p>
        Only for someone added in error, such as the wrong pupil. Their roles end and they no longer count for the five points, what is missing or
        the pupil’s incidents. Nothing is deleted: the record keeps showing that they were added, and that you removed them, when and why.
      </p>
      <TextAreaField
        name="reason"
        label="Why they are being removed"
        hint="For example “Added in error: a different pupil with the same name”."
        rows={3}
        value={reason}
        onChange={setReason}
        error={errors.reason}
      />
      <div className="button-group">
        <button type="button" className="button button-warning" disabled={busy} onClick={() => void remove()}>
          {busy ? 'Removing…' : 'Remove from this incident'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
