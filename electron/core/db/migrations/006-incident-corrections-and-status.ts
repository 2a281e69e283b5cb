import type { Migration } from './types';

// Incident facts can be corrected, an incident opened by mistake voided, and a closed one
// reopened, without anything recorded being lost. The incidents row keeps the current facts
// (lists, search and the reference read them); every correction keeps the whole earlier and
// later facts beside who, when and why, and every change of status its own row. Both tables
// are append-only, like entries. Rebuilding `incidents` to widen its status CHECK would mean
// recreating its foreign keys and indexes, so voiding is an added flag and reopening is
// status 'open' again, with the history in incident_status_changes.
export const migration006: Migration = {
  version: 6,
  name: 'incident corrections, voiding and reopening',
  sql: `
CREATE TABLE incident_versions (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  changed_at TEXT NOT NULL,
  changed_by INTEGER NOT NULL REFERENCES staff(id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  before TEXT NOT NULL CHECK (json_valid(before)),
  after TEXT NOT NULL CHECK (json_valid(after))
) STRICT;
CREATE INDEX incident_versions_by_incident ON incident_versions (incident_id, id);

CREATE TABLE incident_status_changes (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  change TEXT NOT NULL CHECK (change IN ('closed', 'reopened', 'voided')),
  changed_at TEXT NOT NULL,
  changed_by INTEGER NOT NULL REFERENCES staff(id),
  reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX incident_status_changes_by_incident ON incident_status_changes (incident_id, id);

ALTER TABLE incidents ADD COLUMN voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1));

CREATE TRIGGER incident_versions_are_never_changed BEFORE UPDATE ON incident_versions
BEGIN
  SELECT RAISE(ABORT, 'incident_history_immutable: a correction is never changed');
END;
CREATE TRIGGER incident_versions_are_never_deleted BEFORE DELETE ON incident_versions
BEGIN
  SELECT RAISE(ABORT, 'incident_history_immutable: a correction is never deleted');
END;
CREATE TRIGGER incident_status_changes_are_never_changed BEFORE UPDATE ON incident_status_changes
BEGIN
  SELECT RAISE(ABORT, 'incident_history_immutable: a change of status is never changed');
END;
CREATE TRIGGER incident_status_changes_are_never_deleted BEFORE DELETE ON incident_status_changes
BEGIN
  SELECT RAISE(ABORT, 'incident_history_immutable: a change of status is never deleted');
END;
CREATE TRIGGER incidents_are_never_unvoided BEFORE UPDATE OF voided ON incidents
WHEN OLD.voided = 1
BEGIN
  SELECT RAISE(ABORT, 'incident_voided: a voided incident stays voided');
END;

-- Incidents closed before this version: their closure, as the row last recorded it.
INSERT INTO incident_status_changes (incident_id, change, changed_at, changed_by, reason)
  SELECT id, 'closed', updated_at, updated_by, '' FROM incidents WHERE status = 'closed' ORDER BY id;
`,
};
