import { useCallback, useEffect, useState } from 'react';
import type { Channel } from '../../../shared/ipc/channels';
import type { Input, Output } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/result';
import { call } from '../api/client';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: IpcError } | { state: 'ready'; value: T };

/** Loads one channel's answer for a screen, with a `reload` for after a change. */
export function useCall<C extends Channel>(channel: C, input: Input<C>) {
  const [loaded, setLoaded] = useState<Loaded<Output<C>>>({ state: 'loading' });
  const key = JSON.stringify(input);
  const reload = useCallback(async () => {
    const result = await call(channel, JSON.parse(key) as Input<C>);
    setLoaded(result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error });
  }, [channel, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { loaded, reload };
}
