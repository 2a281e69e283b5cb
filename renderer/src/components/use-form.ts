import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { IpcError } from '../../../shared/ipc/result';
import { useUnsavedChanges } from './unsaved-changes';

export type FormErrors = Record<string, string>;

/**
 * A form's values and errors, checked with the same zod schema the core uses, so a rule
 * is written once. Server-side refusals land on the same fields. Values that differ from
 * how the form started make leaving the page ask first (UnsavedChangesGuard) until the
 * form calls `saved()` (after a successful save) or `reset()` (cleared for the next one).
 */
export function useForm<S extends z.ZodType<unknown, Record<string, unknown>>, V extends Partial<z.input<S>> = z.input<S>>(schema: S, initial: V) {
  // Questions not yet answered (a radio with nothing chosen) are simply absent.
  const [values, setValues] = useState<V & Partial<z.input<S>>>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [start] = useState(initial);
  const { unsaved, saved } = useUnsavedChanges(values);

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
  const markSaved = useCallback((now?: V & Partial<z.input<S>>) => saved(now), [saved]);

  /** Back to the values the form started with, for the next person or record. */
  const reset = useCallback(() => {
    setValues(start);
    setErrors({});
    setFormError(null);
    saved(start);
  }, [start, saved]);

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
    unsaved,
    saved: markSaved,
    reset,
  };
}
