import { AppError } from '../errors';
import type { SessionContext } from '../context';
import { enterPractice, leavePractice } from '../practice/practice-switch';
import { sessionStatus } from '../session/open-session';
import type { UnlockedSession } from '../session/session';
import { requireOwnPassword } from './reauth';
import type { Handlers } from './types';

export const practiceHandlers = {
  // Any member of staff: everyone practises as a DSL in the practice folder (decision 0032).
  'practice.open': async ({ currentPassword }, ctx) => {
    if (ctx.session.practice === true) throw new AppError('conflict', 'Practice mode is already open.');
    // Checked against their slot in the school's records; the same password then opens (or makes) their practice slot.
    await requireOwnPassword(ctx, currentPassword, 'practice.open');
    await enterPractice(ctx, currentPassword);
    return sessionStatus(ctx);
  },

  'practice.close': async (_input, ctx) => {
    const practice = ctx.session;
    if (practice.practice !== true || !ctx.parked) throw new AppError('conflict', 'Practice mode is not open.');
    await ctx.backups.queue.run(async () => {
      const real = await leavePractice(ctx, practice, (session) => endPractice(ctx, session), 'returned');
      if (!real) return;
      // Back where they were, with no password and no restart: the school's session was only parked.
      real.lastActivity = ctx.now().getTime();
      ctx.session = real;
    });
    return sessionStatus(ctx);
  },
} satisfies Partial<Handlers>;

async function endPractice(ctx: SessionContext, session: UnlockedSession): Promise<void> {
  await ctx.flushAnchors(session);
  await session.db.close();
  session.dataKey.fill(0);
}
