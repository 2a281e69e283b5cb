import { schoolToday } from '../../../shared/domain/dates';
import { dashboardBackup } from '../backup-schedule';
import { readDashboard } from '../records/dashboard';
import type { Handlers } from './types';

export const dashboardHandlers = {
  'dashboard.get': async (_input, ctx) => {
    const { db, user, derived } = ctx.session;
    const today = schoolToday(ctx.now());
    // Worked out again only when the records have changed, or the day has (overdue items).
    const records = await derived.dashboard.get(await db.recordsVersion(), today, () => readDashboard(db, user, today));
    return { ...records, lastBackup: await dashboardBackup(db, ctx.now()) };
  },
} satisfies Partial<Handlers>;
