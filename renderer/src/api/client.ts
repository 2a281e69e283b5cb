import type { Channel } from '../../../shared/ipc/channels';
import type { Input, Output } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';

declare global {
  interface Window {
    /** Put there by the preload (Electron) or the test harness (Chromium). */
    api: { invoke(channel: string, input: unknown): Promise<unknown> };
  }
}

const lockedListeners = new Set<() => void>();

/** Called whenever any call finds the records locked, so the shell can drop to the unlock screen. */
export function onLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

/** One typed call across the IPC boundary. Never throws: failures come back as `{ ok: false }`. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<IpcResult<Output<C>>> {
  let result: IpcResult<Output<C>>;
  try {
    // The core validated this against the contract's output schema before answering.
    result = (await window.api.invoke(channel, input)) as IpcResult<Output<C>>;
  } catch {
    result = {
      ok: false,
      error: { code: 'internal', message: 'The app could not reach its records service. Close the app and open it again.' },
    };
  }
  if (!result.ok && result.error.code === 'locked') lockedListeners.forEach((listener) => listener());
  return result;
}
