import { LOCK_MINUTES_DEFAULT } from '../../../shared/domain/settings';
import { appendAudit } from '../audit/audit-log';
import { readSettings, writeSetting } from '../db/settings-queries';
import type { Executor } from '../db/connection';
import type { Handlers } from './types';

async function currentSettings(db: Pick<Executor, 'all'>) {
  const settings = await readSettings(db);
  return {
    schoolName: settings.schoolName ?? '',
    schoolUrn: settings.schoolUrn ?? '',
    lockMinutes: Number(settings.lockMinutes ?? LOCK_MINUTES_DEFAULT),
  };
}

export const settingsHandlers = {
  'settings.get': async (_input, ctx) => currentSettings(ctx.session.db),

  'settings.update': async ({ lockMinutes }, ctx) => {
    const session = ctx.session;
    const updated = await session.db.transaction(async (tx) => {
      const before = await currentSettings(tx);
      await writeSetting(tx, 'lockMinutes', String(lockMinutes));
      await appendAudit(tx, {
        action: 'settings.changed',
        actorId: session.user.id,
        at: ctx.now(),
        details: { lockMinutes: { from: before.lockMinutes, to: lockMinutes } },
      });
      return currentSettings(tx);
    });
    session.lockMinutes = updated.lockMinutes;
    return updated;
  },
} satisfies Partial<Handlers>;
