// The screen's copy of the search index's stemmer (shared/domain/porter-stem.ts) must give
// every word the stem SQLite's FTS5 gives it, or a highlighted word would not be the word
// the search found. Compared word for word with SQLite itself, through fts5vocab.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../electron/core/db/connection';
import * as demoWords from '../../scripts/demo/words';
import { foldText } from '../../shared/domain/chronology';
import { porterStem } from '../../shared/domain/porter-stem';
import { makeTempDir } from './helpers/temp-dir';

let remove: () => Promise<void>;
let db: Database;

beforeAll(async () => {
  const temp = await makeTempDir();
  remove = temp.remove;
  db = await Database.open(join(temp.dir, 'stems.db'), randomBytes(32), { create: true });
});

afterAll(async () => {
  await db.close();
  await remove();
});

/** Each word as an FTS5 table with `tokenizer` indexes it (one word a row), as byte strings like porterStem's. */
async function sqliteTokens(words: readonly string[], tokenizer: string): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.exec(`DROP TABLE IF EXISTS stems; DROP TABLE IF EXISTS stems_vocab;
      CREATE VIRTUAL TABLE stems USING fts5(word, tokenize = '${tokenizer}');
      CREATE VIRTUAL TABLE stems_vocab USING fts5vocab(stems, 'instance');`);
    for (const [i, word] of words.entries()) await tx.run('INSERT INTO stems (rowid, word) VALUES (?, ?)', [i + 1, word]);
    const rows = await tx.all('SELECT doc, CAST(term AS BLOB) AS term FROM stems_vocab ORDER BY doc, offset');
    const tokens = new Array<string>(words.length).fill('');
    for (const row of rows) tokens[Number(row.doc) - 1] = String.fromCharCode(...(row.term as Uint8Array));
    return tokens;
  });
}

const fromBytes = (bytes: string) => new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));

/**
 * The stemmer is checked on the word as SQLite folds it (its remove_diacritics keeps a few
 * marks foldText drops, such as Greek tonos and Cyrillic й), and the folding separately on
 * the scripts the two agree on.
 */
async function expectSameStems(words: readonly string[]): Promise<void> {
  const folded = await sqliteTokens(words, 'unicode61 remove_diacritics 2');
  const stemmed = await sqliteTokens(words, 'porter unicode61 remove_diacritics 2');
  const mismatches = words
    .map((word, i) => ({ word, ours: porterStem(fromBytes(folded[i]!)), sqlite: stemmed[i] }))
    .filter((m) => m.ours !== m.sqlite);
  expect(mismatches).toEqual([]);
  const latin = words.filter((w) => /^[\p{Script=Latin}\p{N}]+$/u.test(w));
  expect(latin.map((w) => foldText(w))).toEqual(latin.map((w) => fromBytes(folded[words.indexOf(w)]!)));
}

describe('the search index’s stems, worked out on screen', () => {
  it('are SQLite’s for the words the issue names and words that exercise every step', async () => {
    await expectSameStems([
      'blackmail', 'blackmailed', 'blackmailing', 'blackmails', 'shared', 'sharing', 'shares', 'threatened', 'threatening',
      'caresses', 'ponies', 'ties', 'caress', 'cats', 'feed', 'agreed', 'plastered', 'bled', 'motoring', 'sing', 'conflated',
      'troubled', 'sized', 'hopping', 'tanned', 'falling', 'hissing', 'fizzed', 'failing', 'filing', 'happy', 'sky',
      'relational', 'conditional', 'rational', 'valenci', 'hesitanci', 'digitizer', 'conformabli', 'radicalli', 'differentli',
      'vileli', 'analogousli', 'vietnamization', 'predication', 'operator', 'feudalism', 'decisiveness', 'hopefulness',
      'callousness', 'formaliti', 'sensitiviti', 'sensibiliti', 'triplicate', 'formative', 'formalize', 'electriciti',
      'electrical', 'hopeful', 'goodness', 'revival', 'allowance', 'inference', 'airliner', 'gyroscopic', 'adjustable',
      'defensible', 'irritant', 'replacement', 'adjustment', 'dependent', 'adoption', 'homologou', 'communism', 'activate',
      'angulariti', 'homologous', 'effective', 'bowdlerize', 'probate', 'rate', 'cease', 'controll', 'roll', 'eing', 'ied',
      'ies', 'eed', 'ing', 'xed', 'communication', 'generalization', 'photographs', 'photography', 'imagery', 'images',
      'Zoë', 'naïve', 'Łódź', 'Dvořák', 'Ángel', 'Müller', 'Straße', 'Ωμέγα', 'Дмитрий', 'يوسف', 'שלום', '日本語', 'x'.repeat(70),
    ]);
  });

  it('are SQLite’s for the words of the demo data', async () => {
    const text = Object.values(demoWords).flat().join(' ');
    await expectSameStems([...new Set(foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean))]);
  });

  it('are SQLite’s for thousands of made-up words built from the letters the rules turn on', async () => {
    const letter = fc.constantFrom('a', 'e', 'i', 'o', 'u', 'y', 'b', 'l', 's', 't', 'z', 'n', 'g', 'd', 'c', 'r', 'w', 'x', 'é');
    const suffix = fc.constantFrom('', 's', 'es', 'ies', 'sses', 'ed', 'eed', 'ing', 'ational', 'ization', 'iveness', 'ement', 'ion', 'ally', 'ful', 'ness', 'll', 'e');
    const word = fc.tuple(fc.array(letter, { minLength: 0, maxLength: 9 }), suffix).map(([letters, end]) => letters.join('') + end).filter((w) => w !== '');
    await expectSameStems([...new Set(fc.sample(word, { numRuns: 4000, seed: 14 }))]);
  });
});
