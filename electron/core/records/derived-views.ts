import type { WhatIsDue } from '../../../shared/domain/read-models/due';
import type { StemmedWord } from '../../../shared/domain/search-words';
import type { StaffMember } from '../../../shared/domain/staff';
import type { PupilIncidentSpan } from '../db/chronology-queries';
import { DerivedCache } from './derived-cache';
import type { DashboardRecords } from './dashboard';

/** The session's caches of views worked out from the records; dropped with the session on lock. */
export type DerivedViews = {
  /** Keyed by the school day, since what is overdue depends on it. */
  dashboard: DerivedCache<DashboardRecords>;
  /** Every incident's reference, title and names, which a search matches against. */
  searchFacts: DerivedCache<SearchableIncident[]>;
  /** How many entries a chronology query finds, keyed by the query. */
  chronologyCounts: DerivedCache<number>;
  /** How many entry versions a search word finds, keyed by the word. */
  termMatches: DerivedCache<number>;
  /** The incidents a search word finds by reference, title or names, keyed by the word. */
  termIncidents: DerivedCache<number[]>;
  /** The newest entry row, which a chronology's first page is taken as of. */
  entriesSnapshot: DerivedCache<number>;
  /** Every member of staff, for names and who a signature is awaited from. */
  staff: DerivedCache<StaffMember[]>;
  /** A pupil's incidents and roles, keyed by the pupil's id. */
  pupilSpans: DerivedCache<PupilIncidentSpan[]>;
  /** What is due on the open incidents, keyed by the school day (what is overdue depends on it); the backup is read each time. */
  whatIsDue: DerivedCache<WhatIsDue>;
};

/** An incident's search facts made ready once: reference and names folded (foldText), the title's words stemmed. */
export type SearchableIncident = { id: number; reference: string; titleWords: StemmedWord[]; names: string[] };

export function newDerivedViews(): DerivedViews {
  return {
    dashboard: new DerivedCache(),
    searchFacts: new DerivedCache(),
    chronologyCounts: new DerivedCache(50),
    termMatches: new DerivedCache(50),
    termIncidents: new DerivedCache(50),
    entriesSnapshot: new DerivedCache(),
    staff: new DerivedCache(),
    pupilSpans: new DerivedCache(20),
    whatIsDue: new DerivedCache(),
  };
}
