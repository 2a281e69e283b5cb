import { useState } from 'react';
import { z } from 'zod';
import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN } from '../../../../shared/domain/settings';
import { contract } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';

// The field holds text; the contract's number rule applies once it is converted.
const keepForm = z.object({ keep: z.string().trim().min(1, 'Enter how many backups to keep') });

export function KeepForm({ initial }: { initial: number }) {
  const form = useForm(keepForm, { keep: String(initial) });
  const [saved, setSaved] = useState<number | null>(null);
  const configure = useWrite('backups.configure');

  async function submit() {
    setSaved(null);
    const parsed = form.validate();
    if (!parsed) return;
    const checked = contract['backups.configure'].input.safeParse({ keep: Number(parsed.keep) });
    if (!checked.success) return form.setErrors({ keep: `Enter a whole number from ${BACKUP_KEEP_MIN} to ${BACKUP_KEEP_MAX}` });
    form.setBusy(true);
    const result = await configure(checked.data);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    setSaved(result.value.keep);
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {saved !== null ? (
        <div className="inset inset-success" role="status">
          Saved. The newest {saved} backups will be kept; older ones are removed after the next backup.
        </div>
      ) : null}
      <ErrorSummary errors={form.errors} labels={{ keep: 'Backups to keep' }} formError={form.formError} />
      <TextField
        name="keep"
        label="Number of backups to keep"
        hint={`From ${BACKUP_KEEP_MIN} to ${BACKUP_KEEP_MAX}. After each backup, the oldest good backups in the folder beyond this number are removed.`}
        width="short"
        inputMode="numeric"
        value={form.values.keep}
        onChange={(v) => form.setValue('keep', v)}
        error={form.errors.keep}
      />
      <button type="submit" className="button button-secondary" disabled={form.busy}>
        Save
      </button>
    </form>
  );
}
