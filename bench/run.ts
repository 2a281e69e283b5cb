// npm run bench — speed and memory on a data folder shaped like ten years of a large
// secondary school (2,000 pupils, 1,500 incidents, 30,000 entries), measured through the
// same path the app uses: the built core worker thread (out/main/core-worker.js) and its
// dispatch. Writes bench/results.json and prints a table against the budgets, including how
// long this (the host's) thread is held up while the slowest calls run: the window's thread
// in the app. Timings are never asserted in tests; this is where they are checked.
//   npm run bench [-- --seed N] [-- --runs N]
// The generated folder is kept in bench/data/ and reused for the same seed and generator
// (DATA_VERSION); every run works on a copy, so the cached data never changes. Issue 16's
// measures (full Verify, the cost of signing a save, signing alone) are in ./integrity.ts.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Core } from '../electron/core/core-api';
import { startCoreWorker } from '../electron/core/worker/core-host';
import { dataPaths } from '../electron/core/context';
import { Database } from '../electron/core/db/connection';
import { chronologyPage, COMMON_TERM_MATCHES, entriesSnapshot, searchMatchCount } from '../electron/core/db/chronology-queries';
import { entriesOfIncident, entriesOfOpenIncidents, signaturesOfOpenIncidents } from '../electron/core/db/entry-queries';
import { openIncidents } from '../electron/core/db/incident-queries';
import { listStaff } from '../electron/core/db/staff-queries';
import { DEMO_DEFAULTS, generateDemoData } from '../scripts/demo/generate';
import { KeyslotStore } from '../electron/core/vault/keyslots';
import { emptyFailureLogText } from '../electron/core/session/login-throttle';
import { deriveKey, SCRYPT_PARAMS } from '../electron/core/vault/crypto';
import { chronologyFilters, defaultOrder, type ChronologyScope } from '../shared/domain/chronology';
import type { IpcResult } from '../shared/ipc/result';
import { launchApp } from '../test/support/launch-app';
import { signIn } from '../test/support/journeys';
import { benchSaveFloor, benchSign, benchVerify } from './integrity';
import { benchPupilImport } from './pupil-import';
import { measure, measureReported, memorySampler, percentile, round, timing, type Timing } from './stats';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SHAPE = { pupils: 2000, incidents: 1500, entries: 30_000 };
/** Unmeasured runs before each call's measured ones. */
const WARMUP = 20;
/** mainThreadBlockMs: the longest the host's event loop may wait while a call runs (the goal is one frame, 16 ms). */
const BUDGET = {
  unlockMs: 1000,
  callP95Ms: 5,
  callFloorRatio: 10,
  saveMs: 5,
  /** Saving an entry (hashing, signing and recording the audit row included) against the bare SQL of the same writes (issue 16). */
  saveFloorRatio: 10,
  pdfMs: 1000,
  rendererKb: 350,
  firstScreenMs: 300,
  mainThreadBlockMs: 50,
  rekeyMs: 10_000,
  verifyFullMs: 10_000,
  /** Issue 21: 1,500 pupils read, previewed and applied from a CSV export through the core. */
  misImportMs: 5000,
};
/** Rekeys timed, each on a fresh copy of the school's records; the median is held to the budget. */
const REKEY_RUNS = 3;
/**
 * The generated school's shape and history: bumped whenever the generator writes something
 * different, so a folder cached by an older generator is made again. 2: the signed history of
 * issue 16 (every change with its signed audit row, the roster).
 */
const DATA_VERSION = 3;
const FRAME_MS = 16;
/**
 * Runs of each call whose main-thread delay is watched. The median run's longest wait is
 * held to the budget and the worst run's is reported beside it: on these shared 2-core
 * machines another process can take the CPU from the host's thread for tens of
 * milliseconds in any second, call or no call (the idle watch below shows how much).
 */
