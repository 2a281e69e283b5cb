// The messages between the host thread (Electron's main process, the test harness, the
// bench) and the one worker thread the core runs in (docs/decisions/0011). Internal: both
// ends are built from this repository together, so they are typed, not validated.
import type { IpcResult } from '../../../shared/ipc/result';
import type { LockReason, OpenFilePurpose } from '../core-api';

/** What the worker is started with (workerData): plain data, since functions cannot cross threads. */
export type WorkerStart = {
  dataDir: string;
  appVersion: string;
  /** This computer's folder for the app, outside the data folder, where the anchors are kept; null: none. */
  stateDir: string | null;
  fontsDir: string | null;
  /** Whether the host can ask where to save an export; without it exports are refused, as in-process. */
  canChooseSavePath: boolean;
  /** Whether the host can ask for a backup folder. */
  canChooseFolder: boolean;
  /** Whether the host can ask which file to import; without it imports are refused. */
  canChooseOpenPath: boolean;
  /** The host's clock when it has a custom one (tests), else null and the worker reads the system clock. */
  clock: SharedArrayBuffer | null;
};

/** Host → worker. `id` numbers the host's calls; `chosen` answers the worker's own numbered question. */
export type HostMessage =
  | { type: 'dispatch'; id: number; channel: unknown; input: unknown }
  | { type: 'lock'; id: number; reason: LockReason }
  | { type: 'close'; id: number }
  | { type: 'chosen'; id: number; path: string | null }
  | { type: 'choice-failed'; id: number };

/** Worker → host. `kind` is an error's name and code only: a message might carry a path or data. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'start-failed'; kind: string }
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'done'; id: number }
  | { type: 'failed'; id: number; kind: string }
  | { type: 'choose-save-path'; id: number; suggestedFileName: string }
  | { type: 'choose-folder'; id: number }
  | { type: 'choose-open-path'; id: number; purpose: OpenFilePurpose }
  | { type: 'log'; message: string };

/** What kind of failure, for a log line: a name and code, never a message that might carry data. */
export function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error value';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} (${code})` : error.name;
}
