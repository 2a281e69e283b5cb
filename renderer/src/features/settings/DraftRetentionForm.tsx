import { useState } from 'react';
import { z } from 'zod';
import { DRAFT_DAYS_MAX, DRAFT_DAYS_MIN } from '../../../../shared/domain/drafts';
import { contract } from '../../../../shared/ipc/contract';
import { useRead, useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { LoadState } from '../../components/LoadState';
import { useForm } from '../../components/use-form';

// The field holds text; the contract's number rule applies once it is converted.
const retentionForm = z.object({ days: z.string().trim().min(1, 'Enter a number of days') });

function RetentionForm({ initial }: { initial: number }) {
  const form = useForm(retentionForm, { days: String(initial) });
  const [saved, setSaved] = useState(false);
  const setRetention = useWrite('drafts.setRetention');

  async function submit() {
    setSaved(false);
    const parsed = form.validate();
    if (!parsed) return;
    const checked = contract['drafts.setRetention'].input.safeParse({ days: Number(parsed.days) });
    if (!checked.success) return form.setErrors({ days: `Enter a whole number from ${DRAFT_DAYS_MIN} to ${DRAFT_DAYS_MAX}` });
    form.setBusy(true);
    const result = await setRetention(checked.data);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    setSaved(true);
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
          Saved. Unsaved drafts are deleted {form.values.days} days after they were last typed in.
        </div>
      ) : null}
      <ErrorSummary errors={form.errors} labels={{ days: 'Keep drafts for' }} formError={form.formError} />
      <TextField
        name="days"
        label="Keep unsaved drafts for this many days"
        hint={`From ${DRAFT_DAYS_MIN} to ${DRAFT_DAYS_MAX}. What staff type is kept as their own draft until they save it; older drafts are deleted when someone signs in, and the audit log says how many.`}
        width="short"
        inputMode="numeric"
        value={form.values.days}
        onChange={(v) => form.setValue('days', v)}
        error={form.errors.days}
      />
      <button type="submit" className="button" disabled={form.busy}>
        Save
      </button>
    </form>
  );
}

/** Settings, for the DSL: how long a draft nobody saved is kept (decision 0023). */
export function DraftRetentionSection() {
  const loaded = useRead('drafts.retention', {});
  return (
    <section className="panel" aria-labelledby="drafts-title">
      <h2 id="drafts-title">Drafts</h2>
      <LoadState loaded={loaded}>{(retention) => <RetentionForm initial={retention.days} />}</LoadState>
    </section>
  );
}
