import type { Migration } from './types';

// Issue 22 items 2 and 4: which practice scenario a practice incident works through, who
// started it and when they marked it complete (the training log). Only ever filled in the
// practice records' own data folder: the practice channels refuse on the school's records
// (handlers/practice-guard.ts), so there the table stays empty. The scenario's id is a code
// the app ships (shared/practice/scenarios), stored as such (decision 0020). Protected like
// any other table, so Verify vouches for the training log too.
export const migration018: Migration = {
  version: 18,
  name: 'practice sessions',
  sql: `
CREATE TABLE practice_sessions (
  id INTEGER PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  incident_id INTEGER NOT NULL UNIQUE REFERENCES incidents(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  started_at TEXT NOT NULL,
  completed_at TEXT
);
`,
};
