import type { Migration } from './types';

/**
 * Search finds the forms of a word: "blackmail" finds "blackmailed", "blackmailing" and
 * "blackmails". The index of entries' words (migration 3) is rebuilt with FTS5's porter
 * stemmer around the same unicode61 tokenizer, so each word is indexed by its stem and each
 * search word is stemmed the same way. entry_text, its triggers and the words it holds are
 * unchanged; only the index over it and the trigger that feeds it are made again, and
 * 'rebuild' indexes every entry already recorded. The screen highlights by the same rule
 * (shared/domain/search-words.ts, whose stemmer is checked against SQLite's).
 */
export const migration007: Migration = {
  version: 7,
  name: 'search by word forms',
  sql: `
DROP TRIGGER entry_search_from_text;
DROP TABLE entry_search;

CREATE VIRTUAL TABLE entry_search USING fts5(
  text,
  content = 'entry_text',
  content_rowid = 'entry_id',
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER entry_search_from_text AFTER INSERT ON entry_text
BEGIN
  INSERT INTO entry_search (rowid, text) VALUES (NEW.entry_id, NEW.text);
END;

INSERT INTO entry_search (entry_search) VALUES ('rebuild');
`,
};
