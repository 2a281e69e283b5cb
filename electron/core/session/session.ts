import type { Database } from '../db/connection';
import type { StaffMember } from '../../../shared/domain/staff';
import type { DerivedViews } from '../records/derived-views';
import type { AuditLink } from '../audit/audit-log';
import type { PersonKeys } from '../vault/person-keys';

/** What exists only while the records are unlocked. Dropped entirely on lock. */
export type UnlockedSession = {
  db: Database;
  /** Kept to wrap a slot for a new or reset account; zeroed on lock. */
  dataKey: Buffer;
  /** This person's signing and sealing keys, unwrapped by their password; dropped on lock. */
  keys: PersonKeys;
  /** Roles and active state as the verified roster has them (decision 0017). */
  user: StaffMember;
  /** What the sign-in checks found wrong with the roster or the chain's anchor, shown beside the health problems. */
  integrityProblems: string[];
  schoolName: string;
  lockMinutes: number;
  lastActivity: number;
  derived: DerivedViews;
  /**
   * The end of the audit chain as this session last wrote it, so a view's audit row can be
   * appended in one statement (audit/audit-view.ts); only a hint, checked by the insert.
   */
  auditLink?: AuditLink;
  /** For a DSL: failed sign-ins since they last signed in, shown once they are in. */
  failedSignIns?: { count: number; latest: { at: string; account: string }[] };
  /** Someone else set this person's password and they have not changed it since (told at sign-in). */
  passwordSetBy?: { byName: string; at: string };
  /**
   * The practice records (issue 22): a separate data folder of made-up incidents for training.
   * Set only on a practice session; channels that only make sense there (scenarios, feedback,
   * the training log) refuse without it, and nothing here is backed up or searched with the
   * school's records.
   */
  practice?: true;
};
