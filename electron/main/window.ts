// The one window. Every security-relevant preference is written out, even where it matches
// Electron's default, so a reviewer (and electronegativity) can see it and a future default
// change cannot loosen it.
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, type MessageBoxSyncOptions, type WebContents } from 'electron';
import { join } from 'node:path';
import { WINDOW_TITLE } from './paths';

export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false, // the OS spellchecker would see record text
      navigateOnDragDrop: false,
      // Middle-click on a link would otherwise ask for a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });

  // The page's <title> never reaches the OS: window titles show on taskbars and screen shares.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  askBeforeLosingTyping(win.webContents, (options) => dialog.showMessageBoxSync(win, options));
  win.loadURL(url).catch(() => {
    console.error('[main] the app page failed to load');
  });
  return win;
}

/** The question, in the same words as the page's own (renderer LeavePageDialog). */
export const LEAVE_QUESTION: MessageBoxSyncOptions = {
  type: 'question',
  title: 'Safeguarding records',
  message: 'Leave this page?',
  detail: 'What you have typed will be lost.',
  buttons: ['Stay', 'Leave'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};
const LEAVE = 1;

/**
 * The page cancels beforeunload while a form holds unsaved typing (UnsavedChangesGuard).
 * Electron shows no dialog for that: the window would just refuse to close or reload, so
 * the question is asked here. Leave lets the unload go ahead; Stay (or Escape) keeps it.
 */
export function askBeforeLosingTyping(
  contents: Pick<WebContents, 'on'>,
  ask: (options: MessageBoxSyncOptions) => number,
): void {
  contents.on('will-prevent-unload', (event) => {
    if (ask(LEAVE_QUESTION) === LEAVE) event.preventDefault();
  });
}

export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}

/** A minimal menu: standard editing and zoom (accessibility); developer items only unpackaged. */
export function installAppMenu(): void {
  const developer: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }];
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developer,
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
