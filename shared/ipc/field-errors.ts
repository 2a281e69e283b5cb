import type { z } from 'zod';

/**
 * Per-field messages from a zod error, keyed by dotted path ("people.0.name"); the first
 * message for a field wins. Used by the core's dispatch and the renderer's forms alike,
 * so a field's message reads the same wherever the rule caught it.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  let count = 0;
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? '_' : issue.path.map(String).join('.').slice(0, MAX_KEY);
    if (fields[key] !== undefined) continue;
    // A hostile payload can raise thousands of issues, or one naming thousands of keys:
    // the answer stays small whatever was sent.
    if (++count > MAX_FIELDS) break;
    fields[key] = issue.message.length > MAX_MESSAGE ? `${issue.message.slice(0, MAX_MESSAGE)}…` : issue.message;
  }
  return fields;
}

const MAX_FIELDS = 50;
const MAX_KEY = 200;
const MAX_MESSAGE = 300;
