import type { Migration } from './types';

// Drafts (issue 19 item 1, decision 0023): what a person typed into a form and has not saved,
// one row per person and form, replaced as they type. A working copy, not a record: no
// trigger keeps it, nothing signs it, and it is not a protected table (it changes several
// times a minute and is nobody's evidence). It lives in this encrypted file, so it is in
// every backup.
export const migration013: Migration = {
  version: 13,
  name: 'drafts',
  sql: `
CREATE TABLE drafts (
  id INTEGER PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  form_key TEXT NOT NULL CHECK (length(form_key) BETWEEN 1 AND 100),
  -- The incident the form is about (none for a new incident), so the home page can link back to it.
  incident_id INTEGER REFERENCES incidents(id),
  description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
  values_json TEXT NOT NULL CHECK (json_valid(values_json)),
  saved_at TEXT NOT NULL,
  UNIQUE (staff_id, form_key)
) STRICT;
CREATE INDEX drafts_saved_at ON drafts (saved_at);
`,
};
