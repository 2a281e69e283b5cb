import { useState } from 'react';
import { contract } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { useSession } from '../../app/session-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';

const schoolForm = contract['settings.updateSchool'].input;
const LABELS = { schoolName: 'School name', schoolUrn: 'URN' };

/** The school's name (on every page and printed record) and its URN, as at set-up. */
export function SchoolDetailsForm({ initial }: { initial: { schoolName: string; schoolUrn: string } }) {
  const { refresh } = useSession();
  const form = useForm(schoolForm, { schoolName: initial.schoolName, schoolUrn: initial.schoolUrn });
  const [saved, setSaved] = useState<string | null>(null);

  const updateSchool = useWrite('settings.updateSchool');
  async function submit() {
    setSaved(null);
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await updateSchool(parsed);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    const now = { schoolName: result.value.schoolName, schoolUrn: result.value.schoolUrn };
    form.setValues(now);
    form.saved(now);
    setSaved(result.value.schoolUrn ? `Saved: ${result.value.schoolName}, URN ${result.value.schoolUrn}.` : `Saved: ${result.value.schoolName}.`);
    // The header shows the school's name from the session.
    await refresh();
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {saved ? (
        <div className="inset inset-success" role="status">
          {saved}
        </div>
      ) : null}
      <ErrorSummary errors={form.errors} labels={LABELS} formError={form.formError} />
      <TextField name="schoolName" label={LABELS.schoolName} value={form.values.schoolName ?? ''} onChange={(v) => form.setValue('schoolName', v)} error={form.errors.schoolName} />
      <TextField
        name="schoolUrn"
        label={LABELS.schoolUrn}
        hint="The school’s 6-digit Unique Reference Number, from Get Information about Schools. Leave it blank if you do not know it."
        width="short"
        inputMode="numeric"
        value={form.values.schoolUrn ?? ''}
        onChange={(v) => form.setValue('schoolUrn', v)}
        error={form.errors.schoolUrn}
      />
      <button type="submit" className="button" disabled={form.busy}>
        Save school details
      </button>
    </form>
  );
}
