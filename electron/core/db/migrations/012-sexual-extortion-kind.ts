import type { Migration } from './types';

// Decision 0021: a sextortion incident is its own kind, 'sexual-extortion', and a police
// matter. The kind's CHECK can only change by rebuilding the table, and unlike
// incident_people (migration 010) `incidents` is referred to by foreign keys (incident_people,
// entries, incident_versions, incident_status_changes), so this follows SQLite's procedure for
// "other kinds of table schema changes" (https://www.sqlite.org/lang_altertable.html#otheralter):
// migrate() switches foreign keys off around the transaction (`rebuildsTables`), because with
// them on DROP TABLE would first delete every incident and fail on the rows that refer to them,
// and checks every foreign key before it commits. The new table is made under another name and
// renamed to `incidents` last: renaming the old table instead would carry the rename into the
// other tables' REFERENCES clauses (SQLite 3.26 and later, whatever foreign_keys says).
//
// Every column is copied in the same order with the same value, so each row's recorded state
// (decision 0017, integrity/row-state.ts) hashes as the audit recorded it; no column is added,
// so nothing joins COLUMNS_ADDED_SINCE_SIGNING (decision 0022). The columns 006 and 011 added
// keep their definitions, in the order ALTER TABLE put them. Dropping the table drops its one
// index and its one trigger (006's incidents_are_never_unvoided), so both are made again as
// they were; its two UNIQUE constraints come back with the table. No view or other table's
// trigger names `incidents`.
export const migration012: Migration = {
  version: 12,
  name: 'the incident kind sexual-extortion',
  rebuildsTables: true,
  sql: `
CREATE TABLE incidents_012 (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  ref_year INTEGER NOT NULL,
  ref_number INTEGER NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  came_to_attention_on TEXT NOT NULL,
  imagery_date TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('self-shared', 'shared-on', 'possessed', 'adult-shared', 'sexual-extortion')),
  media TEXT NOT NULL CHECK (media IN ('photo', 'video', 'both', 'not_known')),
  services TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(services)),
  sharing TEXT NOT NULL CHECK (sharing IN ('not_known', 'not_shared', 'shared')),
  sharing_details TEXT NOT NULL DEFAULT '',
  police_matter INTEGER NOT NULL DEFAULT 0 CHECK (police_matter IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES staff(id),
  voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  source TEXT NOT NULL DEFAULT 'school'
    CHECK (source IN ('school', 'police', 'childrens-social-care', 'another-school', 'other-agency')),
  source_agency TEXT NOT NULL DEFAULT '',
  source_reference TEXT NOT NULL DEFAULT '',
  UNIQUE (ref_year, ref_number)
) STRICT;
INSERT INTO incidents_012 (id, reference, ref_year, ref_number, title, status, came_to_attention_on, imagery_date, kind, media,
  services, sharing, sharing_details, police_matter, created_at, created_by, updated_at, updated_by, voided, source, source_agency,
  source_reference)
SELECT id, reference, ref_year, ref_number, title, status, came_to_attention_on, imagery_date, kind, media,
  services, sharing, sharing_details, police_matter, created_at, created_by, updated_at, updated_by, voided, source, source_agency,
  source_reference
FROM incidents;
DROP TABLE incidents;
ALTER TABLE incidents_012 RENAME TO incidents;
CREATE INDEX incidents_by_status ON incidents (status, came_to_attention_on);
CREATE TRIGGER incidents_are_never_unvoided BEFORE UPDATE OF voided ON incidents
WHEN OLD.voided = 1
BEGIN
  SELECT RAISE(ABORT, 'incident_voided: a voided incident stays voided');
END;
`,
};
