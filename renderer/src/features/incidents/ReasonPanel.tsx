import { useState } from 'react';
import { TextAreaField } from '../../components/fields';
import { useUnsavedChanges } from '../../components/unsaved-changes';

/**
 * A change to the incident's status that needs a reason (voiding, reopening): a button that
 * opens a short form, so the reason is asked for only when someone means to do it.
 */
export function ReasonPanel({
  name,
  open: openLabel,
  title,
  explanation,
  reasonLabel,
  reasonHint,
  confirm,
  warning,
  onSubmit,
}: {
  name: string;
  open: string;
  title: string;
  explanation: string;
  reasonLabel: string;
  reasonHint: string;
  confirm: string;
  warning?: boolean;
  /** Answers an error message, or null when done. */
  onSubmit: (reason: string) => Promise<{ message: string; fields?: Record<string, string> } | null>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = useUnsavedChanges(open ? reason : '');

  if (!open) {
    return (
      <button type="button" className={`button ${warning ? 'button-warning' : 'button-secondary'}`} onClick={() => setOpen(true)}>
        {openLabel}
      </button>
    );
  }
  async function submit() {
    setBusy(true);
    const failure = await onSubmit(reason);
    setBusy(false);
    if (failure) setError({ message: failure.message, field: failure.fields?.reason });
    else draft.saved();
  }
  return (
    <section className={`panel ${warning ? 'panel-warning' : ''}`} aria-labelledby={`${name}-title`}>
      <h2 id={`${name}-title`}>{title}</h2>
      <p>{explanation}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextAreaField name={`${name}-reason`} label={reasonLabel} hint={reasonHint} rows={3} value={reason} onChange={setReason} error={error?.field} />
        {error && !error.field ? (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        ) : null}
        <div className="button-group">
          <button type="submit" className={`button ${warning ? 'button-warning' : ''}`} disabled={busy}>
            {confirm}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
