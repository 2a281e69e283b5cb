import type { Migration } from './types';

// A person added to an incident in error is removed, never deleted: the row stays with who
// removed them, when and why, so the record still shows they were added and then removed,
// and an entry that names them stays readable. All three are set together or not at all.
// The one-row-per-pupil rule now holds among people still on the incident, so a pupil
// removed in error can be added again.
export const migration005: Migration = {
  version: 5,
  name: 'people removed from an incident',
  sql: `
ALTER TABLE incident_people ADD COLUMN removed_at TEXT;
ALTER TABLE incident_people ADD COLUMN removed_by INTEGER REFERENCES staff(id);
ALTER TABLE incident_people ADD COLUMN removal_reason TEXT
  CHECK ((removed_at IS NULL) = (removal_reason IS NULL) AND (removed_at IS NULL) = (removed_by IS NULL));
DROP INDEX incident_people_one_row_per_pupil;
CREATE UNIQUE INDEX incident_people_one_row_per_pupil ON incident_people (incident_id, pupil_id) WHERE pupil_id IS NOT NULL AND removed_at IS NULL;
`,
};
