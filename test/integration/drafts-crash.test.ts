// Issue 19, "Must show": a process killed while typing (drafts being written) loses at most
// the last two seconds and never damages the database. A child (helpers/draft-writer.ts)
// signs in through the real core and saves a draft of a disclosure several times a second,
// reporting each save the core answered; the test kills it with SIGKILL mid-stream, then
// checks the folder: the database opens whole (PRAGMA integrity_check), the records verify,
// and the draft there is the last one the child reported committed, or the one after it (in
// flight when killed). The form saves at most two seconds apart (use-draft.ts, its component
// test), so losing nothing committed is losing at most the last two seconds. No timing is
// asserted: a slow, loaded machine only makes the child write fewer drafts.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../electron/core/db/connection';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { call, createIncident, DSL, expectOk, newCore, setUp, unlockAs } from './helpers/core';
import { typedBy } from './helpers/draft-typing';
import { makeTempDir } from './helpers/temp-dir';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WRITER = fileURLToPath(new URL('./helpers/draft-writer.ts', import.meta.url));
const FONTS = join(ROOT, 'resources', 'fonts');
const RUNS = 5;

let dir: string;
let remove: () => Promise<void>;
let dataDir: string;
let bundle: string;
let incidentId: number;

beforeAll(async () => {
  ({ dir, remove } = await makeTempDir('records-drafts-crash-'));
  dataDir = join(dir, 'data');
  const core = await newCore(dataDir);
  try {
    await setUp(core);
    incidentId = await createIncident(core, '2026-11-19');
  } finally {
    await core.close();
  }
  // The native driver stays outside the bundle; printing and the password meter are never called.
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  bundle = join(dir, 'draft-writer.cjs');
  await build({
    entryPoints: [WRITER],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'error',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(bundle).href) },
    plugins: [
      {
        name: 'draft-writer-modules',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3-multiple-ciphers$/ }, () => ({ path: driverPath, external: true }));
          b.onResolve({ filter: /^(pdfmake|@zxcvbn-ts\/.*)$/ }, (args) => ({ path: args.path, namespace: 'unused' }));
          b.onLoad({ filter: /.*/, namespace: 'unused' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
        },
      },
    ],
  });
}, 60_000);

afterAll(async () => {
  await remove();
});

type Saved = { seq: number; savedAt: string };

/** Runs the writer until it has reported `saves` drafts (plus a random moment more), kills it, and returns what it reported. */
function writeAndKill(saves: number): Promise<Saved[]> {
  return new Promise((resolvePromise, reject) => {
    // The project's Node (PATH's node_modules/.bin pins 22), as vitest itself runs on.
    const child = spawn(process.execPath, [bundle, dataDir, FONTS, DSL.username, DSL.password, String(incidentId)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killing = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killing && out.split('\n').filter((line) => line.startsWith('saved ')).length >= saves) {
        killing = true;
        // Mid-stream: anywhere in the next save or the pause after it.
        setTimeout(() => child.kill('SIGKILL'), randomInt(0, 30));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writer ended by itself (code ${code}): ${err}`));
      // Only whole lines: one cut short was not reported.
      const saved = out
        .split('\n')
        .slice(0, -1)
        .filter((line) => line.startsWith('saved '))
        .map((line) => {
          const [, seq, savedAt] = line.split(' ');
          return { seq: Number(seq), savedAt: savedAt ?? '' };
        });
      resolvePromise(saved);
    });
  });
}

async function openRecords(): Promise<Database> {
  const opened = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!opened.ok) throw new Error('the DSL should open their key slot');
  return Database.open(join(dataDir, 'records.db'), opened.dataKey);
}

describe('drafts written while the process is killed', () => {
  it(`keeps the last committed draft whole and the records undamaged (${RUNS} kills)`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      const saved = await writeAndKill(10 + randomInt(0, 20));
      const last = saved.at(-1);
      if (!last) throw new Error(`run ${run}: the writer reported no save`);

      const db = await openRecords();
      try {
        expect(db.health, `run ${run}`).toEqual({ ok: true });
        expect(await db.all('PRAGMA integrity_check'), `run ${run}`).toEqual([{ integrity_check: 'ok' }]);
        const rows = await db.all('SELECT values_json, saved_at FROM drafts');
        expect(rows, `run ${run}: one draft for the one form`).toHaveLength(1);
        const row = rows[0] as { values_json: string; saved_at: string };
        const kept = JSON.parse(row.values_json) as { body: { seq: number; whatWasSaid: string } };
        // The last reported, or the one in flight when the kill came: never an older one.
        expect([last.seq, last.seq + 1], `run ${run}`).toContain(kept.body.seq);
        expect(kept.body.whatWasSaid, `run ${run}: whole`).toBe(typedBy(kept.body.seq));
        if (kept.body.seq === last.seq) expect(row.saved_at).toBe(last.savedAt);
        else expect(Date.parse(row.saved_at)).toBeGreaterThanOrEqual(Date.parse(last.savedAt));
      } finally {
        await db.close();
      }
    }

    // The records verify through the app's own door, and the author is offered the draft.
    const core = await newCore(dataDir);
    try {
      await unlockAs(core, DSL);
      expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);
      expect(expectOk(await call(core, 'drafts.mine', {}))).toEqual([expect.objectContaining({ formKey: `entry:disclosure:incident:${incidentId}` })]);
    } finally {
      await core.close();
    }
  }, 180_000);
});
