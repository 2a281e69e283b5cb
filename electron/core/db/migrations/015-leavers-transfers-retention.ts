import type { Migration } from './types';

// Issue 20: a child's record follows them and is kept exactly as long as it must be. One
// migration holds every table the parts share, so leavers, transfers, received files,
// legal holds and retention decisions agree on one schema.
//
// - Pupils who leave: added columns (decision 0022: listed in COLUMNS_ADDED_SINCE_SIGNING), so
//   every pupil recorded before still verifies; NULL means still on roll.
// - A transfer of a child-protection file (KCSIE): to whom, how, by when; what was sent and when;
//   the package made for it and the hash of the receipt code that proves it was opened; when
//   receipt was confirmed and who acknowledged it.
// - A received file: another school's transfer package, imported as it came (its canonical
//   content and hash), attached to a pupil here and never changed.
// - Legal holds on an incident or a pupil, placed and released with reasons.
// - Retention decisions to keep a record, with a reason and the next review date; a decision to
//   destroy is the destruction itself, certified in the audit log.
export const migration015: Migration = {
  version: 15,
  name: 'leavers, transfers, received files, legal holds and retention',
  sql: `
ALTER TABLE pupils ADD COLUMN left_on TEXT;
ALTER TABLE pupils ADD COLUMN left_destination_kind TEXT
  CHECK (left_destination_kind IN ('school', 'other-setting', 'not-known', 'elective-home-education', 'moved-abroad'));
ALTER TABLE pupils ADD COLUMN left_destination TEXT NOT NULL DEFAULT '';

CREATE TABLE transfers (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  receiving_school TEXT NOT NULL CHECK (length(trim(receiving_school)) > 0),
  receiving_dsl TEXT NOT NULL DEFAULT '',
  receiving_contact TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL CHECK (method IN ('secure-email', 'hand-delivered', 'receiving-system')),
  due_on TEXT NOT NULL,
  file_options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(file_options)),
  covering_letter TEXT NOT NULL DEFAULT '',
  prepared_at TEXT NOT NULL,
  prepared_by INTEGER NOT NULL REFERENCES staff(id),
  sent_on TEXT,
  sent_by INTEGER REFERENCES staff(id),
  package_id TEXT UNIQUE,
  receipt_check TEXT,
  received_at TEXT,
  received_by INTEGER REFERENCES staff(id),
  acknowledged_by TEXT NOT NULL DEFAULT '',
  cancelled_at TEXT,
  cancelled_by INTEGER REFERENCES staff(id),
  cancel_reason TEXT NOT NULL DEFAULT '',
  CHECK ((sent_on IS NULL) = (sent_by IS NULL)),
  CHECK ((received_at IS NULL) = (received_by IS NULL)),
  CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL))
) STRICT;
CREATE INDEX transfers_by_pupil ON transfers (pupil_id);

CREATE TABLE received_files (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  package_id TEXT NOT NULL UNIQUE,
  sending_school TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  content TEXT NOT NULL CHECK (json_valid(content)),
  content_hash TEXT NOT NULL,
  receipt_code TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by INTEGER NOT NULL REFERENCES staff(id)
) STRICT;
CREATE INDEX received_files_by_pupil ON received_files (pupil_id);
CREATE TRIGGER received_files_are_never_changed BEFORE UPDATE ON received_files
BEGIN
  SELECT RAISE(ABORT, 'a received file is kept as it came');
END;

CREATE TABLE legal_holds (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER REFERENCES incidents(id),
  pupil_id INTEGER REFERENCES pupils(id),
  reason_kind TEXT NOT NULL CHECK (reason_kind IN ('police-investigation', 'litigation', 'statutory-inquiry', 'other')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  placed_at TEXT NOT NULL,
  placed_by INTEGER NOT NULL REFERENCES staff(id),
  released_at TEXT,
  released_by INTEGER REFERENCES staff(id),
  release_reason TEXT NOT NULL DEFAULT '',
  CHECK ((incident_id IS NULL) <> (pupil_id IS NULL)),
  CHECK ((released_at IS NULL) = (released_by IS NULL)),
  CHECK (released_at IS NULL OR length(trim(release_reason)) > 0)
) STRICT;
CREATE INDEX legal_holds_by_incident ON legal_holds (incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX legal_holds_by_pupil ON legal_holds (pupil_id) WHERE pupil_id IS NOT NULL;

CREATE TABLE retention_reviews (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER REFERENCES incidents(id),
  pupil_id INTEGER REFERENCES pupils(id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  next_review_on TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  decided_by INTEGER NOT NULL REFERENCES staff(id),
  CHECK ((incident_id IS NULL) <> (pupil_id IS NULL))
) STRICT;
CREATE INDEX retention_reviews_by_incident ON retention_reviews (incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX retention_reviews_by_pupil ON retention_reviews (pupil_id) WHERE pupil_id IS NOT NULL;
CREATE TRIGGER retention_reviews_are_never_changed BEFORE UPDATE ON retention_reviews
BEGIN
  SELECT RAISE(ABORT, 'a retention decision is never changed: record a new one');
END;
`,
};
