import { z } from 'zod';
import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN } from '../domain/settings';
import { confirmingPassword, password, username } from '../domain/staff';
import { none, type Spec } from './spec';

/** Backups are the DSL's: choosing where they go, running one, and putting one back. */
const dsl = { roles: ['dsl'] } as const;

const backupFile = z.object({
  /** The file's name inside the backup folder, e.g. records-backup-2026-11-23-090000.ypsibak. */
  fileName: z.string(),
  createdAt: z.string(),
  bytes: z.number().int(),
  /** False when the file could not be read back as a whole, good backup. */
  ok: z.boolean(),
});

const backupStatus = z.object({
  /** The folder backups are written to, or null until the DSL chooses one. */
  folder: z.string().nullable(),
  /** False when a folder was chosen but cannot be reached now (a USB stick removed, say). */
  folderAvailable: z.boolean(),
  keep: z.number().int(),
  lastBackup: z.object({ at: z.string(), fileName: z.string() }).nullable(),
  /** A good backup was made within the last seven days. */
  recent: z.boolean(),
  /** Newest first. */
  backups: z.array(backupFile),
});

const keep = z
  .number({ error: 'Enter how many backups to keep' })
  .int('Enter a whole number of backups')
  .min(BACKUP_KEEP_MIN, `Keep at least ${BACKUP_KEEP_MIN} backup`)
  .max(BACKUP_KEEP_MAX, `Keep at most ${BACKUP_KEEP_MAX} backups`);

/** Only a name from the backup folder's list: never a path, so no other file can be named. */
export const backupFileName = z
  .string({ error: 'Choose a backup to restore' })
  .min(1, 'Choose a backup to restore')
  .max(200)
  .regex(/^[^/\\]+\.ypsibak$/, 'Choose one of the backups listed');

export const backupChannels = {
  'backups.status': { access: 'staff', input: none, output: backupStatus },
  /** Opens the folder dialog; cancelling leaves everything as it was. */
  'backups.chooseFolder': { access: dsl, input: z.object({ currentPassword: confirmingPassword }).strict(), output: backupStatus },
  'backups.configure': { access: dsl, input: z.object({ keep }).strict(), output: backupStatus },
  'backups.run': {
    access: dsl,
    input: none,
    output: z.object({
      fileName: z.string(),
      createdAt: z.string(),
      bytes: z.number().int(),
      /** Rows per table in the copy, as checked after writing it. */
      tables: z.record(z.string(), z.number().int()),
      /** Older backups removed to keep the newest N. */
      removed: z.array(z.string()),
    }),
  },
  /**
   * Replaces the records with a backup. The DSL re-enters their username and password (as
   * they were when the backup was made) and confirms; the records as they are now are kept
   * in a folder beside the data folder, and the app locks. `currentPassword` is the DSL's own
   * password now, checked first: the backup's credentials may be anyone's (decision 0016).
   */
  'backups.restoreLive': {
    access: dsl,
    input: z
      .object({ file: backupFileName, username, password, confirm: z.literal(true, { error: 'Tick the box to confirm' }), currentPassword: confirmingPassword })
      .strict(),
    output: z.object({
      restored: z.literal(true),
      /** The name of the folder the replaced records were moved to, beside the data folder. */
      replacedFolder: z.string(),
      tables: z.record(z.string(), z.number().int()),
      /** Accounts deactivated since the backup was made, kept deactivated in the restored records. */
      deactivationsCarried: z.number().int().min(0),
    }),
  },
} as const satisfies Record<string, Spec>;

export type BackupStatus = z.output<typeof backupStatus>;
export type BackupFile = z.output<typeof backupFile>;
export type BackupRunResult = z.output<(typeof backupChannels)['backups.run']['output']>;
