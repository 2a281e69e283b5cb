import { LOCK_MINUTES_DEFAULT } from '../../../shared/domain/settings';
import type { SessionStatus } from '../../../shared/ipc/contract';
import { AppError } from '../errors';
import type { CoreContext } from '../context';
import { WrongKeyError, type Database } from '../db/connection';
import { openSettlingRekey } from '../integrity/rekey';
import { isDatabaseError } from '../db/errors';
import { migrate } from '../db/migrate';
import { readSettings } from '../db/settings-queries';
import { findStaffById, passwordSetByAnother } from '../db/staff-queries';
import { newDerivedViews } from '../records/derived-views';
import { signBytes, type PersonKeys } from '../vault/person-keys';
import { establishRoster } from '../integrity/session-roster';
import { anchorProblems } from '../integrity/anchor-check';
import { anchorsOutsideDatabase } from '../integrity/anchor-sources';
import { readVerifiedRoster } from '../integrity/roster';
import type { UnlockedSession } from './session';

/** Opens the database with a key from a slot, and migrates it; the caller owns the result. */
export async function openDatabase(ctx: CoreContext, dataKey: Buffer, create = false): Promise<Database> {
  return (await openUnlocked(ctx, { dataKey }, create)).db;
}

/**
 * As openDatabase, for what a slot unlocked: when a re-key was interrupted (the key file holds a
 * staged next key) the database decides which key is in force (integrity/rekey.ts
 * openSettlingRekey). Returns the key that opened it, which the caller keeps; the other is zeroed.
 */
export async function openUnlocked(
  ctx: CoreContext,
  unlocked: { dataKey: Buffer; nextDataKey?: Buffer | undefined },
  create = false,
): Promise<{ db: Database; dataKey: Buffer }> {
  let opened: { db: Database; dataKey: Buffer };
  try {
    opened = await openSettlingRekey(ctx.paths.database, ctx.keyslots, unlocked, { create });
  } catch (error) {
    if (error instanceof WrongKeyError) {
      throw new AppError(
        'damaged',
        'The key file and the records database do not belong together, or the database file is damaged. Nothing has been changed. Ask your IT technician to restore both files from the same backup.',
      );
    }
    if (isDatabaseError(error, 'missing')) {
      throw new AppError('damaged', 'The records database file is missing from the data folder. Restore it from a backup.');
    }
    throw error;
  }
  try {
    if (opened.db.writable) await migrate(opened.db);
    return opened;
  } catch (error) {
    await opened.db.close();
    throw error;
  }
}

/** The signer for a person's session: their own key signs every audit row they cause. */
export function signerFor(id: number | null, keys: PersonKeys) {
  return { id, sign: (text: string) => signBytes(keys, text) };
}

/**
 * Everything a signed-in session holds, for the member of staff whose slot opened the key.
 * Their roles come from the verified roster, never from the staff table (decision 0017).
 */
export async function openSession(
  ctx: CoreContext,
  unlocked: { dataKey: Buffer; nextDataKey?: Buffer | undefined },
  staffId: number,
  keys: PersonKeys,
): Promise<UnlockedSession> {
  const { db, dataKey } = await openUnlocked(ctx, unlocked);
  try {
    if (db.writable) await db.trackChanges();
    db.setSigner(signerFor(staffId, keys));
    const row = await findStaffById(db, staffId);
    // A deactivated account's slot is removed, but if that write was lost the roster still says no.
    if (!row) throw new AppError('bad_credentials', 'The username or password is not right.');
    const { member, problems } = await establishRoster(db, staffId, keys, ctx.now());
    if (!member.active) throw new AppError('bad_credentials', 'The username or password is not right.');
    // The chain's end against the anchors kept outside the database, before this sign-in adds
    // its own row: a chain shorter than one, or another row at its place, is told at once.
    const { versions } = await readVerifiedRoster(db);
    if (versions.length > 0) problems.push(...(await anchorProblems(db, await anchorsOutsideDatabase(ctx), versions)));
    const user = { id: member.id, name: member.name, username: member.username, roles: member.roles, active: member.active };
    const settings = await readSettings(db);
    const setBy = await passwordSetByAnother(db, staffId);
    return {
      ...(setBy ? { passwordSetBy: { byName: setBy.byName, at: setBy.at } } : {}),
      db,
      dataKey,
      keys,
      user,
      integrityProblems: problems,
      schoolName: settings.schoolName ?? '',
      lockMinutes: Number(settings.lockMinutes ?? LOCK_MINUTES_DEFAULT),
      lastActivity: ctx.now().getTime(),
      derived: newDerivedViews(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

export async function sessionStatus(ctx: CoreContext): Promise<SessionStatus> {
  const session = ctx.session;
  if (session) {
    const { id, name, username, roles } = session.user;
    return {
      state: 'unlocked',
      user: { id, name, username, roles },
      schoolName: session.schoolName,
      lockMinutes: session.lockMinutes,
      problems: [...(session.db.health.ok ? [] : session.db.health.problems), ...session.integrityProblems],
      readOnly: !session.db.health.ok,
      practice: session.practice === true,
      ...(session.failedSignIns ? { failedSignIns: session.failedSignIns } : {}),
      ...(session.passwordSetBy ? { passwordSetBy: { name: session.passwordSetBy.byName, at: session.passwordSetBy.at } } : {}),
    };
  }
  return (await ctx.keyslots.exists()) ? { state: 'locked' } : { state: 'not_set_up' };
}
