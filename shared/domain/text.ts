import { z } from 'zod';

/** Free text that must be given; `message` is what the person sees when it is missing. */
export function requiredText(message: string, max: number) {
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Keep this to ${max.toLocaleString('en-GB')} characters`);
}

/** Free text that may be left blank. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Keep this to ${max.toLocaleString('en-GB')} characters`)
    .default('');
}
