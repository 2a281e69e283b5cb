import type { IpcResult } from '../../shared/ipc/result';

/** What an open-file dialog is for: it decides the dialog's title and which files it offers. */
export type OpenFilePurpose = 'transfer-package' | 'pupil-import';

/** Why the session was locked, as recorded in the audit log. */
export type LockReason = 'button' | 'idle' | 'os-lock' | 'suspend' | 'quit' | 'restore';

export type CoreOptions = {
  /** The data folder: records.db (SQLCipher) and keyslots.json live here. */
  dataDir: string;
  appVersion: string;
  /** Injected so tests can move time (idle lock, throttling) without waiting. */
  now?: () => Date;
  /**
   * Where to save an exported document: the Electron glue shows a save dialog, the test
   * harness and the CLI give a path. Null means the person cancelled. Without it, exports
   * are refused: the core never picks a place to write a record by itself.
   */
  chooseSavePath?: (suggestedFileName: string) => Promise<string | null>;
  /**
   * Where to keep backups: the Electron glue shows a folder dialog, the test harness gives
   * a path. Null means the person cancelled. Without it, the backup folder cannot be chosen.
   */
  chooseFolder?: () => Promise<string | null>;
  /**
   * Which file to read in (a transfer package from another school, a pupil list from the
   * MIS): the Electron glue shows an open-file dialog, the test harness gives a path. Null
   * means the person cancelled. Without it, nothing can be imported.
   */
  chooseOpenPath?: (purpose: OpenFilePurpose) => Promise<string | null>;
  /**
   * This computer's own folder for the app, OUTSIDE the data folder (the Electron glue passes
   * userData): it keeps the last end of the audit chain this computer saw, so a data folder put
   * back from an older copy shows at sign-in. Without it only the key file's anchor is kept.
   */
  stateDir?: string;
  /** The TTFs embedded in PDFs; by default resources/fonts beside the code (the packaged app passes its own). */
  fontsDir?: string;
};

/** Everything the Electron glue, the test harness, the CLI and benchmarks need of the core. */
export interface Core {
  /** Validates, authorises and runs one call; never throws, never leaks internals. */
  dispatch(channel: unknown, input: unknown): Promise<IpcResult<unknown>>;
  /** Closes the database and drops the key; the next records call answers `locked`. */
  lock(reason: LockReason): Promise<void>;
  /** Locks and releases everything; the core cannot be used afterwards. */
  close(): Promise<void>;
}
