import type { CoreContext, SessionContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import { Database, WrongKeyError, type OpenOptions } from '../db/connection';
import { AppError, isAppError } from '../errors';
import { newDataKey, type KeyslotStore, type TrustedKeys } from '../vault/keyslots';
import type { PublicKeys } from '../vault/person-keys';
import { currentRoster } from './roster';

/**
 * What a re-key did, for the DSL: how many key slots took the new key, whose accounts lost
 * their slot (a version 1 slot cannot be re-sealed without its password, so they need a
 * password reset) and whether the recovery code's slot went the same way. Names are for the
 * screen only; the audit row holds counts.
 */
export type RekeyResult = { resealed: number; needReset: { id: number; name: string }[]; recoveryDropped: boolean };

/** What the DSL is told after a change that re-keys: done, or why not (the change itself still stands). */
export type RekeyOutcome = ({ rekeyed: true } & RekeyResult) | { rekeyed: false; reason: string };

/** Whatever holds the data key in use: the session, or a recovery's own database while signed out. */
export type KeyHolder = { db: Database; dataKey: Buffer };

/**
 * Opens the database with the key a slot gave. When the key file holds a staged next key (a
 * re-key was under way when the app stopped), the database decides which key is real: the
 * current one opens it → the re-key never reached the database and the staged key is
 * abandoned; it is refused → the re-key finished but was not committed, so the next key is
 * tried and, if it opens, committed. The key that opened it is returned; the other is zeroed.
 */
export async function openSettlingRekey(
  file: string,
  keyslots: KeyslotStore,
  keys: { dataKey: Buffer; nextDataKey?: Buffer | undefined },
  options: OpenOptions = {},
): Promise<{ db: Database; dataKey: Buffer }> {
  const { dataKey, nextDataKey } = keys;
  if (!nextDataKey) return { db: await Database.open(file, dataKey, options), dataKey };
  let db: Database;
  try {
    db = await Database.open(file, dataKey, options);
  } catch (error) {
    if (!(error instanceof WrongKeyError)) {
      nextDataKey.fill(0);
      throw error;
    }
    // Refused by the current key: the re-key reached the database. A wrong next key throws WrongKeyError too.
    const rekeyed = await Database.open(file, nextDataKey, options);
    dataKey.fill(0);
    try {
      await keyslots.commitDataKey();
    } catch (commitError) {
      await rekeyed.close();
      throw commitError;
    }
    return { db: rekeyed, dataKey: nextDataKey };
  }
  nextDataKey.fill(0);
  try {
    await keyslots.abandonDataKey();
  } catch (abandonError) {
    await db.close();
    throw abandonError;
  }
  return { db, dataKey };
}

/** The keys the signed roster gives active members and the recovery code: the only ones a re-key seals to. */
function trustedKeys(roster: NonNullable<Awaited<ReturnType<typeof currentRoster>>>): TrustedKeys {
  const staff: Record<number, PublicKeys> = {};
  for (const member of roster.roster.members) {
    if (member.active && member.sign !== null && member.box !== null) staff[member.id] = { sign: member.sign, box: member.box };
  }
  return { staff, recovery: roster.roster.recovery };
}

/**
 * Re-keys the records held by `holder` to a fresh 32-byte key (issue 16 item 6): the key is
 * sealed to every remaining slot the signed roster trusts (staged beside the current key, so a
 * crash at any point leaves a key file that opens the database, see openSettlingRekey), the
 * database re-encrypted, the staged key committed, the old key zeroed and `holder.dataKey`
 * replaced, and one audit row written by the connection's signer. From then on a key slot
 * taken before (from a backup, or a leaver's copy) opens nothing written afterwards.
 * Throws AppError('conflict') when another program has the file open; nothing changes then.
 */
// Only the key file is taken from the context, so a restore can re-key the folder it is making.
export async function rekeyHeld(ctx: Pick<CoreContext, 'keyslots'>, holder: KeyHolder, actorId: number | null, at: Date): Promise<RekeyResult> {
  const { db } = holder;
  if (!db.writable) throw new AppError('damaged', 'The records database failed its integrity check, so it cannot be re-keyed. Restore from the newest good backup.');
  const roster = await currentRoster(db);
  if (!roster) throw new AppError('conflict', 'These records have no signed list of staff yet, so they cannot be re-keyed. A DSL must sign in first.');
  const newKey = newDataKey();
  const staged = await ctx.keyslots.stageDataKey(newKey, trustedKeys(roster));
  if (actorId !== null && staged.staff.includes(actorId)) {
    // Committing would lock out the very person doing this: their slot does not match the roster.
    newKey.fill(0);
    await ctx.keyslots.abandonDataKey();
    throw new AppError('conflict', 'Your own key slot does not match the signed list of staff, so the records were not re-keyed. Run Verify.');
  }
  try {
    await db.rekey(newKey);
  } catch (error) {
    // The database kept its key (the engine rolls a refused re-key back): the staged one goes.
    newKey.fill(0);
    await ctx.keyslots.abandonDataKey().catch(() => undefined);
    throw error;
  }
  const old = holder.dataKey;
  holder.dataKey = newKey;
  old.fill(0);
  // If this write is lost the staged key still opens the database, and the next sign-in commits it.
  const dropped = await ctx.keyslots.commitDataKey();
  const resealed = (await ctx.keyslots.read()).slots.length;
  const names = new Map(roster.roster.members.map((m) => [m.id, m]));
  const needReset = dropped.staff.flatMap((id) => {
    const member = names.get(id);
    return member?.active ? [{ id, name: member.name }] : [];
  });
  await db.transaction(
    (tx) =>
      appendAudit(tx, {
        action: 'records.rekeyed',
        actorId,
        at,
        // Counts only: who needs a reset is shown to the DSL, never written here.
        details: { slotsResealed: resealed, staffSlotsDropped: dropped.staff.length, recoverySlotDropped: dropped.recovery },
      }),
    { recordsUnchanged: true },
  );
  return { resealed, needReset, recoveryDropped: dropped.recovery };
}

/**
 * The signed-in session's records re-keyed (see rekeyHeld), one at a time with backups (a
 * backup never copies a half-re-keyed key file) and with locking waiting for it to finish.
 */
export function rekeyRecords(ctx: SessionContext, at: Date): Promise<RekeyResult> {
  const session = ctx.session;
  return ctx.backups.queue.run(async () => {
    if (ctx.session !== session) throw new AppError('locked', 'The records are locked. Sign in to continue.');
    const work = rekeyHeld(ctx, session, session.user.id, at);
    ctx.backups.inFlight = work.catch(() => undefined);
    try {
      return await work;
    } finally {
      ctx.backups.inFlight = null;
    }
  });
}

/**
 * After a change that has already been committed (a deactivation, a reset): the change
 * stands whatever happens here, so a failure becomes words for the DSL, never an error.
 */
export async function rekeyAfterChange(run: () => Promise<RekeyResult>): Promise<RekeyOutcome> {
  try {
    return { rekeyed: true, ...(await run()) };
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') {
      return {
        rekeyed: false,
        reason: `${error.message} The change you made still stands. Use “Re-key now” on the Staff page once the other program is closed.`,
      };
    }
    if (isAppError(error)) return { rekeyed: false, reason: `${error.message} The change you made still stands.` };
    return {
      rekeyed: false,
      reason: 'The records could not be re-keyed just now. The change you made still stands. Use “Re-key now” on the Staff page to try again.',
    };
  }
}
