import { z } from 'zod';
import { isoDate } from './dates';
import { ENTRY_KINDS } from './entries/kinds';
import { INCIDENT_STATUSES } from './incidents';
import { matchesAnywhere, matchesAt, searchStems, stemmedWords } from './search-words';

/**
 * Chronologies: one incident, one pupil across every incident, or the whole school. The
 * filters and the search are the same on all three; they live in the page's URL.
 */
export const CHRONOLOGY_ORDERS = ['happened-asc', 'happened-desc', 'recorded-desc', 'recorded-asc'] as const;
export type ChronologyOrder = (typeof CHRONOLOGY_ORDERS)[number];
export const CHRONOLOGY_ORDER_LABELS: Record<ChronologyOrder, string> = {
  'happened-asc': 'When it happened, oldest first',
  'happened-desc': 'When it happened, newest first',
  'recorded-desc': 'When it was recorded, newest first',
  'recorded-asc': 'When it was recorded, oldest first',
};

export const SIGNATURE_FILTERS = ['signed', 'awaiting', 'unsigned'] as const;
export type SignatureFilter = (typeof SIGNATURE_FILTERS)[number];
export const SIGNATURE_FILTER_LABELS: Record<SignatureFilter, string> = {
  signed: 'Signed',
  awaiting: 'Awaiting a signature',
  unsigned: 'Not signed by anyone',
};

const positiveId = z.number().int().positive();

export const chronologyScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('incident'), incidentId: positiveId }).strict(),
  z.object({ type: z.literal('pupil'), pupilId: positiveId }).strict(),
  z.object({ type: z.literal('school') }).strict(),
]);
export type ChronologyScope = z.output<typeof chronologyScope>;

/** The order a chronology takes when none is chosen: a story oldest first, the school log newest first. */
export function defaultOrder(scope: Pick<ChronologyScope, 'type'>): ChronologyOrder {
  return scope.type === 'school' ? 'happened-desc' : 'happened-asc';
}

const MAX_SEARCH_LENGTH = 200;
const MAX_SEARCH_TERMS = 8;

export const chronologyFilters = z
  .object({
    /** Words to find in entries, pupils' names, incident references and titles. */
    q: z.string().trim().max(MAX_SEARCH_LENGTH, `Keep the search to ${MAX_SEARCH_LENGTH} characters`).default(''),
    kind: z.enum(ENTRY_KINDS).optional(),
    /** Calendar dates on the school's clock, both ends included, on when the entry happened. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    authorId: positiveId.optional(),
    signatures: z.enum(SIGNATURE_FILTERS).optional(),
    status: z.enum(INCIDENT_STATUSES).optional(),
    /** Within a pupil's chronology: one of their incidents only. */
    incidentId: positiveId.optional(),
    backdated: z.boolean().default(false),
    /**
     * Within a pupil's chronology: leave out entries that concern only other people (they name
     * whom they are about, and this pupil is not among them; shared/domain/whose-entry.ts).
     */
    leaveOutOthers: z.boolean().optional(),
    order: z.enum(CHRONOLOGY_ORDERS).optional(),
  })
  .strict()
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    path: ['to'],
    message: 'The “to” date must be the same as or after the “from” date',
  });
export type ChronologyFilters = z.output<typeof chronologyFilters>;
export type ChronologyFiltersInput = z.input<typeof chronologyFilters>;

/** Letters and digits only at either end: "phone," and "(Snapchat)" search as phone and Snapchat. */
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * The words of a search, each matched on its own (all must match, each anywhere: the
 * entry's text, a pupil's name, the incident's reference or title). Duplicates ignored.
 */
export function searchTerms(query: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const raw of query.split(/\s+/)) {
    const term = raw.replace(EDGE_PUNCTUATION, '');
    const folded = foldText(term);
    if (term === '' || seen.has(folded)) continue;
    seen.add(folded);
    terms.push(term);
    if (terms.length === MAX_SEARCH_TERMS) break;
  }
  return terms;
}

/** Lower case without accents, as the search index compares words: "Zoë" finds "zoe". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

export type TextPart = { text: string; match: boolean };

/**
 * How a search word is matched in a piece of text. `words`: as the search index matches what
 * people wrote, by word forms (search-words.ts: "blackmail" finds "blackmailed"), marking
 * whole words; `prefix`: at the start of a word (pupils' and other people's names, which do
 * not inflect); `substring`: anywhere (references).
 */
