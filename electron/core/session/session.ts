import type { Database } from '../db/connection';
import type { StaffMember } from '../../../shared/domain/staff';
import type { DerivedViews } from '../records/derived-views';

/** What exists only while the records are unlocked. Dropped entirely on lock. */
export type UnlockedSession = {
  db: Database;
  /** Kept to wrap a slot for a new or reset account; zeroed on lock. */
  dataKey: Buffer;
  user: StaffMember;
  schoolName: string;
  lockMinutes: number;
  lastActivity: number;
  derived: DerivedViews;
};
