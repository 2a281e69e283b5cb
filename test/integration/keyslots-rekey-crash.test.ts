// Issue 16, item 6 (the key file's side): re-keying is two-phase and survives a process killed
// at any moment. Whatever point the kill lands on, every slot still opens, all of them give the
// same data key (the old one or the one being staged, never a mixture), and a staged key is the
// one that was being staged, so the caller can finish or abandon the re-key.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyslotStore, newRecoveryCode } from '../../electron/core/vault/keyslots';
import { newPersonKeys } from '../../electron/core/vault/person-keys';
import { makeTempDir } from './helpers/temp-dir';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const REKEYER = fileURLToPath(new URL('./helpers/keyslot-rekeyer.ts', import.meta.url));
const PARAMS = { N: 2 ** 14, r: 8, p: 1 };
const RUNS = 8;
const DSL = { staffId: 1, username: 'mthistle', password: 'correct horse battery staple' };
const HEAD = { staffId: 2, username: 'bhollow', password: 'violet tractor pudding moon' };

let dir: string;
let remove: () => Promise<void>;
let path: string;
const recoveryCode = newRecoveryCode();

beforeAll(async () => {
  ({ dir, remove } = await makeTempDir());
  path = join(dir, 'keyslots.json');
  const store = new KeyslotStore(path, PARAMS);
  const dataKey = randomBytes(32);
  await store.create(dataKey, { ...DSL, keys: newPersonKeys() }, { code: recoveryCode, keys: newPersonKeys() });
  await store.setStaffSlot(dataKey, { ...HEAD, keys: newPersonKeys() });
});

afterAll(async () => {
  await remove();
});

/** Runs the re-keyer, kills it after `delayMs`, and returns what it printed. */
function runAndKill(delayMs: number): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', REKEYER, path, DSL.username, DSL.password], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (timer === undefined && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`re-keyer ended by itself (code ${code}): ${err}`));
      resolvePromise(out.split('\n'));
    });
  });
}

describe('a re-key killed part-way', () => {
  it(`leaves every slot opening the same key, the old or the new (${RUNS} kills)`, async () => {
    let committed = 0;
    let betweenPhases = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const store = new KeyslotStore(path, PARAMS);
      const before = await store.unlockWithPassword(DSL.username, DSL.password);
      if (!before.ok) throw new Error('the DSL should open the key file');
      const lines = await runAndKill(50 + Math.floor(Math.random() * 400));
      const staging = lines.filter((l) => l.startsWith('staging ')).map((l) => l.slice(8));
      committed += lines.filter((l) => l.startsWith('committed ')).length;
      // The key the file may hold: the last one committed (or the first, if none was), or the one being staged.
      const lastCommitted = lines.filter((l) => l.startsWith('committed ')).at(-1)?.slice(10) ?? before.dataKey.toString('hex');
      const inFlight = staging.at(-1);
      const allowed = new Set([lastCommitted, inFlight].filter((k): k is string => k !== undefined));

      const dsl = await store.unlockWithPassword(DSL.username, DSL.password);
      const head = await store.unlockWithPassword(HEAD.username, HEAD.password);
      const recovery = await store.unlockWithRecoveryCode(recoveryCode);
      if (!dsl.ok || !head.ok || !recovery) throw new Error(`run ${run}: a slot no longer opens`);
      const keys = [dsl, head, recovery].map((u) => u.dataKey.toString('hex'));
      expect(new Set(keys).size, `run ${run}: the slots disagree on the data key`).toBe(1);
      expect(allowed.has(keys[0]!), `run ${run}: a key that is neither the old nor the staged one`).toBe(true);
      for (const unlocked of [dsl, head, recovery]) {
        // A staged key, if the kill came between the phases, is the one being staged.
        if (unlocked.nextDataKey) expect(unlocked.nextDataKey.toString('hex'), `run ${run}`).toBe(inFlight);
      }
      // Finish what was staged, as the caller would after trying both keys on the database.
      if (dsl.nextDataKey) {
        betweenPhases += 1;
        await store.commitDataKey();
      }
    }
    console.log(`rekey-crash: ${RUNS} kills, ${committed} re-keys completed, ${betweenPhases} kills left a staged key`);
    // The kills did land among re-keys, not only before the first one.
    expect(committed).toBeGreaterThan(0);
  }, 120_000);
});
