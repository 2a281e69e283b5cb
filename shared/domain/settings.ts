export const LOCK_MINUTES_MIN = 1;
export const LOCK_MINUTES_MAX = 30;
export const LOCK_MINUTES_DEFAULT = 5;

/** How many backups are kept in the backup folder; older ones are removed after each backup. */
export const BACKUP_KEEP_MIN = 1;
export const BACKUP_KEEP_MAX = 365;
export const BACKUP_KEEP_DEFAULT = 14;
/** A backup is "recent" when the newest good one is younger than this. */
export const BACKUP_RECENT_DAYS = 7;
