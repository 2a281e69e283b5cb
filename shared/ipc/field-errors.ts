import type { z } from 'zod';

/**
 * Per-field messages from a zod error, keyed by dotted path ("people.0.name"); the first
 * message for a field wins. Used by the core's dispatch and the renderer's forms alike,
 * so a field's message reads the same wherever the rule caught it.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? '_' : issue.path.map(String).join('.');
    fields[key] ??= issue.message;
  }
  return fields;
}
