import type { Migration } from './types';

// Every read of an incident's people (the incident page, the dashboard, the incident list's
// counts, search by name) looks them up by incident. The only index with incident_id first
// was partial (pupils only), so each of those reads scanned the whole table: on ten years of
// a large school, searching read 1,500 × 4,000 rows. Found by `npm run bench`.
export const migration004: Migration = {
  version: 4,
  name: 'people looked up by incident',
  sql: `CREATE INDEX incident_people_by_incident ON incident_people (incident_id, id);`,
};
