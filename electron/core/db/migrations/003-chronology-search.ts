import type { Migration } from './types';

/**
 * The words of an entry, for search: every string in its body except the ones that look
 * like stored choices ("in_person", "yes", dates), which are codes rather than what
 * anyone wrote. Kept in step with `entries` by a trigger, so every way of adding an
 * entry indexes it.
 */
const ENTRY_WORDS = (body: string) => `(SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(${body})
     WHERE type = 'text' AND value GLOB '*[^a-z0-9_-]*')`;

// Chronologies page through every entry in the order things happened, and search entries'
// text. entry_text is written once per entry version and, like entries, never changes;
// entry_search is an FTS5 index over it (external content, so the text is stored once).
export const migration003: Migration = {
  version: 3,
  name: 'chronology order and entry search',
  sql: `
CREATE INDEX entries_by_occurred ON entries (occurred_at);

CREATE TABLE entry_text (
  entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
  text TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE entry_search USING fts5(
  text,
  content = 'entry_text',
  content_rowid = 'entry_id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER entry_text_from_entry AFTER INSERT ON entries
BEGIN
  INSERT INTO entry_text (entry_id, text) VALUES (NEW.id, ${ENTRY_WORDS('NEW.body')});
END;
CREATE TRIGGER entry_search_from_text AFTER INSERT ON entry_text
BEGIN
  INSERT INTO entry_search (rowid, text) VALUES (NEW.entry_id, NEW.text);
END;
CREATE TRIGGER entry_text_is_never_changed BEFORE UPDATE ON entry_text
BEGIN
  SELECT RAISE(ABORT, 'entry_immutable: the words of an entry change only with a new version');
END;
CREATE TRIGGER entry_text_is_never_deleted BEFORE DELETE ON entry_text
BEGIN
  SELECT RAISE(ABORT, 'entry_immutable: entries are never deleted');
END;

INSERT INTO entry_text (entry_id, text) SELECT id, ${ENTRY_WORDS('body')} FROM entries ORDER BY id;
`,
};
