// The single IPC entry point. The main process trusts only the main frame of our own window,
// on our own origin: a subframe, another window or a page that navigated away gets nothing.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/core-api';
import { IPC_INVOKE } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/result';
import { isTrustedUrl, type TrustedOrigin } from './paths';

const FORBIDDEN: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden_sender', message: 'This request did not come from the app.' },
};

const INTERNAL: IpcResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'Something went wrong. Please try again.' },
};

function isTrustedSender(
  event: IpcMainInvokeEvent,
  win: BrowserWindow | null,
  trusted: TrustedOrigin,
): boolean {
  const frame = event.senderFrame;
  if (win === null || win.isDestroyed() || frame === null || frame.detached) return false;
  const main = win.webContents.mainFrame;
  return (
    event.sender.id === win.webContents.id &&
    frame.parent === null &&
    frame.processId === main.processId &&
    frame.frameToken === main.frameToken &&
    isTrustedUrl(frame.url, trusted)
  );
}

export function registerIpc(
  core: Core,
  getWindow: () => BrowserWindow | null,
  trusted: TrustedOrigin,
): void {
  ipcMain.handle(
    IPC_INVOKE,
    async (event, channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event, getWindow(), trusted)) return FORBIDDEN;
      try {
        return await core.dispatch(channel, input);
      } catch {
        // dispatch promises never to throw; if it does, nothing internal crosses the bridge.
        console.error('[main] dispatch threw');
        return INTERNAL;
      }
    },
  );
}
