// Electron glue only: lifecycle, the window, IPC, power events. Everything else is the core,
// which is plain Node and knows nothing of Electron. Logs here never name a pupil (nor
// anyone): they say what failed, not to whom.
import { app, dialog, powerMonitor, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core, LockReason } from '../core/core-api';
import { startCoreWorker } from '../core/worker/core-host';
import { registerIpc } from './ipc';
import { saveDialogChooser } from './save-dialog';
import { folderDialogChooser } from './folder-dialog';
import { openDialogChooser } from './open-dialog';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, dataDirOverride, debugSwitchesIn, debugSwitchMessage, devServerUrl, originOf } from './paths';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { installSecurityGuards } from './security';
import { createMainWindow, installAppMenu, preloadPathFrom } from './window';

// The bundle runs from out/main/index.js; the renderer and preload are built beside it, and
// the core's worker thread is out/main/core-worker.js.
const mainDir = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(mainDir, '../renderer');

let mainWindow: BrowserWindow | null = null;

// First, before anything is registered or opened: the packaged app never runs under a
// debugger (electron/main/paths.ts, debugSwitchesIn). Development builds still may.
const debugSwitches = app.isPackaged ? debugSwitchesIn(process.argv) : [];
if (debugSwitches.length > 0) {
  console.error(debugSwitchMessage(debugSwitches));
  // process.exit, not app.exit: it ends the process here, so not one line below it runs.
  process.exit(1);
}

// Privileged schemes must be registered before 'ready'; forcing the sandbox for every
// renderer is belt and braces over the window's own `sandbox: true`.
registerAppScheme();
app.enableSandbox();

function resolveDataDir(): string {
  const dir = dataDirOverride(process.argv, process.env) ?? join(app.getPath('userData'), 'data');
  // 0o700: only this OS account may list the folder (the database is encrypted anyway).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** What kind of failure, for the log: a name and code, never a message that might carry data. */
function errorKind(err: unknown): string {
  if (!(err instanceof Error)) return 'non-error value';
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? `${err.name} (${code})` : err.name;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function lockQuietly(core: Core, reason: LockReason): void {
  core.lock(reason).catch(() => console.error('[main] locking failed'));
}

/** The renderer is not told: it polls session.status and shows the unlock screen itself. */
function lockOnPowerEvents(core: Core): void {
  powerMonitor.on('lock-screen', () => lockQuietly(core, 'os-lock'));
  powerMonitor.on('suspend', () => lockQuietly(core, 'suspend'));
  // Shutdown or log-off: quit properly, so 'before-quit' closes the database cleanly.
  powerMonitor.on('shutdown', () => app.quit());
}

/**
 * Holds the quit until the core has closed (database closed, key dropped), exactly once.
 * The window is closed first, so a form with unsaved typing can ask (window.ts): if the
 * person stays, nothing has closed; if the window closes, 'window-all-closed' quits again.
 */
function closeCoreBeforeQuit(core: Core, currentWindow: () => BrowserWindow | null): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    const open = currentWindow();
    if (open !== null && !open.isDestroyed()) {
      open.close();
      return;
    }
    state = 'closing';
    core
      .close()
      .catch(() => console.error('[main] closing the records failed'))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

async function start(): Promise<void> {
  // electron-vite dev serves the renderer over http on localhost; never in a packaged app.
  const devUrl = app.isPackaged ? undefined : devServerUrl(process.env['ELECTRON_RENDERER_URL']);
  const entryUrl = devUrl ?? APP_ENTRY_URL;
  const trusted = originOf(entryUrl) ?? { protocol: `${APP_SCHEME}:`, host: APP_HOST };

  await app.whenReady();
  installSecurityGuards(trusted);
  handleAppProtocol(rendererDir);
  installAppMenu();

  // The whole core (database, key, PDF layout, backups) runs in one worker thread, so no call
  // can freeze the window (docs/decisions/0011); the dialogs it asks for are shown from here.
  const core = await startCoreWorker({
    workerScript: join(mainDir, 'core-worker.js'),
    dataDir: resolveDataDir(),
    // The app's own folder on this computer, outside the data folder (which is userData/data,
    // or wherever --data-dir points): the anchors there survive a data folder put back.
    stateDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    chooseSavePath: saveDialogChooser(() => mainWindow),
    chooseFolder: folderDialogChooser(() => mainWindow),
    chooseOpenPath: openDialogChooser(() => mainWindow),
    // Packaged, the fonts are an extraResource (electron-builder.yml); unpackaged, the core
    // finds resources/fonts itself.
    ...(app.isPackaged ? { fontsDir: join(process.resourcesPath, 'fonts') } : {}),
  });
  registerIpc(core, () => mainWindow, trusted);
  lockOnPowerEvents(core);
  closeCoreBeforeQuit(core, () => mainWindow);

  mainWindow = createMainWindow(preloadPathFrom(mainDir), entryUrl);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the data folder: it gets focus (below), this one leaves.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  // Closing the window ends the session on every platform (macOS included): a records app
  // left running without a window would keep the database open for no one.
  app.on('window-all-closed', () => app.quit());
  start().catch((err: unknown) => {
    console.error(`[main] the app could not start: ${errorKind(err)}`);
    dialog.showErrorBox('Safeguarding records', 'The records could not be opened. Please contact your IT support.');
    app.exit(1);
  });
}
