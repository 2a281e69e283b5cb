import type { Migration } from './types';

// Entries and signatures are append-only: a correction is a new version row that
// supersedes the old one, so nothing ever recorded is lost or silently changed.
export const migration002: Migration = {
  version: 2,
  name: 'pupils, incidents, people, versioned entries and signatures',
  sql: `
CREATE TABLE pupils (
  id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'not_known')),
  year_group TEXT NOT NULL,
  sen INTEGER NOT NULL CHECK (sen IN (0, 1)),
  sen_details TEXT NOT NULL DEFAULT '',
  looked_after INTEGER NOT NULL CHECK (looked_after IN (0, 1)),
  social_care TEXT NOT NULL CHECK (social_care IN ('none', 'current', 'past', 'not_known')),
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES staff(id)
) STRICT;
CREATE INDEX pupils_by_name ON pupils (last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX pupils_by_first_name ON pupils (first_name COLLATE NOCASE);

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  ref_year INTEGER NOT NULL,
  ref_number INTEGER NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  came_to_attention_on TEXT NOT NULL,
  imagery_date TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('self-shared', 'shared-on', 'possessed', 'adult-shared')),
  media TEXT NOT NULL CHECK (media IN ('photo', 'video', 'both', 'not_known')),
  services TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(services)),
  sharing TEXT NOT NULL CHECK (sharing IN ('not_known', 'not_shared', 'shared')),
  sharing_details TEXT NOT NULL DEFAULT '',
  police_matter INTEGER NOT NULL DEFAULT 0 CHECK (police_matter IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES staff(id),
  UNIQUE (ref_year, ref_number)
) STRICT;
CREATE INDEX incidents_by_status ON incidents (status, came_to_attention_on);

CREATE TABLE incident_people (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  pupil_id INTEGER REFERENCES pupils(id),
  other_kind TEXT CHECK (other_kind IN ('young_person', 'adult')),
  other_name TEXT,
  other_age INTEGER,
  other_date_of_birth TEXT,
  other_sex TEXT CHECK (other_sex IN ('female', 'male', 'not_known')),
  other_setting TEXT,
  other_relationship TEXT,
  roles TEXT NOT NULL CHECK (json_valid(roles) AND json_type(roles) = 'array'),
  added_at TEXT NOT NULL,
  added_by INTEGER NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES staff(id),
  CHECK ((pupil_id IS NULL) = (other_kind IS NOT NULL)),
  CHECK (pupil_id IS NOT NULL OR other_name IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX incident_people_one_row_per_pupil ON incident_people (incident_id, pupil_id) WHERE pupil_id IS NOT NULL;
CREATE INDEX incident_people_by_pupil ON incident_people (pupil_id);

CREATE TABLE entries (
  id INTEGER PRIMARY KEY,
  entry_key TEXT NOT NULL,
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  kind TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  supersedes INTEGER UNIQUE REFERENCES entries(id),
  occurred_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES staff(id),
  body TEXT NOT NULL CHECK (json_valid(body)),
  amendment_reason TEXT,
  content_hash TEXT NOT NULL,
  UNIQUE (entry_key, version),
  CHECK ((version = 1) = (supersedes IS NULL))
) STRICT;
CREATE INDEX entries_by_incident ON entries (incident_id, occurred_at);
CREATE INDEX entries_by_recorded ON entries (recorded_at);

CREATE TABLE signatures (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  signer_id INTEGER NOT NULL REFERENCES staff(id),
  signer_name TEXT NOT NULL,
  signer_role TEXT NOT NULL,
  meaning TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  witnessed_by INTEGER NOT NULL REFERENCES staff(id),
  UNIQUE (entry_id, signer_id, meaning)
) STRICT;
CREATE INDEX signatures_by_entry ON signatures (entry_id);

CREATE TRIGGER entries_are_never_changed BEFORE UPDATE ON entries
BEGIN
  SELECT RAISE(ABORT, CASE WHEN EXISTS (SELECT 1 FROM signatures WHERE entry_id = OLD.id)
    THEN 'signed_entry_locked: a signed entry cannot be changed'
    ELSE 'entry_immutable: entries are changed only by adding a new version' END);
END;
CREATE TRIGGER entries_are_never_deleted BEFORE DELETE ON entries
BEGIN
  SELECT RAISE(ABORT, 'entry_immutable: entries are never deleted');
END;
CREATE TRIGGER signatures_are_never_changed BEFORE UPDATE ON signatures
BEGIN
  SELECT RAISE(ABORT, 'signature_immutable: signatures cannot be changed');
END;
CREATE TRIGGER signatures_are_never_deleted BEFORE DELETE ON signatures
BEGIN
  SELECT RAISE(ABORT, 'signature_immutable: signatures cannot be deleted');
END;
CREATE TRIGGER signatures_cover_their_version BEFORE INSERT ON signatures
WHEN NEW.content_hash IS NOT (SELECT content_hash FROM entries WHERE id = NEW.entry_id)
BEGIN
  SELECT RAISE(ABORT, 'signature_mismatch: the signature does not cover this version');
END;
`,
};
