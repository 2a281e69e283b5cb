import type { FormErrors } from './use-form';

/** Checks worked out as the person types (a date that cannot be true): a message, or null when all is well. */
export type LiveChecks = Record<string, string | null>;

/** The messages among live checks, as field errors. */
export function liveErrors(live: LiveChecks): FormErrors {
  const found: FormErrors = {};
  for (const [field, message] of Object.entries(live)) if (message) found[field] = message;
  return found;
}

/**
 * What each field shows: the last attempt's errors, with a live check's message in place of
 * its field's. Only the fields show live messages; the error summary (which takes focus
 * when it appears) shows them once the person tries to save.
 */
export function withLiveErrors(errors: FormErrors, live: LiveChecks): FormErrors {
  return { ...errors, ...liveErrors(live) };
}
