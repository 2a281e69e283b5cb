import type { Migration } from './types';

// Issue 21: pupils come from the school's MIS. The Unique Pupil Number identifies a pupil across
// exports (and to a receiving agency); registration group and preferred names come with them.
// Added columns (decision 0022: listed in COLUMNS_ADDED_SINCE_SIGNING), so every pupil recorded
// before still verifies: NULL UPN for pupils typed before, '' for the rest. A UPN is unique where
// there is one; two pupils without one are not a clash.
export const migration017: Migration = {
  version: 17,
  name: 'unique pupil numbers, registration groups and preferred names',
  sql: `
ALTER TABLE pupils ADD COLUMN upn TEXT CHECK (upn IS NULL OR length(upn) = 13);
ALTER TABLE pupils ADD COLUMN registration_group TEXT NOT NULL DEFAULT '';
ALTER TABLE pupils ADD COLUMN preferred_first_name TEXT NOT NULL DEFAULT '';
ALTER TABLE pupils ADD COLUMN preferred_last_name TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX pupils_by_upn ON pupils (upn) WHERE upn IS NOT NULL;
`,
};
