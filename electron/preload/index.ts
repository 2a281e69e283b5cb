import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE, isChannel } from '../../shared/ipc/channels';

// One function crosses the bridge. Names outside the channel list are refused here, before
// anything reaches the main process; the main process validates everything again anyway.
const api = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_channel', message: 'That action is not part of this app.' },
      });
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, input);
  },
};

contextBridge.exposeInMainWorld('api', api);
