// Starts the core in its one worker thread and gives the host the same `Core` as createCore
// (docs/decisions/0011). Electron's main process, the test harness and the bench all start
// it here, so the UI tests go through the same thread hop as the app.
import { Worker } from 'node:worker_threads';
import type { IpcResult } from '../../../shared/ipc/result';
import type { Core, CoreOptions, LockReason } from '../core-api';
import type { Logger } from '../dispatch';
import { errorKind, type HostMessage, type WorkerMessage, type WorkerStart } from './messages';
import { createSharedClock, writeSharedClock } from './shared-clock';

export type CoreWorkerOptions = CoreOptions & {
  /** The built worker entry, out/main/core-worker.js (as a path or a file: URL). */
  workerScript: string | URL;
  log?: Logger;
};

/** Every call after the worker has died answers this, at once: the session died with the thread. */
const STOPPED: IpcResult<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'The records stopped working unexpectedly, so this was not done. Close the app and open it again; everything saved before is safe.',
  },
};

/** After close, as in-process: the records are no longer open to anyone. */
const CLOSED: IpcResult<never> = { ok: false, error: { code: 'locked', message: 'The records are closed.' } };

/** Electron's IPC and Playwright's binding only ever pass plain data; anything else is refused as dispatch would. */
const NOT_PLAIN: IpcResult<never> = { ok: false, error: { code: 'invalid_input', message: 'The request was not in the expected form.' } };

/**
 * How often a test's clock is copied across besides before each call, so the worker's own
 * timers (idle lock, the daily backup) see time move while no call is made.
 */
const CLOCK_COPY_MS = 50;

type Answer = Extract<WorkerMessage, { type: 'result' | 'done' | 'failed' }>;
/** How a call ended: the worker answered it, or the worker ended first. */
type Outcome = { answer: Answer } | { ended: 'stopped' | 'closed' };

