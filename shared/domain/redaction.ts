// Redaction for documents printed for other agencies. The DSL chooses which children are
// named; every other child appears as a stable label ("Pupil A", "Young person B") wherever
// the document mentions them, including inside free text where staff typed their name.
// Pure: no Node APIs, so the renderer can preview exactly what the PDF will print.

export type RedactionChild = {
  /** Stable key across the whole document: 'pupil:12' (pupil on roll) or 'person:5' (young person not on roll). */
  key: string;
  kind: 'pupil' | 'young_person';
  /** For pupils: first and last name. For young people not on roll: the name as typed (split it into parts yourself). */
  firstName: string;
  lastName: string;
};

export type Redaction = {
  /** The label for a withheld child ("Pupil A", "Pupil B", …; "Young person A", … for young people not on roll), or null when named. */
  labelOf(key: string): string | null;
  /** The child's name as the document prints it: full name when named, else the label. */
  displayName(child: RedactionChild): string;
  /** `text` with every withheld child's full name, first name and surname replaced. */
  redact(text: string): string;
  /** Number of children whose names are withheld. */
  withheldCount: number;
  /** One sentence for the document's cover, e.g. "Names of other children withheld: 3 children are shown as Pupil A to Pupil C." or "All children are named in full." */
  statement: string;
};

/** What a token shared by more than one person (or by a withheld child and a named person) becomes. */
export const NAME_WITHHELD = '[name withheld]';

const KIND_PREFIX: Record<RedactionChild['kind'], string> = {
  pupil: 'Pupil',
  young_person: 'Young person',
};

