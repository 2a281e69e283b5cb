import type { Migration } from './types';

// Decision 0017. The roster is append-only like the audit log. The audit gains who signed
// each row, the signature, and the hashes of the rows it changed ("states"), so a row
// edited later no longer matches the last signed state recorded for it.
export const migration009: Migration = {
  version: 9,
  name: 'signed roster, signed audit rows and the states they vouch for',
  sql: `
CREATE TABLE roster (
  version INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  signer_id INTEGER,
  members TEXT NOT NULL CHECK (json_valid(members)),
  recovery TEXT NOT NULL CHECK (json_valid(recovery)),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT;

CREATE TRIGGER roster_is_append_only_update BEFORE UPDATE ON roster
BEGIN
  SELECT RAISE(ABORT, 'roster versions cannot be changed');
END;
CREATE TRIGGER roster_is_append_only_delete BEFORE DELETE ON roster
BEGIN
  SELECT RAISE(ABORT, 'roster versions cannot be deleted');
END;

ALTER TABLE audit ADD COLUMN states TEXT CHECK (states IS NULL OR json_valid(states));
ALTER TABLE audit ADD COLUMN signer_id INTEGER;
ALTER TABLE audit ADD COLUMN signature TEXT;

-- With every change now audited, a ten-year school's log runs to tens of thousands of rows:
-- "the last backup", "the last sign-in" and "the last re-key" are found by action, not by a scan.
CREATE INDEX audit_by_action ON audit (action, seq);
`,
};
