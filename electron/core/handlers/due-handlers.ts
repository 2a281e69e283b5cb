import { schoolToday } from '../../../shared/domain/dates';
import { backupDue } from '../../../shared/domain/due';
import { dashboardBackup } from '../backup-schedule';
import { readWhatIsDue } from '../records/due';
import type { Handlers } from './types';

export const dueHandlers = {
  'due.list': async (_input, ctx) => {
    const { db, derived } = ctx.session;
    const today = schoolToday(ctx.now());
    // Worked out again only when the records have changed, or the day has, as the dashboard is.
    const records = await derived.whatIsDue.get(await db.recordsVersion(), today, () => readWhatIsDue(db, today));
    const backup = backupDue(await dashboardBackup(db, ctx.now()));
    return { ...records, items: backup ? [backup, ...records.items] : records.items };
  },
} satisfies Partial<Handlers>;
