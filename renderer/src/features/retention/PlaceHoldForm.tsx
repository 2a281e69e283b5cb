import { z } from 'zod';
import { HOLD_REASON_KINDS, HOLD_REASON_WORDS } from '../../../../shared/domain/legal-holds';
import type { RecordTarget } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField, TextAreaField } from '../../components/fields';
import { useForm } from '../../components/use-form';

const holdForm = z.object({
  reasonKind: z.enum(HOLD_REASON_KINDS, { error: 'Choose why the record is on hold' }),
  reason: z.string().trim().min(1, 'Enter the reason for the hold'),
});

const CHOICES = HOLD_REASON_KINDS.map((kind) => ({ value: kind, label: HOLD_REASON_WORDS[kind].replace(/^./, (c) => c.toUpperCase()) }));

/** Placing a legal hold: while it stands the record is not proposed for review and cannot be destroyed. */
export function PlaceHoldForm({ target, onDone }: { target: RecordTarget; onDone: () => void }) {
  const place = useWrite('holds.place');
  const form = useForm(holdForm, { reason: '' });

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await place({ target, ...parsed });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    onDone();
  }

  return (
    <form
      noValidate
      aria-label="Place a legal hold"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={form.errors} labels={{ reasonKind: 'Why it is on hold', reason: 'Reason' }} formError={form.formError} />
      <RadioField name="reasonKind" label="Why must it be kept?" options={CHOICES} value={form.values.reasonKind} onChange={(v) => form.setValue('reasonKind', v)} error={form.errors.reasonKind} />
      <TextAreaField
        name="reason"
        label="Reason"
        hint="For example who asked, and their reference. Shown here to DSLs; the audit log records only the kind of reason."
        rows={2}
        value={form.values.reason}
        onChange={(v) => form.setValue('reason', v)}
        error={form.errors.reason}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={form.busy}>
          Place the hold
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
