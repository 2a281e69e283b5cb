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

  'settings.updateSchool': async ({ schoolName, schoolUrn }, ctx) => {
    const session = ctx.session;
    const updated = await session.db.transaction(async (tx) => {
      const before = await currentSettings(tx);
      // Only what changed is written and audited, each as from → to.
      const changes: Record<string, { from: string; to: string }> = {};
      if (before.schoolName !== schoolName) changes['schoolName'] = { from: before.schoolName, to: schoolName };
      if (before.schoolUrn !== schoolUrn) changes['schoolUrn'] = { from: before.schoolUrn, to: schoolUrn };
      if (Object.keys(changes).length === 0) return before;
      await writeSetting(tx, 'schoolName', schoolName);
      await writeSetting(tx, 'schoolUrn', schoolUrn);
      await appendAudit(tx, { action: 'settings.changed', actorId: session.user.id, at: ctx.now(), details: changes });
      return currentSettings(tx);
    });
    // The header, printed records and password checks read the name from the session.
    session.schoolName = updated.schoolName;
    return updated;
  },
} satisfies Partial<Handlers>;
