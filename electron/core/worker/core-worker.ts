// The worker thread's entry (built to out/main/core-worker.js): the whole core — database,
// key, PDF layout, backups, scrypt — runs here, so nothing it does can hold up the thread
// that draws the window (docs/decisions/0011). It answers the host's numbered calls and asks
// the host for what only the host can do: the save and folder dialogs.
import { parentPort, workerData } from 'node:worker_threads';
import type { IpcResult } from '../../../shared/ipc/result';
import type { OpenFilePurpose } from '../core-api';
import { createCore, type Core } from '../index';
import { errorKind, type HostMessage, type WorkerMessage, type WorkerStart } from './messages';
import { sharedClockReader } from './shared-clock';

const INTERNAL: IpcResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'Something went wrong and nothing was saved. Try again; if it keeps happening, tell your IT technician.' },
};

const port = parentPort;
if (port === null) throw new Error('core-worker.js runs only as a worker thread (startCoreWorker starts it).');
const start = workerData as WorkerStart;

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}

/** The worker's questions to the host (dialogs), by number, until the host answers. */
const questions = new Map<number, { resolve: (path: string | null) => void; reject: (error: Error) => void }>();
let nextQuestion = 1;

function askHost(
  question: { type: 'choose-save-path'; suggestedFileName: string } | { type: 'choose-folder' } | { type: 'choose-open-path'; purpose: OpenFilePurpose },
): Promise<string | null> {
  const id = nextQuestion++;
  return new Promise((resolve, reject) => {
    questions.set(id, { resolve, reject });
    post({ ...question, id });
  });
}

function answerQuestion(id: number, answer: { path: string | null } | null): void {
  const question = questions.get(id);
  if (!question) return;
  questions.delete(id);
  if (answer === null) question.reject(new Error('the host could not ask'));
  else question.resolve(answer.path);
}

/** An answer that cannot be copied to the host (it never should) still answers, without its contents. */
function postResult(id: number, result: IpcResult<unknown>): void {
  try {
    post({ type: 'result', id, result });
  } catch (error) {
    post({ type: 'log', message: `a ${result.ok ? 'value' : 'refusal'} could not be sent to the host: ${errorKind(error)}` });
    post({ type: 'result', id, result: INTERNAL });
  }
}

async function handle(core: Core, message: HostMessage): Promise<void> {
  switch (message.type) {
    case 'dispatch': {
      // dispatch promises never to throw; if it ever did, nothing internal goes back.
      const result = await core.dispatch(message.channel, message.input).catch(() => INTERNAL);
      postResult(message.id, result);
      return;
    }
    case 'lock':
    case 'close':
      try {
        await (message.type === 'lock' ? core.lock(message.reason) : core.close());
        post({ type: 'done', id: message.id });
      } catch (error) {
        post({ type: 'failed', id: message.id, kind: errorKind(error) });
      }
      return;
    case 'chosen':
      answerQuestion(message.id, { path: message.path });
      return;
    case 'choice-failed':
      answerQuestion(message.id, null);
      return;
  }
}

try {
  const core = await createCore({
    dataDir: start.dataDir,
    appVersion: start.appVersion,
    ...(start.stateDir !== null ? { stateDir: start.stateDir } : {}),
    log: (message) => post({ type: 'log', message }),
    ...(start.clock ? { now: sharedClockReader(start.clock) } : {}),
    ...(start.fontsDir !== null ? { fontsDir: start.fontsDir } : {}),
    ...(start.canChooseSavePath ? { chooseSavePath: (suggestedFileName: string) => askHost({ type: 'choose-save-path', suggestedFileName }) } : {}),
    ...(start.canChooseFolder ? { chooseFolder: () => askHost({ type: 'choose-folder' }) } : {}),
    ...(start.canChooseOpenPath ? { chooseOpenPath: (purpose: OpenFilePurpose) => askHost({ type: 'choose-open-path', purpose }) } : {}),
  });
  port.on('message', (message: HostMessage) => void handle(core, message));
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'start-failed', kind: errorKind(error) });
  port.close();
}
