import { mkdir } from 'node:fs/promises';
import { BackupState, CoreContext } from './context';
import { startBackupSchedule } from './backup-schedule';
import type { Core, CoreOptions, LockReason } from './core-api';
import { createDispatch, lockIfIdle, type Logger } from './dispatch';
import { appendAudit } from './audit/audit-log';
import { AnchorKeeper } from './integrity/anchor-keeper';
import { appHandlers } from './handlers/app-handlers';
import { auditHandlers } from './handlers/audit-handlers';
import { backupHandlers } from './handlers/backup-handlers';
import { keyHandlers } from './handlers/key-handlers';
import { chronologyHandlers } from './handlers/chronology-handlers';
import { contactHandlers } from './handlers/contact-handlers';
import { legalHoldHandlers } from './handlers/legal-hold-handlers';
import { retentionHandlers } from './handlers/retention-handlers';
import { destructionHandlers } from './handlers/destruction-handlers';
import { practiceHandlers } from './handlers/practice-handlers';
import { leavePractice } from './practice/practice-switch';
import type { UnlockedSession } from './session/session';
import { practiceScenarioHandlers } from './handlers/practice-scenario-handlers';
import { trainingHandlers } from './handlers/training-handlers';
import { dashboardHandlers } from './handlers/dashboard-handlers';
import { dueHandlers } from './handlers/due-handlers';
import { draftHandlers } from './handlers/draft-handlers';
import { entryHandlers } from './handlers/entry-handlers';
import { exportHandlers } from './handlers/export-handlers';
import { helpHandlers } from './handlers/help-handlers';
import { defaultFontsDir } from './pdf/fonts';
import { incidentHandlers } from './handlers/incident-handlers';
import { incidentLifecycleHandlers } from './handlers/incident-lifecycle-handlers';
import { pupilHandlers } from './handlers/pupil-handlers';
import { pupilImportHandlers } from './handlers/pupil-import-handlers';
import { recoveryHandlers } from './handlers/recovery-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { setupHandlers } from './handlers/setup-handlers';
import { staffHandlers } from './handlers/staff-handlers';
import { transferPackageHandlers } from './handlers/transfer-package-handlers';
import { leavingHandlers } from './handlers/leaving-handlers';
import { transferHandlers } from './handlers/transfer-handlers';
import { transferPdfHandlers } from './handlers/transfer-pdf-handler';
import type { Handlers } from './handlers/types';

export type { Core, CoreOptions } from './core-api';

const handlers: Handlers = {
  ...appHandlers,
  ...setupHandlers,
  ...sessionHandlers,
  ...recoveryHandlers,
  ...staffHandlers,
  ...settingsHandlers,
  ...pupilHandlers,
  ...incidentHandlers,
  ...incidentLifecycleHandlers,
  ...entryHandlers,
  ...auditHandlers,
  ...dashboardHandlers,
  ...chronologyHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...keyHandlers,
  ...helpHandlers,
  ...dueHandlers,
  ...draftHandlers,
  ...contactHandlers,
  ...transferPackageHandlers,
  ...retentionHandlers,
  ...legalHoldHandlers,
  ...leavingHandlers,
  ...transferHandlers,
  ...transferPdfHandlers,
  ...destructionHandlers,
  ...practiceHandlers,
  ...pupilImportHandlers,
  ...practiceScenarioHandlers,
  ...trainingHandlers,
};

/** How often the core looks for an idle session to lock, even if the window has gone quiet. */
const IDLE_CHECK_MS = 15_000;

export async function createCore(options: CoreOptions & { log?: Logger }): Promise<Core> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  if (options.stateDir !== undefined) await mkdir(options.stateDir, { recursive: true, mode: 0o700 });
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.error(`[records] ${message}`));

  /** Audits the lock, keeps the chain's end, closes the database and zeroes the key. */
  const endSession = async (session: UnlockedSession, reason: LockReason): Promise<void> => {
    try {
      if (session.db.writable) {
        await session.db.transaction((tx) =>
          appendAudit(tx, { action: 'lock', actorId: session.user.id, at: now(), details: { reason } }),
        );
      }
    } catch (error) {
      log(`could not audit a lock: ${error instanceof Error ? error.name : 'unknown'}`);
    } finally {
      // The chain's end, lock row and all, goes outside the database before it closes.
      await anchors.flush(session);
      await session.db.close();
      session.dataKey.fill(0);
    }
  };

  const lock = async (reason: LockReason): Promise<void> => {
    // Before anything else, so a sign-in still checking its password learns it was overtaken.
    ctx.lockCount += 1;
    // A backup under way finishes first: it holds a copy of the key and reads the database.
    await ctx.backups.inFlight;
    const session = ctx.session;
    if (!session) return;
    // Cleared first, so calls arriving while the database closes already answer `locked`.
    ctx.session = null;
    // In practice mode a lock locks both: the practice session, then the school's parked one.
    const parked = await leavePractice(ctx, session, (practice) => endSession(practice, reason), reason);
    await endSession(parked ?? session, reason);
  };

  const ctx = new CoreContext(options.dataDir, options.appVersion, now, lock, {
    chooseSavePath: options.chooseSavePath,
    chooseOpenPath: options.chooseOpenPath,
    fontsDir: options.fontsDir ?? defaultFontsDir(),
  }, new BackupState(options.chooseFolder), options.stateDir ?? null);
  const anchors = new AnchorKeeper(ctx, log);
  ctx.flushAnchors = (session) => anchors.flush(session);
  const inner = createDispatch(ctx, handlers, log);
  // Any call made while signed in may have appended to the audit (a change, a view, the
  // sign-in itself): the anchors follow a moment later, unless nothing was appended.
  const dispatch = async (channel: unknown, input: unknown) => {
    const result = await inner(channel, input);
    if (ctx.session) anchors.schedule();
    return result;
  };
  const idleTimer = setInterval(() => void lockIfIdle(ctx), IDLE_CHECK_MS);
  idleTimer.unref();
  const backups = startBackupSchedule(ctx, log);

  return {
    dispatch,
    lock,
    async close() {
      clearInterval(idleTimer);
      // Back to the school's records first: the backup on exit is of them, never of practice.
      const practice = ctx.session;
      if (practice?.practice === true) {
        const real = await leavePractice(ctx, practice, (s) => endSession(s, 'quit'), 'quit');
        ctx.session = real;
      }
      // The backup on exit, while the records are still open (if a folder is chosen).
      await backups.beforeClose();
      await lock('quit');
    },
  };
}