const BLOCK_RUNS = 5;
const CORE_WORKER = join(ROOT, 'out', 'main', 'core-worker.js');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const seed = option('seed', 1);
const runs = option('runs', 60);
const credentials = { username: DEMO_DEFAULTS.username, password: DEMO_DEFAULTS.password };

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function dataFolder(): Promise<string> {
  const dir = join(ROOT, 'bench', 'data', `school-v${DATA_VERSION}-seed-${seed}`);
  if (!(await exists(join(dir, 'records.db')))) {
    process.stdout.write(`Generating ${SHAPE.pupils} pupils, ${SHAPE.incidents} incidents, ${SHAPE.entries} entries (seed ${seed})…\n`);
    await rm(dir, { recursive: true, force: true });
    await generateDemoData({ dataDir: dir, ...SHAPE, seed });
  }
  return dir;
}

type CallResult = { p50: number; p95: number; floorP50: number; floorP95: number; ratio: number };

/**
 * The longest this thread's event loop waited (ms) during each of BLOCK_RUNS runs of `fn`:
 * perf_hooks' delay histogram at 1 ms resolution, enabled just before the call and disabled
 * just after (`before` runs unwatched). In the app this thread is Electron's main process,
 * which must stay free to draw the window while the core works in its worker.
 */
async function mainThreadBlock(fn: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<{ median: number; worst: number }> {
  const longest: number[] = [];
  for (let i = 0; i < BLOCK_RUNS; i++) {
    await before?.();
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    try {
      await fn();
    } finally {
      histogram.disable();
    }
    // A call shorter than one sample leaves the histogram empty (max 0): nothing was held up.
    longest.push(histogram.count > 0 ? histogram.max / 1e6 : 0);
  }
  const sorted = longest.sort((a, b) => a - b);
  return { median: round(percentile(sorted, 50), 1), worst: round(sorted[sorted.length - 1]!, 1) };
}

async function benchCore(workDir: string, outDir: string, backupDir: string, memory: { peakMb(): number }) {
  const core: Core = await startCoreWorker({
    workerScript: CORE_WORKER,
    dataDir: workDir,
    appVersion: 'bench',
    log: () => undefined,
    chooseSavePath: (name) => Promise.resolve(join(outDir, name)),
    chooseFolder: () => Promise.resolve(backupDir),
  });
  const call = (channel: string, input: unknown) => core.dispatch(channel, input);

  // unlock: password to an open, migrated database, scrypt included (locking is not timed).
  const unlockTimes: number[] = [];
  for (let i = 0; i < 8; i++) {
    await core.lock('button');
    const start = performance.now();
    value(await call('session.unlock', credentials));
    if (i > 0) unlockTimes.push(performance.now() - start);
  }
  const unlock = timing(unlockTimes);
  // scrypt on its own, for how much of unlock_ms is the key derivation the design requires.
  const scrypt = await measure(() => deriveKey(credentials.password, randomBytes(16), SCRYPT_PARAMS), 5, 1);

  const paths = dataPaths(workDir);
  const slot = await new KeyslotStore(paths.keyslots).unlockWithPassword(credentials.username, credentials.password);
  if (!slot.ok) throw new Error('the bench data folder does not open with the demo password');
  const floorDb = await Database.open(paths.database, slot.dataKey);

  const incidents = value<{ id: number; entryCount: number; status: string }[]>(await call('incidents.list', { status: 'all' }));
  const busiest = [...incidents].sort((a, b) => b.entryCount - a.entryCount)[0]!;
  const pupils = value<{ id: number; incidentCount: number }[]>(await call('pupils.list', {}));
  const busiestPupil = [...pupils].sort((a, b) => b.incidentCount - a.incidentCount)[0]!;
  const snapshot = await entriesSnapshot(floorDb);
  const common = async (q: string) => (await searchMatchCount(floorDb, q)) >= COMMON_TERM_MATCHES;
  // The floor is the page query in the shape the handler sends it (a common word read along the index).
  const page = async (scope: ChronologyScope, q = '') => {
    const terms = q ? [{ term: q, incidentIds: [], common: await common(q) }] : [];
    return {
      input: { scope, filters: { q }, offset: 0, limit: 100 },
      floor: () => chronologyPage(floorDb, { scope, filters: chronologyFilters.parse({ q }), order: defaultOrder(scope), terms, snapshot }, 0, 100),
    };
  };
  const screens: { name: string; channel: string; input: unknown; floor: () => Promise<unknown> }[] = [
    // The dashboard's first query when it is worked out; visits in between are served from the session's cache.
    { name: 'dashboard', channel: 'dashboard.get', input: {}, floor: () => openIncidents(floorDb) },
    { name: 'incident page', channel: 'incidents.get', input: { incidentId: busiest.id }, floor: () => entriesOfIncident(floorDb, busiest.id) },
    { name: 'incident chronology', channel: 'chronology.page', ...(await page({ type: 'incident', incidentId: busiest.id })) },
    { name: 'pupil chronology', channel: 'chronology.page', ...(await page({ type: 'pupil', pupilId: busiestPupil.id })) },
    { name: 'school log page', channel: 'chronology.page', ...(await page({ type: 'school' })) },
    { name: 'search', channel: 'chronology.page', ...(await page({ type: 'school' }, 'phone')) },
    // Issue 19: every action and deadline on the open incidents; the floor is the SQL it runs when worked out (kept, as the dashboard is, while the records are unchanged).
    {
      name: 'what is due',
      channel: 'due.list',
      input: {},
      floor: () => Promise.all([listStaff(floorDb), openIncidents(floorDb), entriesOfOpenIncidents(floorDb), signaturesOfOpenIncidents(floorDb)]),
    },
  ];
  const calls: Record<string, CallResult> = {};
  for (const screen of screens) {
    // Steady state: the main process runs all day, so V8 has compiled these paths after the first few visits.
    const full = await measure(async () => value(await call(screen.channel, screen.input)), runs, WARMUP);
    const floor = await measure(screen.floor, runs, WARMUP);
    calls[screen.name] = { p50: full.p50, p95: full.p95, floorP50: floor.p50, floorP95: floor.p95, ratio: round(full.p50 / Math.max(floor.p50, 0.01), 1) };
  }
  await floorDb.close();

  // Not a budget: the dashboard when the records have just changed, so it is worked out
  // again rather than served from the session's cache (a settings change stands in for a save).
  let lockMinutes = 10;
  const dashboardAfterChange = await measureReported(async () => {
    lockMinutes = lockMinutes === 10 ? 11 : 10;
    value(await call('settings.update', { lockMinutes }));
    const start = performance.now();
    value(await call('dashboard.get', {}));
    return performance.now() - start;
  }, 10, 1);

  // An incident of exactly 100 entries, for saving and printing.
  const created = value<{ id: number }>(
    await call('incidents.create', { title: 'Benchmark incident', cameToAttentionOn: '2026-11-02', imageryDate: '', kind: 'self-shared', media: 'photo', services: ['Snapchat'], sharing: 'not_known', sharingDetails: '' }),
  );
  let minute = 0;
  const disclosure = () => {
    minute += 1;
    return {
      incidentId: created.id,
      occurredOn: '2026-11-02',
      occurredTime: `${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
      kind: 'disclosure',
      body: { source: 'staff', sourceName: '', toldTo: 'Benchmark DSL', means: 'in_person', whatWasSaid: `Entry ${minute}: a pupil said the image had been passed on in a group chat after school.`, immediateActions: '' },
    };
  };
  const save = await measure(async () => value(await call('entries.create', disclosure())), Math.min(runs, 97), 3);
  const pdf = await measure(async () => value(await call('exports.pdf', { currentPassword: credentials.password, document: { type: 'incident-report', incidentId: created.id }, namedChildren: [] })), 5, 1);

  // Peak memory over the same calls as before the worker, so rss_mb stays comparable; the
  // long pupil file and the backups below are reported on their own.
  const rssMb = memory.peakMb();
  const block = await mainThreadBlocks(call, pupils, () => core.lock('button'));
  await core.close();
  return { unlock, scrypt, calls, dashboardAfterChange, save, pdf, rssMb, ...block };
}

type Call = (channel: string, input: unknown) => Promise<IpcResult<unknown>>;

/**
 * How long re-encrypting the whole school's records under a fresh key takes (Database.rekey,
 * as when someone leaves): opening and checking the copy is not timed, only the rekey, each
 * run on a fresh copy of the cached folder's records.db so every run starts from the same file.
 */
async function benchRekey(source: string, temp: string): Promise<{ median: number; runs: number[]; size_mb: number }> {
  const slot = await new KeyslotStore(dataPaths(source).keyslots).unlockWithPassword(credentials.username, credentials.password);
  if (!slot.ok) throw new Error('the bench data folder does not open with the demo password');
  const runs: number[] = [];
  let sizeMb = 0;
  for (let i = 0; i < REKEY_RUNS; i++) {
    const dir = join(temp, `rekey-${i}`);
    await mkdir(dir, { mode: 0o700 });
    const file = join(dir, 'records.db');
    await cp(dataPaths(source).database, file);
    sizeMb = round((await stat(file)).size / 1024 ** 2, 1);
    const db = await Database.open(file, slot.dataKey);
    const newKey = randomBytes(32);
    try {
      const start = performance.now();
      await db.rekey(newKey);
      runs.push(round(performance.now() - start, 1));
    } finally {
      await db.close();
      newKey.fill(0);
      await rm(dir, { recursive: true, force: true });
    }
  }
  slot.dataKey.fill(0);
  return { median: round(percentile([...runs].sort((a, b) => a - b), 50), 1), runs, size_mb: sizeMb };
}

/**
 * How long the host's thread is held up by the four heaviest kinds of call: a long pupil
 * file (the pupil, of the twenty in most incidents, whose file has the most entries), a
 * backup, a search for a common word across the whole school, and an unlock (scrypt, then
 * opening and checking the database).
 */
async function mainThreadBlocks(call: Call, pupils: { id: number; incidentCount: number }[], lock: () => Promise<void>) {
  const candidates = [...pupils].sort((a, b) => b.incidentCount - a.incidentCount).slice(0, 20);
  let longest = { pupilId: candidates[0]!.id, entries: -1 };
  for (const pupil of candidates) {
    const options = value<{ entryCount: number }>(await call('exports.options', { document: { type: 'pupil-file', pupilId: pupil.id } }));
    if (options.entryCount > longest.entries) longest = { pupilId: pupil.id, entries: options.entryCount };
  }
  // The subject named, the other children not: the export page's default.
  const exportPupilFile = async () =>
    value<{ pages: number }>(await call('exports.pdf', { currentPassword: credentials.password, document: { type: 'pupil-file', pupilId: longest.pupilId }, namedChildren: [`pupil:${longest.pupilId}`] }));
  const { pages } = await exportPupilFile();
  const pupilFileMs = await measure(exportPupilFile, 3, 0);

  value(await call('backups.chooseFolder', { currentPassword: credentials.password }));
  const search = { scope: { type: 'school' }, filters: { q: 'phone' }, offset: 0, limit: 100 };
  const watched = {
    pdf_pupil_file: await mainThreadBlock(exportPupilFile),
    backup: await mainThreadBlock(async () => value(await call('backups.run', {}))),
    search: await mainThreadBlock(async () => value(await call('chronology.page', search))),
    // Only the unlock is watched; the lock before it is not what this measures.
    unlock: await mainThreadBlock(async () => value(await call('session.unlock', credentials)), lock),
  };
  // The same watch over a second in which nothing runs: what the machine itself adds (other
  // processes, the scheduler), so a reading near it says the call held nothing up.
  const idleBlock = await mainThreadBlock(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  const pick = (key: 'median' | 'worst') =>
    Object.fromEntries(Object.entries(watched).map(([name, block]) => [name, block[key]])) as Record<keyof typeof watched, number>;
  return { blocks: pick('median'), blocksWorst: pick('worst'), idleBlock, pupilFile: { pages, entries: longest.entries, ms: pupilFileMs } };
}

/** The core runs from the built worker, as in the app; `npm run bench` builds first, a bare `tsx bench/run.ts` may not have. */
async function ensureBuilt(): Promise<void> {
  if (!(await exists(CORE_WORKER)) || !(await exists(join(ROOT, 'out', 'renderer', 'index.html')))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
}

async function rendererGzipKb(): Promise<number> {
  const assets = join(ROOT, 'out', 'renderer');
  const files = (await readdir(assets, { recursive: true })).filter((f) => f.endsWith('.js'));
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await readFile(join(assets, file)), { level: 9 }).length;
  return round(bytes / 1024, 1);
}

async function firstScreen(workDir: string): Promise<Timing> {
  const app = await launchApp({ dataDir: workDir });
  try {
    await signIn(app.page, credentials);
    const drawn = () => app.page.locator('[aria-label="Open incidents and what each is missing"] li').first().waitFor();
    await drawn();
    return await measure(async () => {
      await app.page.reload();
      await drawn();
    }, 15, 2);
  } finally {
    await app.close();
  }
}

const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');

async function main(): Promise<void> {
  const started = Date.now();
  const source = await dataFolder();
  const temp = await mkdtemp(join(tmpdir(), 'records-bench-'));
  const workDir = join(temp, 'data');
  const outDir = join(temp, 'out');
  const backupDir = join(temp, 'backups');
  await cp(source, workDir, { recursive: true });
  // A folder cached before decision 0014 has no failures file, which now means the longest wait.
  const failures = dataPaths(workDir).loginFailures;
  if (!(await exists(failures))) await writeFile(failures, emptyFailureLogText());
  await mkdir(outDir);
  await mkdir(backupDir);
  try {
    await ensureBuilt();
    const memory = memorySampler();
    const core = await benchCore(workDir, outDir, backupDir, memory);
    memory.stop();
    const rekey = await benchRekey(source, temp);
    const verify = await benchVerify(source, temp, credentials);
    const saveFloor = await benchSaveFloor(source, temp, credentials, core.save.runs);
    const saveRatio = round(core.save.p95 / Math.max(saveFloor.p95, 0.01), 1);
    const sign = benchSign();
    const misImport = await benchPupilImport(temp);
    const rendererKb = await rendererGzipKb();
    const first = await firstScreen(workDir);

    const results = {
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: round(totalmem() / 1024 ** 3, 1), node: process.version, platform: `${process.platform}-${process.arch}` },
      data: { ...SHAPE, seed },
      unlock_ms: core.unlock,
      scrypt_ms: core.scrypt,
      calls: core.calls,
      dashboard_after_change_ms: core.dashboardAfterChange,
      save_entry_ms: core.save,
      save_entry_floor_ms: saveFloor,
      save_entry_floor_ratio: saveRatio,
      sign_ms: sign,
      pdf_100_entries_ms: core.pdf,
      pdf_pupil_file: core.pupilFile,
      main_thread_block_ms: core.blocksWorst,
      main_thread_block_median_ms: core.blocks,
      main_thread_block_idle_ms: core.idleBlock,
      renderer_js_gzip_kb: rendererKb,
      first_screen_ms: first,
      rekey_ms: rekey,
      verify_full_ms: verify,
      mis_import_1500_ms: misImport,
      rss_mb: core.rssMb,
      rss_mb_with_pupil_file_and_backups: memory.peakMb(),
      budgets: BUDGET,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    await writeFile(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

    const rows: [string, string, string, boolean][] = [
      ['unlock_ms p95', `${core.unlock.p95}`, `≤ ${BUDGET.unlockMs}`, core.unlock.p95 <= BUDGET.unlockMs],
      ['  of which scrypt alone, p50', `${core.scrypt.p50}`, 'reported', true],
      ...Object.entries(core.calls).map(([name, c]): [string, string, string, boolean] => [
        `call: ${name} p95 (p50; floor p50; ratio)`,
        `${c.p95} (${c.p50}; ${c.floorP50}; ${c.ratio}×)`,
        `≤ ${BUDGET.callP95Ms}, ≤ ${BUDGET.callFloorRatio}× floor`,
        c.p95 <= BUDGET.callP95Ms && c.ratio <= BUDGET.callFloorRatio,
      ]),
      ['dashboard just after a change p50 (p95)', `${core.dashboardAfterChange.p50} (${core.dashboardAfterChange.p95})`, 'reported', true],
      ['save_entry_ms p95', `${core.save.p95}`, `≤ ${BUDGET.saveMs}`, core.save.p95 <= BUDGET.saveMs],
      [
        '  beside save_entry_floor_ms p95 (raw SQL: entry + audit row, no hashing or signing; ratio)',
        `${saveFloor.p95} (${saveRatio}×)`,
        `≤ ${BUDGET.saveFloorRatio}× floor`,
        saveRatio <= BUDGET.saveFloorRatio,
      ],
      ['  sign_ms: signing one audit row, p50 (p95)', `${sign.p50} (${sign.p95})`, 'reported', true],
      ['pdf_100_entries_ms p95', `${core.pdf.p95}`, `≤ ${BUDGET.pdfMs}`, core.pdf.p95 <= BUDGET.pdfMs],
      [`pdf_pupil_file_ms p50 (${core.pupilFile.pages} pages, ${core.pupilFile.entries} entries)`, `${core.pupilFile.ms.p50}`, 'reported', true],
      // The longest wait of any run is the measure: one frozen moment is what a person notices.
      ...Object.entries(core.blocksWorst).map(([name, ms]): [string, string, string, boolean] => [
        `main_thread_block_ms: ${name}, longest of ${BLOCK_RUNS} runs (median)`,
        `${ms} (${core.blocks[name as keyof typeof core.blocks]})`,
        `≤ ${BUDGET.mainThreadBlockMs} (goal ${FRAME_MS})`,
        ms <= BUDGET.mainThreadBlockMs,
      ]),
      [`  the same watch over 1 s with nothing running (median)`, `${core.idleBlock.worst} (${core.idleBlock.median})`, 'reported', true],
      [`rekey_ms (median of ${REKEY_RUNS}; ${rekey.size_mb} MB records.db)`, `${rekey.median} (${rekey.runs.join(', ')})`, `≤ ${BUDGET.rekeyMs}`, rekey.median <= BUDGET.rekeyMs],
      [
        `verify_full_ms (median of ${verify.runs.length}; ${verify.audit_rows} audit rows, ${verify.entries} entries, ${verify.signatures} signatures; ${verify.findings} findings)`,
        `${verify.median} (${verify.runs.join(', ')})`,
        `≤ ${BUDGET.verifyFullMs}, no findings`,
        verify.median <= BUDGET.verifyFullMs && verify.findings === 0,
      ],
      ['renderer_js_gzip_kb', `${rendererKb}`, `≤ ${BUDGET.rendererKb}`, rendererKb <= BUDGET.rendererKb],
      ['first_screen_ms p95', `${first.p95}`, `≤ ${BUDGET.firstScreenMs}`, first.p95 <= BUDGET.firstScreenMs],
      [
        `mis_import_1500_ms (read + preview + apply through the core; raw-SQL insert floor ${misImport.floor_ms} ms; ratio)`,
        `${misImport.ms} (${misImport.ratio}×)`,
        `≤ ${BUDGET.misImportMs}`,
        misImport.ms <= BUDGET.misImportMs,
      ],
      ['rss_mb (peak, core)', `${results.rss_mb}`, 'reported', true],
      ['  and with the long pupil file and backups', `${results.rss_mb_with_pupil_file_and_backups}`, 'reported', true],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    process.stdout.write(`\n${results.machine.cpus} × ${results.machine.model}, ${results.machine.node}; ${SHAPE.pupils} pupils, ${SHAPE.incidents} incidents, ${SHAPE.entries} entries\n\n`);
    for (const [name, measured, budget, ok] of rows) process.stdout.write(`${mark(ok)} ${name.padEnd(width)}  ${measured.padEnd(32)} ${budget}\n`);
    const missed = rows.filter((r) => !r[3]).length;
    process.stdout.write(`\n${missed === 0 ? 'Every budget holds.' : `${missed} budget(s) missed.`} bench/results.json written in ${results.seconds} s.\n`);
    process.exitCode = missed === 0 ? 0 : 1;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

await main();
