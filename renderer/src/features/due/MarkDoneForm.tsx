import { useState, type FormEvent } from 'react';
import { utcToSchoolTime } from '../../../../shared/domain/dates';
import type { DueItem } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { TextAreaField, TextField } from '../../components/fields';

/**
 * Marks an action done in one step: a new version of the action entry with the date it was
 * done, the note kept as the amendment's reason (the existing amendment path, audited, in one
 * transaction), so the incident shows who marked it, when and what they said.
 */
export function MarkDoneForm({ item, action, today, onClose }: { item: DueItem; action: NonNullable<DueItem['action']>; today: string; onClose: () => void }) {
  const revise = useWrite('entries.revise');
  const [doneOn, setDoneOn] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ doneOn?: string; note?: string; form?: string }>({});
  const [saving, setSaving] = useState(false);
  const prefix = `done-${item.key}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (note.trim() === '') {
      setErrors({ note: 'Write a note of what was done' });
      return;
    }
    setSaving(true);
    const { date, time } = utcToSchoolTime(action.occurredAt);
    const result = await revise({ entryId: item.entryId ?? 0, occurredOn: date, occurredTime: time, kind: 'action', body: { ...action.body, completedOn: doneOn }, reason: note });
    setSaving(false);
    // Once saved the action leaves the list, which has already been read again.
    if (result.ok) onClose();
    else {
      const fields = result.error.fields ?? {};
      const fieldErrors = { doneOn: fields['body.completedOn'], note: fields.reason };
      setErrors({ ...fieldErrors, ...(fieldErrors.doneOn || fieldErrors.note ? {} : { form: result.error.message }) });
    }
  }

  return (
    <form className="mark-done" aria-label={`Mark done: ${item.what}`} onSubmit={(event) => void submit(event)} noValidate>
      {errors.form ? (
        <p role="alert" className="warning-text">
          {errors.form}
        </p>
      ) : null}
      {/* Opened from the row's button: the keyboard goes straight to the form it brought in. */}
      <TextField name={`${prefix}-on`} label="Done on" type="date" width="medium" autoFocus value={doneOn} error={errors.doneOn} onChange={setDoneOn} />
      <TextAreaField name={`${prefix}-note`} label="Note of what was done" hint="Kept on the incident with the action." rows={2} value={note} error={errors.note} onChange={setNote} />
      <div className="table-actions">
        <button type="submit" className="button button-small" disabled={saving}>
          Save as done
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
