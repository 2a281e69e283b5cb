import { useState } from 'react';
import { z } from 'zod';
import type { IpcResult } from '../../../shared/ipc/result';
import { ErrorSummary } from './ErrorSummary';
import { TextField } from './fields';
import { useForm } from './use-form';

// The field holds text; the contract's number rule (`accepts`) applies once it is converted.
const numberForm = z.object({ value: z.string().trim().min(1, 'Enter a number') });

/**
 * One whole-number setting with its own Save (how many backups to keep, how long drafts are
 * kept): the number checked by the channel's own contract before it is sent, the core's
 * refusal shown on the field, and what was saved said back in words.
 */
export function NumberSettingForm({
  initial,
  field,
  min,
  max,
  label,
  summaryLabel,
  hint,
  accepts,
  save,
  savedText,
  secondary = false,
}: {
  initial: number;
  /** The channel's name for the number, under which the core reports a refusal. */
  field: string;
  min: number;
  max: number;
  label: string;
  /** The field's name in the error summary. */
  summaryLabel: string;
  hint: string;
  /** Whether the channel's contract takes this number. */
  accepts: (value: number) => boolean;
  save: (value: number) => Promise<IpcResult<unknown>>;
  savedText: (value: number) => string;
  secondary?: boolean;
}) {
  const form = useForm(numberForm, { value: String(initial) });
  const [saved, setSaved] = useState<number | null>(null);

  async function submit() {
    setSaved(null);
    const parsed = form.validate();
    if (!parsed) return;
    const value = Number(parsed.value);
    if (!accepts(value)) return form.setErrors({ value: `Enter a whole number from ${min} to ${max}` });
    form.setBusy(true);
    const result = await save(value);
    form.setBusy(false);
    if (!result.ok) {
      const onField = result.error.fields?.[field];
      return form.showServerError(onField === undefined ? result.error : { ...result.error, fields: { value: onField } });
    }
    form.saved();
    setSaved(value);
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
          {savedText(saved)}
        </div>
      ) : null}
      <ErrorSummary errors={form.errors} labels={{ value: summaryLabel }} formError={form.formError} />
      <TextField
        name="value"
        label={label}
        hint={`From ${min} to ${max}. ${hint}`}
        width="short"
        inputMode="numeric"
        value={form.values.value}
        onChange={(v) => form.setValue('value', v)}
        error={form.errors.value}
      />
      <button type="submit" className={secondary ? 'button button-secondary' : 'button'} disabled={form.busy}>
        Save
      </button>
    </form>
  );
}
