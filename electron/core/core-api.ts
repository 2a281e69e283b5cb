import type { IpcResult } from '../../shared/ipc/result';

/** Why the session was locked, as recorded in the audit log. */
export type LockReason = 'button' | 'idle' | 'os-lock' | 'suspend' | 'quit';

export type CoreOptions = {
  /** The data folder: records.db (SQLCipher) and keyslots.json live here. */
  dataDir: string;
  appVersion: string;
  /** Injected so tests can move time (idle lock, throttling) without waiting. */
  now?: () => Date;
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
