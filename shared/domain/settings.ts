import { z } from 'zod';
import { nameText } from './text';

export const LOCK_MINUTES_MIN = 1;
export const LOCK_MINUTES_MAX = 30;
export const LOCK_MINUTES_DEFAULT = 5;

/** How many backups are kept in the backup folder; older ones are removed after each backup. */
export const BACKUP_KEEP_MIN = 1;
export const BACKUP_KEEP_MAX = 365;
export const BACKUP_KEEP_DEFAULT = 14;
/** A backup is "recent" when the newest good one is younger than this. */
export const BACKUP_RECENT_DAYS = 7;

/** The school's name, as typed at set-up and in Settings. */
export const schoolName = nameText('school name', { missing: 'Enter the school name', max: 160, tooLong: 'School name must be 160 characters or fewer' });

/**
 * A school in England has a 6-digit Unique Reference Number (Get Information about Schools).
 * It may be left blank: a DSL setting up may not know it, and it is only printed on records.
 */
export const schoolUrn = z
  .string()
  .trim()
  .regex(/^(\d{6})?$/, 'A URN is 6 digits; leave it blank if you do not know it');
