import type { Migration } from './types';

// The school's local contacts (issue 19 item 3): the MASH or front door, the police, the
// LADO, the head and chair out of hours, and others the DSL adds. A table of its own, kept
// in the encrypted database and protected like settings (every change audited, Verify checks
// each row against the state the audit recorded). The kind's codes are stored (decision 0020).
export const migration014: Migration = {
  version: 14,
  name: 'local contacts',
  sql: `
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('front-door', 'safer-schools-officer', 'police-101', 'lado', 'head-out-of-hours', 'chair-out-of-hours', 'other')),
  label TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  other_phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  checked_on TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES staff(id)
);
`,
};
