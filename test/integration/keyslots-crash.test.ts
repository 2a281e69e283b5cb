// Must show (issue 3): the keyslots file survives a process killed in the middle of a
// password change; afterwards either the old or the new password works, never neither.
// The writer cycles through three passwords, so "old or new" also rules out an older one.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyslotStore, newRecoveryCode } from '../../electron/core/vault/keyslots';
import { newPersonKeys } from '../../electron/core/vault/person-keys';
import { makeTempDir } from './helpers/temp-dir';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WRITER = fileURLToPath(new URL('./helpers/keyslot-writer.ts', import.meta.url));
const PARAMS = { N: 2 ** 14, r: 8, p: 1 };
const RUNS = 16;

const STAFF_ID = 1;
const USERNAME = 'mthistle';
const PASSWORDS = ['correct horse battery staple', 'violet tractor pudding moon', 'thimble orchard gazette velvet'];
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
  await store.create(dataKey, { staffId: STAFF_ID, username: USERNAME, password: PASSWORDS[0]!, keys: newPersonKeys() }, { code: recoveryCode, keys: newPersonKeys() });
  await store.setStaffSlot(dataKey, { ...OTHER, keys: newPersonKeys() });
});

afterAll(async () => {
  await remove();
});

/**
 * When to kill the writer once it is ready: after a random delay, or as a temp file of its
 * appears, so that the kill lands inside the two or so milliseconds of writing, fsync and
 * rename rather than in the fifty of key derivation before them. (Here most such kills
 * leave a temp file behind, i.e. they did land before the rename.)
 */
type KillAt = { kind: 'random'; delayMs: number } | { kind: 'writing'; afterEvents: number };

/** Runs the writer, kills it with SIGKILL, and returns how many completed writes it reported. */
function runAndKill(startIndex: number, killAt: KillAt): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WRITER, path, dataKey.toString('hex'), String(STAFF_ID), USERNAME, String(startIndex), ...PASSWORDS],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let armed = false;
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    const kill = () => child.kill('SIGKILL');
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (armed || !out.includes('ready\n')) return;
      armed = true;
      if (killAt.kind === 'random') {
        timer = setTimeout(kill, killAt.delayMs);
        return;
      }
      let seen = 0;
      watcher = watch(dir, (_event, name) => {
        if (!name?.endsWith('.tmp')) return;
        seen += 1;
        if (seen > killAt.afterEvents) kill();
      });
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
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
  it(`leaves a readable file that the old or the new password opens, never neither (${RUNS} kills)`, async () => {
    let totalWrites = 0;
    let current = 0; // index of the password in the file
    for (let run = 0; run < RUNS; run += 1) {
      const killAt: KillAt =
        run % 2 === 0
          ? { kind: 'random', delayMs: Math.floor(Math.random() * 400) }
          : { kind: 'writing', afterEvents: Math.floor(Math.random() * 5) };
      const reported = await runAndKill(current, killAt);
      totalWrites += reported;
      // The last write it reported, or the one it was making (or had made without saying so).
      const old = (current + reported) % PASSWORDS.length;
      const next = (old + 1) % PASSWORDS.length;

      const store = new KeyslotStore(path, PARAMS);
      await expect(store.read(), `run ${run}: the file no longer parses`).resolves.toBeDefined();
      const working: number[] = [];
      for (const [index, password] of PASSWORDS.entries()) if (await opens(store, password)) working.push(index);
      expect(working, `run ${run} (${killAt.kind}, ${reported} writes reported)`).toHaveLength(1);
      expect([old, next], `run ${run}: an older password works`).toContain(working[0]);
      current = working[0]!;

      // The other slots are untouched by the interrupted write.
      const other = await store.unlockWithPassword(OTHER.username, OTHER.password);
      expect(other.ok).toBe(true);
      const recovered = await store.unlockWithRecoveryCode(recoveryCode);
      expect(recovered?.dataKey.equals(dataKey)).toBe(true);
    }
    // The kills did land among writes, not only before the first one.
    expect(totalWrites).toBeGreaterThan(0);
  }, 180_000);

  it('leaves at most stray temp files beside it, which do not stop the next change', async () => {
    const names = await readdir(dir);
    expect(names).toContain('keyslots.json');
    for (const name of names.filter((n) => n !== 'keyslots.json')) expect(name).toMatch(/^\.keyslots\.json\.[0-9a-f]+\.tmp$/);

    const store = new KeyslotStore(path, PARAMS);
    await store.setStaffSlot(dataKey, { staffId: STAFF_ID, username: USERNAME, password: 'a brand new password here', keys: newPersonKeys() });
    expect(await opens(store, 'a brand new password here')).toBe(true);
    for (const password of PASSWORDS) expect(await opens(store, password)).toBe(false);
  }, 60_000);
});
