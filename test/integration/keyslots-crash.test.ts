// Must show (issue 3): the keyslots file survives a process killed in the middle of a
// password change; afterwards either the old or the new password works, never neither.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyslotStore, newRecoveryCode } from '../../electron/core/vault/keyslots';
import { makeTempDir } from './helpers/temp-dir';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WRITER = fileURLToPath(new URL('./helpers/keyslot-writer.ts', import.meta.url));
const PARAMS = { N: 2 ** 14, r: 8, p: 1 };
const RUNS = 15;

const STAFF_ID = 1;
const USERNAME = 'mthistle';
const PASSWORD_A = 'correct horse battery staple';
const PASSWORD_B = 'violet tractor pudding moon';
const OTHER = { staffId: 2, username: 'ofair', password: 'lantern biscuit orbit meadow' };

let dir: string;
let remove: () => Promise<void>;
let path: string;
const dataKey = randomBytes(32);
const recoveryCode = newRecoveryCode();

beforeAll(async () => {
  ({ dir, remove } = await makeTempDir());
  path = join(dir, 'keyslots.json');
  const store = new KeyslotStore(path, PARAMS);
  await store.create(dataKey, { staffId: STAFF_ID, username: USERNAME, password: PASSWORD_A }, recoveryCode);
  await store.setStaffPassword(dataKey, OTHER);
});

afterAll(async () => {
  await remove();
});

/** Runs the writer, kills it with SIGKILL `delayMs` after it is ready, and returns how many writes it reported. */
function runAndKill(delayMs: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WRITER, path, dataKey.toString('hex'), String(STAFF_ID), USERNAME, PASSWORD_A, PASSWORD_B],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself (code ${code}): ${err}`));
      resolvePromise(out.split('\n').filter((line) => line.startsWith('wrote ')).length);
    });
  });
}

async function opens(store: KeyslotStore, password: string): Promise<boolean> {
  const attempt = await store.unlockWithPassword(USERNAME, password);
  if (!attempt.ok) return false;
  expect(attempt.dataKey.equals(dataKey)).toBe(true);
  expect(attempt.staffId).toBe(STAFF_ID);
  return true;
}

describe('a password change killed part-way', () => {
  it(`leaves a readable file in which exactly one of the two passwords works (${RUNS} kills)`, async () => {
    let totalWrites = 0;
    // The file holds A before the first write; each completed write flips it.
    let expected = PASSWORD_A;
    for (let run = 0; run < RUNS; run += 1) {
      const reported = await runAndKill(Math.floor(Math.random() * 400));
      totalWrites += reported;
      const afterReported = reported % 2 === 0 ? expected : expected === PASSWORD_A ? PASSWORD_B : PASSWORD_A;
      const nextOne = afterReported === PASSWORD_A ? PASSWORD_B : PASSWORD_A;

      const store = new KeyslotStore(path, PARAMS);
      await expect(store.read(), `run ${run}: the file no longer parses`).resolves.toBeDefined();
      const withA = await opens(store, PASSWORD_A);
      const withB = await opens(store, PASSWORD_B);
      expect([withA, withB].filter(Boolean), `run ${run}: ${withA ? 'both' : 'neither'} password(s) work`).toHaveLength(1);
      const working = withA ? PASSWORD_A : PASSWORD_B;
      // The last reported write, or the one that finished without the time to say so.
      expect([afterReported, nextOne]).toContain(working);
      expected = working;

      // The other slots are untouched by the interrupted write.
      const other = await store.unlockWithPassword(OTHER.username, OTHER.password);
      expect(other.ok).toBe(true);
      const recovered = await store.unlockWithRecoveryCode(recoveryCode);
      expect(recovered?.equals(dataKey)).toBe(true);
    }
    // The kills did land among writes, not only before the first one.
    expect(totalWrites).toBeGreaterThan(0);
  }, 180_000);

  it('leaves at most stray temp files beside it, which do not stop the next change', async () => {
    const names = await readdir(dir);
    expect(names).toContain('keyslots.json');
    for (const name of names.filter((n) => n !== 'keyslots.json')) expect(name).toMatch(/^\.keyslots\.json\.[0-9a-f]+\.tmp$/);

    const store = new KeyslotStore(path, PARAMS);
    await store.setStaffPassword(dataKey, { staffId: STAFF_ID, username: USERNAME, password: 'a brand new password here' });
    expect(await opens(store, 'a brand new password here')).toBe(true);
    expect(await opens(store, PASSWORD_A)).toBe(false);
    expect(await opens(store, PASSWORD_B)).toBe(false);
  }, 60_000);
});
