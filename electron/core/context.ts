import { join } from 'node:path';
import type { LockReason, OpenFilePurpose } from './core-api';
import type { UnlockedSession } from './session/session';
import { KeyslotStore } from './vault/keyslots';
import { LoginThrottle } from './session/login-throttle';
import { SerialQueue } from './db/serial-queue';

/** Where exported documents go and what they are made with. */
export type ExportConfig = {
  chooseSavePath: ((suggestedFileName: string) => Promise<string | null>) | undefined;
  chooseOpenPath: ((purpose: OpenFilePurpose) => Promise<string | null>) | undefined;
  fontsDir: string;
};

/** Where backups go and what is under way: backups and restores run one at a time. */
export class BackupState {
  /** One backup or restore at a time, whether the DSL, the daily timer or quitting asked. */
  readonly queue = new SerialQueue();
  /** The backup being written now, so locking can wait for it rather than pull the key from under it. */
  inFlight: Promise<unknown> | null = null;

  constructor(
    /** Asks the person for a folder (the Electron glue shows a dialog; tests give a path). Null means cancelled. */
    readonly chooseFolder: (() => Promise<string | null>) | undefined,
  ) {}
}

export type DataPaths = { dataDir: string; database: string; keyslots: string; loginFailures: string };

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    database: join(dataDir, 'records.db'),
    keyslots: join(dataDir, 'keyslots.json'),
    loginFailures: join(dataDir, 'login-failures.json'),
  };
}

/** The core's state, shared by every handler. */
export class CoreContext {
  session: UnlockedSession | null = null;
  /**
   * The data folder in use: the school's, or while practice mode is open the practice folder
   * (decision 0032), so every handler that reaches a file by path reaches the session's own.
   */
  paths: DataPaths;
  keyslots: KeyslotStore;
  throttle: LoginThrottle;
  /** While practice mode is open: the school's own session and folder, parked until the person returns. */
  parked: ParkedRecords | null = null;
  /** Writes the anchors of a session about to be parked or closed (set by createCore, which keeps them). */
  flushAnchors: (session: UnlockedSession) => Promise<void> = () => Promise.resolve();
  /**
   * One authentication at a time (sign-in, recovery, a signature's password, a restore's
   * credentials, set-up): parallel attempts would otherwise all pass the delay check before
   * any of them recorded its failure, and two sign-ins could each open a database.
   */
  readonly auth = new SerialQueue();
  /** Counts locks: a sign-in that sees it change while it ran was overtaken by a lock and opens nothing. */
  lockCount = 0;

  constructor(
    dataDir: string,
    readonly appVersion: string,
    readonly now: () => Date,
    readonly lock: (reason: LockReason) => Promise<void>,
    readonly exports: ExportConfig,
    readonly backups: BackupState = new BackupState(undefined),
    /**
     * This computer's own folder for the app, outside every data folder (Electron's userData):
     * where the anchor of each data folder is kept (decision 0017). Null: none is kept.
     */
    readonly stateDir: string | null = null,
  ) {
    const folder = dataFolder(dataDir);
    this.paths = folder.paths;
    this.keyslots = folder.keyslots;
    this.throttle = folder.throttle;
  }
}

/** A data folder's files and the stores that read them. */
export type DataFolder = { paths: DataPaths; keyslots: KeyslotStore; throttle: LoginThrottle };

export function dataFolder(dataDir: string): DataFolder {
  const paths = dataPaths(dataDir);
  const keyslots = new KeyslotStore(paths.keyslots);
  return { paths, keyslots, throttle: new LoginThrottle(paths.loginFailures, () => keyslots.exists()) };
}

/** The school's records while practice mode is open: their session stays open, its key in this worker only. */
export type ParkedRecords = DataFolder & { session: UnlockedSession };

/** The context a handler of a signed-in channel gets: the session is certainly there. */
export type SessionContext = CoreContext & { session: UnlockedSession };
