import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { IpcError } from '../../../shared/ipc/result';
import { useDraft, type DraftOf, type DraftValues } from '../features/drafts/use-draft';
import { useUnsavedChanges } from './unsaved-changes';

export type FormErrors = Record<string, string>;

/**
 * A form's values and errors, checked with the same zod schema the core uses, so a rule
 * is written once. Server-side refusals land on the same fields. Values that differ from
 * how the form started make leaving the page ask first (UnsavedChangesGuard) until the
 * form calls `saved()` (after a successful save) or `reset()` (cleared for the next one).
 * A form of the records passes `drafts` (decision 0023): what is typed is kept as its
 * author's draft and restored when the form opens; `beside` is state the form keeps outside
 * its values (a list typed as text), kept and restored with them and counted as unsaved too.
 */
export function useForm<S extends z.ZodType<unknown, Record<string, unknown>>, V extends Partial<z.input<S>> = z.input<S>>(
  schema: S,
  initial: V,
  drafts: { draft: DraftOf; beside?: DraftValues; restoreBeside?: (beside: DraftValues) => void } = { draft: null },
) {
  // Questions not yet answered (a radio with nothing chosen) are simply absent.
  const [values, setValues] = useState<V & Partial<z.input<S>>>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [start] = useState(initial);
  const { unsaved, saved } = useUnsavedChanges(values);
  const beside = useUnsavedChanges(drafts.beside ?? null);
  const draft = useDraft({
    draft: drafts.draft,
    state: { values, beside: drafts.beside ?? null },
    touched: unsaved || beside.unsaved,
    paused: busy,
    restore: (kept) => {
      // Kept from this same form's values, so the shape is the form's own.
      setValues({ ...start, ...(kept.values as Partial<V>) });
      if (drafts.restoreBeside && typeof kept.beside === 'object' && kept.beside !== null) drafts.restoreBeside(kept.beside as DraftValues);
    },
  });

  const setValue = useCallback(<K extends keyof z.input<S>>(name: K, value: z.input<S>[K] | undefined) => {
    setValues((current) => ({ ...current, [name]: value }));
  }, []);

  /**
   * The parsed values, or null after showing every field's message. `extra` supplies
   * values the form keeps in another shape (a comma list typed as text, say).
   */
  const validate = useCallback((extra?: Partial<z.input<S>>): z.output<S> | null => {
    const result = schema.safeParse(extra ? { ...values, ...extra } : values);
    if (!result.success) {
      setErrors(fieldErrors(result.error));
      setFormError(null);
      return null;
    }
    setErrors({});
    setFormError(null);
    return result.data;
  }, [schema, values]);

  const showServerError = useCallback((error: IpcError) => {
    setErrors(error.fields ?? {});
    setFormError(error.fields && Object.keys(error.fields).length > 0 ? null : error.message);
  }, []);

  /** After a successful save; `now` when the form is also being set to what was saved (trimmed, say). */
  const besideSaved = beside.saved;
  const markSaved = useCallback(
    (now?: V & Partial<z.input<S>>) => {
      saved(now);
      besideSaved();
    },
    [saved, besideSaved],
  );

  /** Back to the values the form started with, for the next person or record. */
  const reset = useCallback(() => {
    setValues(start);
    setErrors({});
    setFormError(null);
    saved(start);
    besideSaved();
  }, [start, saved, besideSaved]);

  return {
    values,
    setValue,
    setValues,
    errors,
    setErrors,
    formError,
    setFormError,
    validate,
    showServerError,
    busy,
    setBusy,
    unsaved: unsaved || beside.unsaved,
    saved: markSaved,
    draft,
    reset,
  };
}
