// The core in its worker thread (docs/decisions/0011), started the way the app starts it:
// the BUILT out/main/core-worker.js through core-host, under plain Node (the Electron binary
// cannot run here). Set-up, sign-in and a PDF export cross the thread; the save dialog is
// answered by this thread; a test's clock reaches the worker; a worker that dies answers
// every call with a plain error instead of leaving it hanging.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core-api';
import { startCoreWorker, type CoreWorkerOptions } from '../../electron/core/worker/core-host';
import { call, createIncident, DSL, expectError, expectOk, setUp, TestClock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CORE_WORKER = join(ROOT, 'out', 'main', 'core-worker.js');

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(prefix: string): Promise<string> {
  const temp = await makeTempDir(prefix);
  cleanups.push(temp.remove);
  return temp.dir;
}

async function start(options: Omit<CoreWorkerOptions, 'appVersion'>): Promise<Core> {
  const core = await startCoreWorker({ appVersion: '0.0.0-test', ...options });
  cleanups.push(() => core.close());
  return core;
}

beforeAll(() => {
  if (!existsSync(CORE_WORKER)) throw new Error(`${CORE_WORKER} is missing: run "npm run build" (or npx electron-vite build) first.`);
});

describe('the built core worker', () => {
  it('sets up, signs in and exports a PDF saved where this thread chose', async () => {
    const dataDir = join(await tempDir('records-worker-'), 'data');
    const outDir = await tempDir('records-worker-out-');
    const asked: string[] = [];
    const logs: string[] = [];
    let cancel = false;
    const core = await start({
      workerScript: CORE_WORKER,
      dataDir,
      log: (message) => logs.push(message),
      chooseSavePath: (suggested) => {
        asked.push(suggested);
        return Promise.resolve(cancel ? null : join(outDir, suggested));
      },
    });

    expect(expectOk(await call(core, 'session.status', {})).state).toBe('not_set_up');
    await setUp(core);
    await core.lock('button');
    expectError(await call(core, 'incidents.list', { status: 'all' }), 'locked');
    expectError(await call(core, 'session.unlock', { username: DSL.username, password: 'not the password at all' }), 'bad_credentials');
    await unlockAs(core, DSL);

    const incidentId = await createIncident(core);
    const exported = expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [] }));
    if (!exported.saved) expect.fail('expected the PDF to be saved');
    expect(asked).toEqual([exported.fileName]);
    const file = join(outDir, exported.fileName);
    expect((await readFile(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Image shared in a group chat');

    // A cancelled dialog saves nothing, as in-process.
    cancel = true;
    expect(expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [] }))).toEqual({ saved: false });

    // What crosses back is plain data only: no stack, no path, whatever the input.
    const refused = await core.dispatch('incidents.get', { incidentId: 'not a number' });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).not.toContain(dataDir);
    expect(await core.dispatch('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await core.dispatch('session.status', { f: () => 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(logs).toEqual([]);

    await core.close();
    expect(await core.dispatch('session.status', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it("runs on the host's clock: moving a test clock locks an idle session in the worker", async () => {
    const dataDir = join(await tempDir('records-worker-clock-'), 'data');
    const clock = new TestClock();
    const core = await start({ workerScript: CORE_WORKER, dataDir, now: clock.now, log: () => undefined });
    await setUp(core);
    expectOk(await call(core, 'incidents.list', { status: 'all' }));
    // Far past any lock timeout on the test clock; no real time passes.
    clock.advance(24 * 60 * 60_000);
    expectError(await call(core, 'incidents.list', { status: 'all' }), 'locked');
    const status = await unlockAs(core, DSL);
    expect(status.state).toBe('unlocked');
  });

  it('asks this thread for the backup folder, and a dialog that fails is a refusal, not a hang', async () => {
    const dataDir = join(await tempDir('records-worker-folder-'), 'data');
    const backups = await tempDir('records-worker-backups-');
    let fail = true;
    const core = await start({
      workerScript: CORE_WORKER,
      dataDir,
      log: () => undefined,
      chooseFolder: () => (fail ? Promise.reject(new Error('no window')) : Promise.resolve(backups)),
    });
    await setUp(core);
    expectError(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }), 'internal');
    fail = false;
    expect(expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password })).folder).toBe(backups);
  });

  it('refuses to start, clearly, when the records cannot be opened', async () => {
    const parent = await tempDir('records-worker-bad-');
    const notAFolder = join(parent, 'file');
    await writeFile(notAFolder, 'x');
    await expect(startCoreWorker({ workerScript: CORE_WORKER, dataDir: join(notAFolder, 'data'), appVersion: 't', log: () => undefined })).rejects.toThrow(
      /The records could not be opened \(Error \(ENOTDIR\)\)/,
    );
    await expect(startCoreWorker({ workerScript: join(parent, 'missing.js'), dataDir: join(parent, 'data'), appVersion: 't', log: () => undefined })).rejects.toThrow(
      /could not be opened/,
    );
  });
});

describe('a worker that dies', () => {
  // Stands in for the core's worker: answers "ready", then dies on the first call, the way an
  // uncaught error or a crashed native module would end the real one.
  async function dyingWorker(how: 'exit' | 'throw'): Promise<string> {
    const dir = await tempDir('records-worker-dying-');
    const script = join(dir, 'dying-worker.mjs');
    const die = how === 'exit' ? 'process.exit(3);' : "throw new Error('boom at /secret/path');";
    await writeFile(script, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { ${die} });\nparentPort.postMessage({ type: 'ready' });\n`);
    return script;
  }

  it.each(['exit', 'throw'] as const)('answers the call under way and every later one with a plain error (%s)', async (how) => {
    const logs: string[] = [];
    const core = await start({ workerScript: await dyingWorker(how), dataDir: await tempDir('records-worker-dead-'), log: (m) => logs.push(m) });
    const answer = await core.dispatch('session.status', {});
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^The records stopped working unexpectedly/) as string } });
    expect(await core.dispatch('session.status', {})).toEqual(answer);
    // Nothing is left to lock or close: both settle rather than wait for a thread that has gone.
    await core.lock('button');
    await core.close();
    expect(logs.join('\n')).toMatch(/ended unexpectedly/);
    expect(logs.join('\n')).not.toContain('/secret/path');
  });
});
