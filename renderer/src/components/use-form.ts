import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { IpcError } from '../../../shared/ipc/result';

export type FormErrors = Record<string, string>;

/**
 * A form's values and errors, checked with the same zod schema the core uses, so a rule
 * is written once. Server-side refusals land on the same fields.
 */
export function useForm<S extends z.ZodType<unknown, Record<string, unknown>>>(schema: S, initial: z.input<S>) {
  const [values, setValues] = useState<z.input<S>>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setValue = useCallback(<K extends keyof z.input<S>>(name: K, value: z.input<S>[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
  }, []);

  /** The parsed values, or null after showing every field's message. */
  const validate = useCallback((): z.output<S> | null => {
    const result = schema.safeParse(values);
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

  return { values, setValue, setValues, errors, setErrors, formError, setFormError, validate, showServerError, busy, setBusy };
}