/** A word character for the purpose of name boundaries: letters, combining marks and digits. */
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`;
const APOSTROPHES = /['\u2019\u02BC]/gu;
const HYPHENS = /[-\u2010\u2011]/gu;
const SYNTAX_CHARS = /[\\^$.*+?()[\]{}|/]/u;

/** 0 → "A", 25 → "Z", 26 → "AA", 27 → "AB" … (bijective base 26). */
export function labelLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** NFC, one kind of apostrophe and hyphen, single spaces, trimmed. Case is kept. */
function tidy(name: string): string {
  return name.normalize('NFC').replace(APOSTROPHES, "'").replace(HYPHENS, '-').replace(/\s+/gu, ' ').trim();
}

/**
 * Letters that are not a base letter plus an accent in Unicode, so NFD does not take them
 * apart, but that people type without the accent all the same: "Lukasik" for "Łukasik",
 * "Yilmaz" for "Yılmaz", "Nguyen" for "Nguyễn" (đ), "Sørensen" as "Sorensen". Greek final
 * sigma is the same letter as sigma.
 */
const BASE_LETTERS: Record<string, string> = { ł: 'l', ı: 'i', đ: 'd', ø: 'o', ħ: 'h', ŧ: 't', ς: 'σ' };
const MARKS = /\p{M}/gu;
const foldedChars = new Map<string, string>();

/** One character as names are compared: lower case, accents and other marks removed. */
function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    folded = [...ch.toLowerCase().normalize('NFD').replace(MARKS, '')].map((c) => BASE_LETTERS[c] ?? c).join('');
    foldedChars.set(ch, folded);
  }
  return folded;
}

/**
 * The key two spellings of a name share when they are the same name: case, accents and
 * marks are ignored ("Seán Ó Briain" = "Sean O Briain", "ΕΛΈΝΗ" = "Ελένη"; Arabic vowel marks
 * too), because a name typed without its accents names the same child.
 */
function fold(text: string): string {
  let folded = '';
  for (const ch of text) folded += foldChar(ch);
  return folded;
}

/**
 * `text` folded, with where each folded UTF-16 unit came from, so that a name found in the
 * folded text is replaced in the text as it was typed. A mark folds to nothing and stays
 * with the letter before it.
 */
function foldWithOrigins(text: string): { folded: string; origins: number[] } {
  let folded = '';
  const origins: number[] = [];
  let index = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let i = 0; i < f.length; i += 1) origins.push(index);
    index += ch.length;
  }
  origins.push(text.length);
  return { folded, origins };
}

/** Regex source matching a tidied name: any run of whitespace between words, either apostrophe, any hyphen. */
function patternOf(tidied: string): string {
  let source = '';
  for (const ch of tidied) {
    if (ch === ' ') source += String.raw`\s+`;
    else if (ch === "'") source += "['\u2019\u02BC]";
    else if (ch === '-') source += '[-\u2010\u2011]';
    else if (SYNTAX_CHARS.test(ch)) source += `\\${ch}`;
    else source += ch;
  }
  return source;
}

const longEnough = (s: string) => [...s].length >= 2;

/** Capitalised words that describe rather than name someone ("Year 10 boy from Ashdown School"). */
const GENERIC_WORDS = new Set(
  ['school', 'academy', 'college', 'primary', 'secondary', 'high', 'grammar', 'year', 'boy', 'girl', 'pupil', 'student', 'friend', 'unknown', 'not', 'known', 'name', 'the', 'from', 'at', 'of', 'and', 'mr', 'mrs', 'ms', 'miss'],
);

/**
 * A young person not on roll is typed as a name or a description. Only the words of it that
 * look like a name (capitalised, not a describing word) are withheld on their own, so that
 * "from" or "school" elsewhere in the record survive; the whole phrase is always withheld.
 */
function looksLikeAName(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && !GENERIC_WORDS.has(word.toLowerCase());
}

/**
 * The strings that stand for one person: the full name, each of the given name fields, each
 * word and each part of a hyphenated word. Parts shorter than two characters are left out.
 */
function nameForms(fields: readonly string[], described = false): string[] {
  const forms = new Set<string>();
  const addWord = (s: string) => {
    if (!described || looksLikeAName(s)) add(s);
  };
  const tidiedFields = fields.map(tidy).filter((f) => f !== '');
  const full = tidiedFields.join(' ');
  const add = (s: string) => {
    if (longEnough(s)) forms.add(s);
  };
  add(full);
  for (const field of tidiedFields) {
    add(field);
    for (const word of field.split(' ')) {
      addWord(word);
      for (const piece of word.split('-')) addWord(piece);
    }
  }
  return [...forms];
}

function fullNameOf(child: RedactionChild): string {
  return [child.firstName, child.lastName].map(tidy).filter((f) => f !== '').join(' ');
}

function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** "Pupil A", "Pupil A and Pupil B", "Pupil A to Pupil C" for each kind, then joined. */
function coverStatement(counts: Record<RedactionChild['kind'], number>, total: number): string {
  if (total === 0) return 'All children are named in full.';
  const items: string[] = [];
  for (const kind of ['pupil', 'young_person'] as const) {
    const n = counts[kind];
    const label = (i: number) => `${KIND_PREFIX[kind]} ${labelLetters(i)}`;
    if (n === 1) items.push(label(0));
    else if (n === 2) items.push(label(0), label(1));
    else if (n >= 3) items.push(`${label(0)} to ${label(n - 1)}`);
  }
  const children = total === 1 ? '1 child is' : `${total} children are`;
  return `Names of other children withheld: ${children} shown as ${joinWithAnd(items)}.`;
}

type Form = {
  /** The spelling first seen (tidied, case kept): the regex is built from it. */
  spelling: string;
  /** Keys of the withheld children this form belongs to. */
  withheld: Set<string>;
  /** Whether the form also belongs to someone who stays named. */
  named: boolean;
};

/**
 * `children` in order of first appearance in the document (labels are given in this order, so the same
 * child gets the same label everywhere); `named` = keys the DSL chose to name; `otherNames` = names of
 * people who stay named in the document (staff, adults, named children are added automatically) used only
 * to detect ambiguous tokens.
 */
export function planRedaction(
  children: readonly RedactionChild[],
  named: ReadonlySet<string>,
  otherNames: readonly string[] = [],
): Redaction {
  const labels = new Map<string, string>();
  const seen = new Set<string>();
  const counts: Record<RedactionChild['kind'], number> = { pupil: 0, young_person: 0 };
  const forms = new Map<string, Form>();
  const formFor = (spelling: string): Form => {
    const key = fold(spelling);
    let form = forms.get(key);
    if (!form) {
      form = { spelling, withheld: new Set(), named: false };
      forms.set(key, form);
    }
    return form;
  };

  for (const child of children) {
    if (seen.has(child.key)) continue;
    seen.add(child.key);
    const isNamed = named.has(child.key);
    if (!isNamed) {
      labels.set(child.key, `${KIND_PREFIX[child.kind]} ${labelLetters(counts[child.kind])}`);
      counts[child.kind] += 1;
    }
    for (const spelling of nameForms([child.firstName, child.lastName], child.kind === 'young_person')) {
      const form = formFor(spelling);
      if (isNamed) form.named = true;
      else form.withheld.add(child.key);
    }
  }
  for (const other of otherNames) {
    for (const spelling of nameForms([other])) formFor(spelling).named = true;
  }

  const withheldCount = labels.size;
  const statement = coverStatement(counts, withheldCount);
  const labelOf = (key: string): string | null => labels.get(key) ?? null;
  const displayName = (child: RedactionChild): string => {
    const label = labels.get(child.key);
    if (label !== undefined) return label;
    // A child the plan was never told about is withheld too: never print a name by accident.
    if (!named.has(child.key)) return NAME_WITHHELD;
    return fullNameOf(child);
  };

  if (withheldCount === 0) {
    return { labelOf, displayName, redact: (text) => text, withheldCount, statement };
  }

  // Each alternative carries what it becomes: a label, NAME_WITHHELD, or null to keep the
  // text (a named person's longer name that contains a withheld token, such as a member of
  // staff who shares a withheld child's first name: "Reuben Ashgrove" stays whole).
  const withheldForms = [...forms.values()].filter((f) => f.withheld.size > 0);
  const tokenRegex = new RegExp(
    `(?<!${WORD_CHAR})(?:${withheldForms.map((f) => patternOf(fold(f.spelling))).join('|')})(?!${WORD_CHAR})`,
    'iu',
  );
  const alternatives: { folded: string; replacement: string | null }[] = [];
  for (const form of forms.values()) {
    const folded = fold(form.spelling);
    if (form.withheld.size > 0) {
      const only = form.withheld.size === 1 && !form.named ? labels.get([...form.withheld][0]!) : undefined;
      alternatives.push({ folded, replacement: only ?? NAME_WITHHELD });
    } else if (form.named && tokenRegex.test(folded)) {
      alternatives.push({ folded, replacement: null });
    }
  }
  alternatives.sort((a, b) => [...b.folded].length - [...a.folded].length);

  // Names are found in the folded text (no case, no accents) and replaced in the text as typed.
  const combined = new RegExp(
    `(?<!${WORD_CHAR})(?:${alternatives.map((a) => `(${patternOf(a.folded)})`).join('|')})(?!${WORD_CHAR})`,
    'giu',
  );
  const redact = (input: string): string => {
    const text = input.normalize('NFC');
    const { folded, origins } = foldWithOrigins(text);
    let result = '';
    let copied = 0;
    for (const match of folded.matchAll(combined)) {
      const index = match.slice(1).findIndex((group) => group !== undefined);
      const replacement = index === -1 ? NAME_WITHHELD : alternatives[index]!.replacement;
      if (replacement === null) continue;
      const start = origins[match.index]!;
      const end = origins[match.index + match[0].length]!;
      result += text.slice(copied, start) + replacement;
      copied = end;
    }
    return result + text.slice(copied);
  };

  return { labelOf, displayName, redact, withheldCount, statement };
}