export type MatchMode = 'words' | 'prefix' | 'substring';

/**
 * Splits `text` into matched and unmatched parts for highlighting, by `mode`. Case and
 * accents are ignored, and the parts always join back into `text` exactly.
 */
export function highlightParts(text: string, terms: readonly string[], mode: MatchMode = 'words'): TextPart[] {
  const foldedTerms = terms.map(foldText).filter((t) => t !== '');
  if (foldedTerms.length === 0 || text === '') return [{ text, match: false }];
  const { folded, origin } = foldWithOrigins(text);
  const from = (at: number) => (origin ? origin[at]! : at);

  const marked = new Array<boolean>(text.length).fill(false);
  const mark = (start: number, end: number) => {
    for (let i = from(start); i < from(end); i += 1) marked[i] = true;
  };
  if (mode === 'words') {
    const words = stemmedWords(folded);
    for (const term of foldedTerms) {
      const stems = searchStems(term);
      for (let at = 0; at < words.length; at += 1) {
        if (matchesAt(words, at, stems)) mark(words[at]!.start, words[at + stems.length - 1]!.end);
      }
    }
  } else {
    for (const term of foldedTerms) {
      for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
        if (mode === 'substring' || !isWordChar(folded[at - 1])) mark(at, at + term.length);
      }
    }
  }

  const parts: TextPart[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i += 1) {
    if (i === text.length || marked[i] !== marked[start]) {
      parts.push({ text: text.slice(start, i), match: marked[start]! });
      start = i;
    }
  }
  return parts;
}

/** Whether `term` finds a word of `text` as the search index finds words in what people wrote (`words` above). */
export function findsWordForm(text: string, term: string): boolean {
  return matchesAnywhere(stemmedWords(foldText(text)), searchStems(foldText(term)));
}

/** Whether a word of `text` starts with `term`, ignoring case and accents: how the search matches names. */
export function startsAWord(text: string, term: string): boolean {
  return foldedStartsAWord(foldText(text), foldText(term));
}

/** `startsAWord` for text and term already folded (foldText), to match many texts quickly. */
export function foldedStartsAWord(foldedText: string, foldedTerm: string): boolean {
  if (foldedTerm === '') return false;
  for (let at = foldedText.indexOf(foldedTerm); at !== -1; at = foldedText.indexOf(foldedTerm, at + 1)) {
    if (!isWordChar(foldedText[at - 1])) return true;
  }
  return false;
}

// Printable ASCII folds character for character (lower case only), so each folded character
// comes from the same index: the common case, with no table of origins to build.
const ASCII = /^[\t\n\r -~]*$/;

/**
 * The folded text, and for each of its characters the index in `text` it came from (null:
 * the same index). Only characters outside ASCII are normalised one at a time.
 */
function foldWithOrigins(text: string): { folded: string; origin: number[] | null } {
  if (ASCII.test(text)) return { folded: text.toLowerCase(), origin: null };
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const f = char.length === 1 && char.charCodeAt(0) < 0x80 ? char.toLowerCase() : foldText(char);
    for (let i = 0; i < f.length; i += 1) origin.push(index);
    folded += f;
    index += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** Whether `term` is anywhere in `text`, ignoring case and accents: how references are matched. */
export function containsText(text: string, term: string): boolean {
  return foldText(text).includes(foldText(term));
}

/**
 * A short extract of `text` around the first place a term matches, for showing why an
 * entry was found; null when no term matches it.
 */
export function snippetAround(text: string, terms: readonly string[], radius = 70): string | null {
  const parts = highlightParts(text, terms);
  let offset = 0;
  for (const part of parts) {
    if (part.match) {
      let start = Math.max(0, offset - radius);
      let end = Math.min(text.length, offset + part.text.length + radius);
      // Cut at spaces, so the extract does not start or end part-way through a word.
      if (start > 0) {
        const space = text.indexOf(' ', start);
        if (space !== -1 && space < offset) start = space + 1;
      }
      if (end < text.length) {
        const space = text.lastIndexOf(' ', end);
        if (space > offset + part.text.length) end = space;
      }
      return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
    }
    offset += part.text.length;
  }
  return null;
}
