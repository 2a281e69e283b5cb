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

/**
 * Characters that change how a name is displayed without showing themselves: zero-width
 * spaces and joiners, the word joiner and byte-order mark, and the bidirectional controls
 * (embeddings, overrides, isolates, and the LRM, RLM and Arabic letter marks). With them
 * "evil" can display as "live", or two different names look the same. Arabic and Hebrew
 * names need none of them: their letters carry their own direction.
 */
const HIDDEN_FORMATTING = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u061C]/u;

/** Whether `text` holds a character that would display differently from how it reads. */
export function hasHiddenFormatting(text: string): boolean {
  return HIDDEN_FORMATTING.test(text);
}

/**
 * A person's (or the school's) name: trimmed, in Unicode's composed form (NFC, so "é" typed
 * as one character or as "e" and an accent is stored the same way and found by search),
 * and refused when it holds an invisible formatting character, with a message naming the
 * field (`what`, e.g. "first name").
 */
export function nameText(what: string, options: { missing: string; max: number; tooLong?: string }) {
  return z
    .string({ error: options.missing })
    .trim()
    .normalize('NFC')
    .min(1, options.missing)
    .max(options.max, options.tooLong ?? `Keep this to ${options.max.toLocaleString('en-GB')} characters`)
    .refine(
      (text) => !hasHiddenFormatting(text),
      `The ${what} contains an invisible formatting character (a zero-width or right-to-left control) that can make it display differently from how it reads. Type it again without it.`,
    );
}
