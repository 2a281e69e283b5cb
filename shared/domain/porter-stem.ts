/**
 * The stem SQLite's FTS5 "porter" tokenizer gives a word, rule for rule (sqlite3.c,
 * fts5PorterCb and its steps), so that what the screen highlights is exactly what the
 * search index matched. FTS5 stems the word's UTF-8 bytes, and so does this: the stem is a
 * string of byte values (0–255), for comparing with other stems, never for showing.
 */

/** FTS5 leaves words shorter than 3 or longer than 64 bytes as they are. */
const MIN_BYTES = 3;
const MAX_BYTES = 64;

const NON_ASCII = /[^a-z0-9]/;

/**
 * `word` as one character per UTF-8 byte (a folded word of plain letters and digits already is).
 * Encoded here rather than with TextEncoder, which is neither ECMAScript nor allowed in shared/;
 * a lone surrogate becomes U+FFFD, as TextEncoder (and SQLite's text from it) has it.
 */
export function bytesOf(word: string): string {
  if (!NON_ASCII.test(word)) return word;
  let out = '';
  for (const char of word) {
    let cp = char.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out += String.fromCharCode(cp);
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out += String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

function isVowel(c: string | undefined, yIsVowel: boolean): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || (yIsVowel && c === 'y');
}

/** Past the first vowel-then-consonant of `z` (FTS5's fts5PorterGobbleVC): the index after it, or 0 when there is none. */
function gobbleVC(z: string, prevCons: boolean): number {
  let cons = prevCons;
  let i = 0;
  for (; i < z.length; i += 1) {
    cons = !isVowel(z[i], cons);
    if (!cons) break;
  }
  for (i += 1; i < z.length; i += 1) {
    cons = !isVowel(z[i], cons);
    if (cons) return i + 1;
  }
  return 0;
}

/** m > 0 */
function mGt0(z: string): boolean {
  return gobbleVC(z, false) !== 0;
}

/** m > 1 */
function mGt1(z: string): boolean {
  const n = gobbleVC(z, false);
  return n !== 0 && gobbleVC(z.slice(n), true) !== 0;
}

/** m = 1 */
function mEq1(z: string): boolean {
  const n = gobbleVC(z, false);
  return n !== 0 && gobbleVC(z.slice(n), true) === 0;
}

/** *o: ends consonant-vowel-consonant, the last not w, x or y. */
function oStar(z: string): boolean {
  const last = z[z.length - 1];
  if (last === 'w' || last === 'x' || last === 'y') return false;
  let mask = 0;
  let cons = false;
  for (const c of z) {
    cons = !isVowel(c, cons);
    mask = ((mask << 1) + (cons ? 1 : 0)) & 0xffff;
  }
  return (mask & 0x7) === 0x5;
}

/** m > 1 and the stem ends in s or t */
function mGt1SorT(z: string): boolean {
  const last = z[z.length - 1];
  return (last === 's' || last === 't') && mGt1(z);
}

/** *v*: the stem has a vowel (y counts after the first letter). */
function hasVowel(z: string): boolean {
  for (let i = 0; i < z.length; i += 1) if (isVowel(z[i], i > 0)) return true;
  return false;
}

type Rule = readonly [suffix: string, replacement: string, condition: (stem: string) => boolean];

/**
 * A step's rules grouped by the suffix's last-but-one letter, as FTS5 switches on it: within
 * a group the first suffix the word ends in decides, whether or not its condition holds.
 */
function step(rules: readonly Rule[]): (word: string) => string {
  const groups = new Map<string, Rule[]>();
  for (const rule of rules) {
    const key = rule[0][rule[0].length - 2]!;
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  return (word) => {
    for (const [suffix, replacement, condition] of groups.get(word[word.length - 2] ?? '') ?? []) {
      if (word.length > suffix.length && word.endsWith(suffix)) {
        const stem = word.slice(0, word.length - suffix.length);
        return condition(stem) ? stem + replacement : word;
      }
    }
    return word;
  };
}

const step2 = step([
  ['ational', 'ate', mGt0],
  ['tional', 'tion', mGt0],
  ['enci', 'ence', mGt0],
  ['anci', 'ance', mGt0],
  ['izer', 'ize', mGt0],
  ['logi', 'log', mGt0],
  ['bli', 'ble', mGt0],
  ['alli', 'al', mGt0],
  ['entli', 'ent', mGt0],
  ['eli', 'e', mGt0],
  ['ousli', 'ous', mGt0],
  ['ization', 'ize', mGt0],
  ['ation', 'ate', mGt0],
  ['ator', 'ate', mGt0],
  ['alism', 'al', mGt0],
  ['iveness', 'ive', mGt0],
  ['fulness', 'ful', mGt0],
  ['ousness', 'ous', mGt0],
  ['aliti', 'al', mGt0],
  ['iviti', 'ive', mGt0],
  ['biliti', 'ble', mGt0],
]);

const step3 = step([
  ['ical', 'ic', mGt0],
  ['ness', '', mGt0],
  ['icate', 'ic', mGt0],
  ['iciti', 'ic', mGt0],
  ['ful', '', mGt0],
  ['ative', '', mGt0],
  ['alize', 'al', mGt0],
]);

const step4 = step([
  ['al', '', mGt1],
  ['ance', '', mGt1],
  ['ence', '', mGt1],
  ['er', '', mGt1],
  ['ic', '', mGt1],
  ['able', '', mGt1],
  ['ible', '', mGt1],
  ['ant', '', mGt1],
  ['ement', '', mGt1],
  ['ment', '', mGt1],
  ['ent', '', mGt1],
  ['ion', '', mGt1SorT],
  ['ou', '', mGt1],
  ['ism', '', mGt1],
  ['ate', '', mGt1],
  ['iti', '', mGt1],
  ['ous', '', mGt1],
  ['ive', '', mGt1],
  ['ize', '', mGt1],
]);

/** Step 1b's "at" → "ate", "bl" → "ble", "iz" → "ize"; null when none applies. */
function step1b2(word: string): string | null {
  if (word.length <= 2) return null;
  for (const [end, to] of [
    ['at', 'ate'],
    ['bl', 'ble'],
    ['iz', 'ize'],
  ] as const) {
    if (word.endsWith(end)) return word.slice(0, -2) + to;
  }
  return null;
}

function step1a(w: string): string {
  const n = w.length;
  if (w[n - 1] !== 's') return w;
  if (w[n - 2] === 'e') {
    if ((n > 4 && w[n - 4] === 's' && w[n - 3] === 's') || (n > 3 && w[n - 3] === 'i')) return w.slice(0, n - 2);
    return w.slice(0, n - 1);
  }
  return w[n - 2] !== 's' ? w.slice(0, n - 1) : w;
}

/** Step 1b: "eed" → "ee"; "ed" and "ing" dropped after a vowel, then the stem tidied. */
function step1b(w: string): string {
  const n = w.length;
  let stem: string | null = null;
  if (w[n - 2] === 'e') {
    if (n > 3 && w.endsWith('eed')) return mGt0(w.slice(0, n - 3)) ? w.slice(0, n - 1) : w;
    if (n > 2 && w.endsWith('ed') && hasVowel(w.slice(0, n - 2))) stem = w.slice(0, n - 2);
  } else if (w[n - 2] === 'n') {
    if (n > 3 && w.endsWith('ing') && hasVowel(w.slice(0, n - 3))) stem = w.slice(0, n - 3);
  }
  if (stem === null) return w;
  const grown = step1b2(stem);
  if (grown !== null) return grown;
  const c = stem[stem.length - 1];
  if (!isVowel(c, false) && c !== 'l' && c !== 's' && c !== 'z' && c === stem[stem.length - 2]) return stem.slice(0, -1);
  if (mEq1(stem) && oStar(stem)) return `${stem}e`;
  return stem;
}

/**
 * The stem of one word as FTS5 indexes it under 'porter unicode61 remove_diacritics 2'.
 * `word` must already be one token, folded (lower case, no accents: `foldText`).
 */
export function porterStem(word: string): string {
  let w = bytesOf(word);
  if (w.length < MIN_BYTES || w.length > MAX_BYTES) return w;
  w = step1b(step1a(w));
  // Step 1c: a final y after a vowel-bearing stem becomes i.
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  w = step4(step3(step2(w)));
  // Step 5a: a final e goes when the stem is long enough.
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    if (mGt1(stem) || (mEq1(stem) && !oStar(stem))) w = stem;
  }
  // Step 5b: a final double l becomes single on a long stem.
  if (w.length > 1 && w.endsWith('ll') && mGt1(w.slice(0, -1))) w = w.slice(0, -1);
  return w;
}
