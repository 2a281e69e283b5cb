import { porterStem } from './porter-stem';

/**
 * How the search index matches written words (migration 7: FTS5 'porter unicode61
 * remove_diacritics 2', each search word sent as a prefix phrase), written out so that the
 * screen highlights exactly the words the index found: a search word matches a word of the
 * text when the text word's stem starts with the search word's stem, so "blackmail" finds
 * "blackmailed", "blackmailing" and "blackmails", and "blackmailing" finds "blackmail".
 * A search word of several parts ("e-mail", "o’brien") is a phrase: each part but the last
 * must have the same stem as the word in its place, the last as above.
 */

/** One word of folded text (foldText), with where it is and its stem. */
export type StemmedWord = { start: number; end: number; stem: string };

// unicode61's token characters: letters, digits and private-use characters; anything else separates words.
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

/** The words of folded text (lower case, accents removed: foldText), each with its stem. */
export function stemmedWords(folded: string): StemmedWord[] {
  const words: StemmedWord[] = [];
  for (const match of folded.matchAll(WORD)) {
    words.push({ start: match.index, end: match.index + match[0].length, stem: porterStem(match[0]) });
  }
  return words;
}

/** The stems of a folded search word's parts, as the index reads the phrase it is sent as. */
export function searchStems(foldedTerm: string): string[] {
  return stemmedWords(foldedTerm).map((w) => w.stem);
}

/** Whether the phrase `stems` (searchStems) matches at `words[at]`. */
export function matchesAt(words: readonly Pick<StemmedWord, 'stem'>[], at: number, stems: readonly string[]): boolean {
  if (stems.length === 0 || at + stems.length > words.length) return false;
  const last = stems.length - 1;
  for (let k = 0; k < last; k += 1) if (words[at + k]!.stem !== stems[k]) return false;
  return words[at + last]!.stem.startsWith(stems[last]!);
}

/** Whether the phrase `stems` matches anywhere in `words`. */
export function matchesAnywhere(words: readonly Pick<StemmedWord, 'stem'>[], stems: readonly string[]): boolean {
  for (let at = 0; at < words.length; at += 1) if (matchesAt(words, at, stems)) return true;
  return false;
}
