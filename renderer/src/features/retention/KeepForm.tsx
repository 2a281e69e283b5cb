import { z } from 'zod';
import { dateField } from '../../../../shared/domain/dates';
import type { RecordTarget } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';

const keepForm = z.object({
  reason: z.string().trim().min(1, 'Enter why the record is being kept'),
  nextReviewOn: dateField('Enter the date of the next review'),
});

/** The DSL's decision to keep a record: why, and when it is looked at again. */
export function KeepForm({ target, label, onDone }: { target: RecordTarget; label: string; onDone: () => void }) {
  const keep = useWrite('retention.keep');
  const form = useForm(keepForm, { reason: '', nextReviewOn: '' });

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await keep({ target, ...parsed });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    onDone();
  }

  return (
    <form
      noValidate
      aria-label={`Keep ${label}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={form.errors} labels={{ reason: 'Why it is kept', nextReviewOn: 'Next review' }} formError={form.formError} />
      <TextAreaField
        name="reason"
        label="Why is it being kept?"
        hint="For example an open police investigation, a claim expected, or a child still at the school. Kept with the decision; the audit log records only the date."
        rows={2}
        value={form.values.reason}
        onChange={(v) => form.setValue('reason', v)}
        error={form.errors.reason}
      />
      <TextField
        name="nextReviewOn"
        label="Review it again on"
        type="date"
        width="medium"
        value={form.values.nextReviewOn}
        onChange={(v) => form.setValue('nextReviewOn', v)}
        error={form.errors.nextReviewOn}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={form.busy}>
          Keep until this date
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
