import { unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { appendAudit } from '../audit/audit-log';
import { listBackups } from '../backup/index';
import { reachableFolder, readBackupSettings } from '../backup-schedule';
import { lastActionAt } from '../db/audit-queries';
import { AppError } from '../errors';
import { rekeyAfterChange, rekeyRecords } from '../integrity/rekey';
import { changeRosterRecovery } from '../integrity/roster';
import { newRecoveryCode } from '../vault/keyslots';
import { newPersonKeys } from '../vault/person-keys';
import { requireOwnPassword } from './reauth';
import { refuseInPractice } from '../practice/not-in-practice';
import type { Handlers } from './types';

const READ_ONLY = 'The records database failed its integrity check, so nothing new can be saved. Restore from the newest good backup.';

export const keyHandlers = {
  // "Re-key now": a re-key that could not run after a deactivation or reset (another program had the file open).
  'records.rekey': async (_input, ctx) => rekeyAfterChange(() => rekeyRecords(ctx, ctx.now())),

  'recovery.replaceCode': async ({ currentPassword }, ctx) => {
    await requireOwnPassword(ctx, currentPassword, 'recovery.replaceCode');
    const { db, user, keys } = ctx.session;
    if (!db.writable) throw new AppError('damaged', READ_ONLY);
    const recoveryCode = newRecoveryCode();
    const recoveryKeys = newPersonKeys();
    await db.transaction(async (tx) => {
      // The roster names the new code's keys, signed by this DSL (checked against the roster in this transaction).
      await changeRosterRecovery(tx, { id: user.id, keys }, recoveryKeys.publicKeys, ctx.now());
      await appendAudit(tx, { action: 'recovery.replaced', actorId: user.id, at: ctx.now() });
      // Last inside the transaction: if the key file cannot be written, the roster keeps the old code's keys.
      // Read now, not before: a re-key that finished meanwhile replaced the session's key.
      await ctx.keyslots.replaceRecovery(ctx.session.dataKey, recoveryCode, recoveryKeys);
    });
    // The old code with an old key file (a backup's) would still open the records' current key: it changes too.
    const rekey = await rekeyAfterChange(() => rekeyRecords(ctx, ctx.now()));
    return { recoveryCode, rekey };
  },

  'backups.retireOlder': async ({ keepFrom }, ctx) => {
    const session = ctx.session;
    refuseInPractice(session, 'Backups');
    return ctx.backups.queue.run(async () => {
      if (ctx.session !== session) throw new AppError('locked', 'The records are locked. Sign in to continue.');
      const { db, user } = session;
      if (!db.writable) throw new AppError('damaged', READ_ONLY);
      const folder = await reachableFolder((await readBackupSettings(db)).folder);
      const backups = await listBackups(folder); // newest first
      const index = backups.findIndex((b) => basename(b.file) === keepFrom);
      const fresh = backups[index];
      if (!fresh?.ok) throw new AppError('not_found', 'That backup is not in the backup folder as a good backup. Make a fresh backup first.');
      const rekeyedAt = await lastActionAt(db, 'records.rekeyed');
      if (rekeyedAt !== null && fresh.createdAt < rekeyedAt) {
        throw new AppError('conflict', 'That backup was made before the records were re-keyed. Make a fresh backup first, then retire the older ones.');
      }
      const older = backups.slice(index + 1);
      let retired = 0;
      for (const backup of older) {
        await unlink(backup.file);
        retired += 1;
      }
      // A count only: file names carry dates, never people, but nothing here needs them.
      await db.transaction((tx) => appendAudit(tx, { action: 'backups.retired', actorId: user.id, at: ctx.now(), details: { count: retired } }), { recordsUnchanged: true });
      return { retired };
    });
  },
} satisfies Partial<Handlers>;
