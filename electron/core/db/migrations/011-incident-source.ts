import type { Migration } from './types';

// How an incident reached the school (issue 18 item 4): the school found out itself, or the
// police or another agency told it (Annex F case 14), with who told it and any reference
// they gave. Every incident before this version reached the school the usual way. Added
// columns, so the incidents row keeps its foreign keys, indexes and triggers.
export const migration011: Migration = {
  version: 11,
  name: 'how an incident reached the school',
  sql: `
ALTER TABLE incidents ADD COLUMN source TEXT NOT NULL DEFAULT 'school'
  CHECK (source IN ('school', 'police', 'childrens-social-care', 'another-school', 'other-agency'));
ALTER TABLE incidents ADD COLUMN source_agency TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN source_reference TEXT NOT NULL DEFAULT '';
`,
};