export function startCoreWorker(options: CoreWorkerOptions): Promise<Core> {
  const log = options.log ?? ((message: string) => console.error(`[records] ${message}`));
  const clock = options.now ? createSharedClock() : null;
  const copyClock = () => {
    if (clock && options.now) writeSharedClock(clock, options.now());
  };
  copyClock();
  const clockTimer = clock ? setInterval(copyClock, CLOCK_COPY_MS) : null;
  clockTimer?.unref();

  const start: WorkerStart = {
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    stateDir: options.stateDir ?? null,
    fontsDir: options.fontsDir ?? null,
    canChooseSavePath: options.chooseSavePath !== undefined,
    canChooseFolder: options.chooseFolder !== undefined,
    canChooseOpenPath: options.chooseOpenPath !== undefined,
    clock,
  };
  // The worker runs built JavaScript: loaders the host was started with (tsx under the
  // bench, vitest's) would only slow its start, so it gets none.
  const worker = new Worker(options.workerScript, { workerData: start, execArgv: [] });

  let state: 'starting' | 'running' | 'closing' | 'stopped' | 'closed' = 'starting';
  const calls = new Map<number, (outcome: Outcome) => void>();
  let nextCall = 1;

  // The worker keeps this process alive only while a call waits on it (as the in-process
  // core's unref'd timers never did): a script awaiting a call must not exit under it, and a
  // core nobody closed must not keep a test process running.
  const keepAliveWhileBusy = () => {
    if (calls.size > 0 || state === 'starting') worker.ref();
    else worker.unref();
  };

  const send = (message: HostMessage): void => worker.postMessage(message);

  const call = (message: HostMessage & { type: 'dispatch' | 'lock' | 'close' }): Promise<Outcome> =>
    new Promise((resolve) => {
      copyClock();
      calls.set(message.id, resolve);
      keepAliveWhileBusy();
      try {
        send(message);
      } catch (error) {
        calls.delete(message.id);
        keepAliveWhileBusy();
        throw error;
      }
    });

  const endCalls = (ended: 'stopped' | 'closed') => {
    for (const settle of calls.values()) settle({ ended });
    calls.clear();
    if (clockTimer) clearInterval(clockTimer);
  };

  /** The host's side of the worker's questions: the dialogs stay with whoever owns the window. */
  const answerQuestion = (id: number, ask: (() => Promise<string | null>) | undefined): void => {
    const reply = (message: HostMessage) => {
      if (state === 'running' || state === 'closing') send(message);
    };
    if (!ask) {
      reply({ type: 'choice-failed', id });
      return;
    }
    // Through a promise even if the chooser throws at once, so the worker always hears back.
    Promise.resolve().then(ask).then(
      (path) => reply({ type: 'chosen', id, path }),
      (error: unknown) => {
        log(`a dialog failed: ${errorKind(error)}`);
        reply({ type: 'choice-failed', id });
      },
    );
  };

  const chooseSavePath = options.chooseSavePath;
  const chooseFolder = options.chooseFolder;
  const chooseOpenPath = options.chooseOpenPath;

  return new Promise<Core>((resolveStart, rejectStart) => {
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          state = 'running';
          keepAliveWhileBusy();
          resolveStart(core);
          return;
        case 'start-failed':
          log(`the records could not be opened: ${message.kind}`);
          rejectStart(new Error(`The records could not be opened (${message.kind}).`));
          return;
        case 'result':
        case 'done':
        case 'failed': {
          const settle = calls.get(message.id);
          calls.delete(message.id);
          keepAliveWhileBusy();
          settle?.({ answer: message });
          return;
        }
        case 'choose-save-path':
          answerQuestion(message.id, chooseSavePath && (() => chooseSavePath(message.suggestedFileName)));
          return;
        case 'choose-folder':
          answerQuestion(message.id, chooseFolder);
          return;
        case 'choose-open-path':
          answerQuestion(message.id, chooseOpenPath && (() => chooseOpenPath(message.purpose)));
          return;
        case 'log':
          log(message.message);
          return;
      }
    });
    worker.on('messageerror', (error) => log(`a message from the records could not be read: ${errorKind(error)}`));
    // An uncaught exception in the worker: logged by kind, then 'exit' ends every call.
    worker.on('error', (error) => log(`the records stopped: ${errorKind(error)}`));
    worker.on('exit', (code) => {
      const wasStarting = state === 'starting';
      const ended = state === 'closing' || state === 'closed' ? 'closed' : 'stopped';
      if (ended === 'stopped' && !wasStarting) log(`the records' thread ended unexpectedly (exit code ${code})`);
      state = ended;
      endCalls(ended);
      if (wasStarting) rejectStart(new Error(`The records could not be opened (the thread ended with exit code ${code}).`));
    });

    const ids = () => nextCall++;

    /** Once, however often close is called: a second call waits for the first. */
    let closing: Promise<void> | null = null;
    const closeWorker = async (): Promise<void> => {
      if (state !== 'running') {
        await worker.terminate();
        return;
      }
      state = 'closing';
      let failed: string | null = null;
      try {
        const outcome = await call({ type: 'close', id: ids() });
        if ('answer' in outcome && outcome.answer.type === 'failed') failed = outcome.answer.kind;
      } finally {
        // The key and the connection go with the thread, even if closing them failed.
        state = 'closed';
        await worker.terminate();
        endCalls('closed');
      }
      if (failed !== null) throw new Error(`Closing the records failed (${failed}).`);
    };

    const core: Core = {
      async dispatch(channel, input) {
        if (state === 'stopped') return STOPPED;
        if (state === 'closed') return CLOSED;
        let outcome: Outcome;
        try {
          outcome = await call({ type: 'dispatch', id: ids(), channel, input });
        } catch {
          // Only a value that cannot be copied (a function, a symbol) fails to send.
          return NOT_PLAIN;
        }
        if ('ended' in outcome) return outcome.ended === 'stopped' ? STOPPED : CLOSED;
        return outcome.answer.type === 'result' ? outcome.answer.result : STOPPED;
      },

      async lock(reason: LockReason) {
        // A worker that has ended holds no session and no key: there is nothing to lock.
        if (state !== 'running' && state !== 'closing') return;
        const outcome = await call({ type: 'lock', id: ids(), reason });
        if ('answer' in outcome && outcome.answer.type === 'failed') throw new Error(`Locking the records failed (${outcome.answer.kind}).`);
      },

      close() {
        closing ??= closeWorker();
        return closing;
      },
    };
  });
}
