import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Core, OpenFilePurpose } from '../../electron/core/core-api';
import { startCoreWorker } from '../../electron/core/worker/core-host';
import { CHANNELS } from '../../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const RENDERER_DIR = join(ROOT, 'out', 'renderer');
/** The core's worker thread as the app starts it (docs/decisions/0011): built, not the sources. */
const CORE_WORKER = join(ROOT, 'out', 'main', 'core-worker.js');
/** The page's origin in tests; every request to it is answered from out/renderer, never the network. */
const APP_ORIGIN = 'https://records.app.test';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export type LaunchOptions = {
  /** Use this data folder (kept on close); by default a fresh temp folder (removed on close). */
  dataDir?: string;
  /**
   * This computer's state folder (the app's userData, where the anchors are kept): by default
   * beside the data folder, `<dataDir>.state`, removed on close only with a temp data folder.
   */
  stateDir?: string;
  /** The core's clock, to test idle locking and throttling without waiting. */
  now?: () => Date;
  /** Browser viewport; defaults to a small office monitor. */
  viewport?: { width: number; height: number };
  /**
   * Stands in for the save dialog of an export: a path, or null for "cancelled". By default
   * every export is saved under its suggested name in `exportDir`.
   */
  savePath?: (suggestedFileName: string) => string | null;
  /**
   * Stands in for the folder dialog of the Backups page: a path, or null for "cancelled".
   * By default the `backups` folder beside `exportDir` (made empty at launch).
   */
  chooseFolder?: () => string | null;
  /**
   * Stands in for the open-file dialog of an import (a transfer package, a pupil list): a path,
   * or null for "cancelled". A test can change what it answers between imports. By default,
   * "cancelled".
   */
  openPath?: (purpose: OpenFilePurpose) => string | null;
};

export type LaunchedApp = {
  page: Page;
  dataDir: string;
  stateDir: string;
  /** Where exports are saved by default: an `exports` folder in a fresh temp folder (removed on close). */
  exportDir: string;
  /** What the folder dialog chooses by default: a `backups` folder in the same temp folder (removed on close). */
  backupDir: string;
  /** The real core behind window.api (in its worker thread, as in the app), for tests that need to look underneath the UI. */
  core: Core;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far. */
  consoleErrors: string[];
  close(): Promise<void>;
};

// Mirrors electron/preload: one function, and names outside the channel list refused in the page.
function bridgeScript(): string {
  return `(() => {
    const channels = new Set(${JSON.stringify(CHANNELS)});
    const invoke = window.__recordsInvoke;
    Object.defineProperty(window, 'api', { value: Object.freeze({
      invoke(channel, input) {
        if (typeof channel !== 'string' || !channels.has(channel)) {
          return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: 'That action is not part of this app.' } });
        }
        return invoke(channel, input).then((answer) => JSON.parse(answer));
      },
    }) });
  })();`;
}

async function assertBuilt(): Promise<void> {
  try {
    await stat(join(RENDERER_DIR, 'index.html'));
  } catch {
    throw new Error(`The renderer is not built (${RENDERER_DIR} has no index.html). Run "npm run build" first.`);
  }
  try {
    await stat(CORE_WORKER);
  } catch {
    throw new Error(`The core's worker thread is not built (${CORE_WORKER} is missing). Run "npm run build" first.`);
  }
}

function rendererFile(url: string): string | null {
  const path = decodeURIComponent(new URL(url).pathname);
  const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : path));
  return file.startsWith(RENDERER_DIR + sep) ? file : null;
}

/**
 * Starts the app as a person would see it: the built renderer in Debian's Chromium, its
 * window.api bound to the real core (dispatch, SQLCipher, keyslots) in the built worker
 * thread the app itself starts, so the UI tests cross the same thread boundary.
 */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  await assertBuilt();
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'records-e2e-')));
  const stateDir = options.stateDir ?? `${resolve(dataDir)}.state`;
  const removeData = () => Promise.all([rm(dataDir, { recursive: true, force: true }), rm(stateDir, { recursive: true, force: true })]);
  const exportRoot = await mkdtemp(join(tmpdir(), 'records-e2e-exports-'));
  const exportDir = join(exportRoot, 'exports');
  await mkdir(exportDir);
  const backupDir = join(exportRoot, 'backups');
  await mkdir(backupDir);
  const removeExports = () => rm(exportRoot, { recursive: true, force: true });
  const savePath = options.savePath ?? ((suggestedFileName: string) => join(exportDir, suggestedFileName));
  const version = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  let core: Core;
  try {
    core = await startCoreWorker({
      workerScript: CORE_WORKER,
      dataDir,
      stateDir,
      appVersion: version.version,
      chooseSavePath: (suggestedFileName) => Promise.resolve(savePath(suggestedFileName)),
      chooseFolder: () => Promise.resolve(options.chooseFolder ? options.chooseFolder() : backupDir),
      chooseOpenPath: (purpose) => Promise.resolve(options.openPath ? options.openPath(purpose) : null),
      ...(options.now ? { now: options.now } : {}),
    });
  } catch (error) {
    await removeExports();
    if (ownsDataDir) await removeData();
    throw error;
  }

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--lang=en-GB', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // A school office PC in England: British dates in native date fields, the school's clock.
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    // Answers cross as JSON text: Playwright's own serialiser takes ~80 ms on a 150 KB
    // dashboard, where Electron's structured clone takes a few; IPC answers are plain data.
    await context.exposeBinding('__recordsInvoke', async (_source, channel: unknown, input: unknown) => JSON.stringify(await core.dispatch(channel, input)));
    await context.addInitScript({ content: bridgeScript() });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (!url.startsWith(APP_ORIGIN)) return route.abort('blockedbyclient');
      const file = rendererFile(url);
      if (!file) return route.fulfill({ status: 404, body: 'Not found' });
      try {
        const body = await readFile(file);
        const headers: Record<string, string> = { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' };
        if (file.endsWith('.html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
        return route.fulfill({ status: 200, headers, body });
      } catch {
        return route.fulfill({ status: 404, body: 'Not found' });
      }
    });

    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${APP_ORIGIN}/index.html`);

    const openedBrowser = browser;
    return {
      page,
      dataDir,
      stateDir,
      exportDir,
      backupDir,
      core,
      context,
      consoleErrors,
      async close() {
        await openedBrowser.close().catch(() => undefined);
        await core.close();
        if (ownsDataDir) await removeData();
        await removeExports();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await core.close();
    if (ownsDataDir) await removeData();
    await removeExports();
    throw error;
  }
}
