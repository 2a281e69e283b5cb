import type { Migration } from './types';

// The guidance's cases have people the table could not hold: an online account whose age is
// not known, and a group ("about 100 pupils of this school", "a Year 9 group chat") with its
// approximate number. The kind's CHECK can only change by rebuilding the table; every row is
// copied as it is, column for column, so its recorded state (decision 0017) still hashes the
// same. The one new column, `other_group_size`, is NULL on every row copied, and a NULL in a
// column added after signing began is left out of a row's hash (integrity/row-state.ts).
// Nothing refers to incident_people by a foreign key, so dropping it checks nothing.
export const migration010: Migration = {
  version: 10,
  name: 'people of every kind the guidance describes',
  sql: `
CREATE TABLE incident_people_010 (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  pupil_id INTEGER REFERENCES pupils(id),
  other_kind TEXT CHECK (other_kind IN ('young_person', 'adult', 'online-account', 'group')),
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
  removed_at TEXT,
  removed_by INTEGER REFERENCES staff(id),
  removal_reason TEXT
    CHECK ((removed_at IS NULL) = (removal_reason IS NULL) AND (removed_at IS NULL) = (removed_by IS NULL)),
  other_group_size INTEGER CHECK (other_group_size IS NULL OR (other_kind = 'group' AND other_group_size >= 2)),
  CHECK ((pupil_id IS NULL) = (other_kind IS NOT NULL)),
  CHECK (pupil_id IS NOT NULL OR other_name IS NOT NULL),
  CHECK (other_kind IS NOT 'group' OR other_group_size IS NOT NULL)
) STRICT;
INSERT INTO incident_people_010 (id, incident_id, pupil_id, other_kind, other_name, other_age, other_date_of_birth, other_sex,
  other_setting, other_relationship, roles, added_at, added_by, updated_at, updated_by, removed_at, removed_by, removal_reason)
SELECT id, incident_id, pupil_id, other_kind, other_name, other_age, other_date_of_birth, other_sex,
  other_setting, other_relationship, roles, added_at, added_by, updated_at, updated_by, removed_at, removed_by, removal_reason
FROM incident_people;
DROP TABLE incident_people;
ALTER TABLE incident_people_010 RENAME TO incident_people;
CREATE UNIQUE INDEX incident_people_one_row_per_pupil ON incident_people (incident_id, pupil_id) WHERE pupil_id IS NOT NULL AND removed_at IS NULL;
CREATE INDEX incident_people_by_pupil ON incident_people (pupil_id);
CREATE INDEX incident_people_by_incident ON incident_people (incident_id, id);
`,
};
