import { useCallback, useEffect, useState } from 'react';
import type { Channel } from '../../../shared/ipc/channels';
import type { Input, Output } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/result';
import { call } from '../api/client';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: IpcError } | { state: 'ready'; value: T };

/** Loads one channel's answer for a screen, with a `reload` for after a change. */
export function useCall<C extends Channel>(channel: C, input: Input<C>) {
  const [loaded, setLoaded] = useState<Loaded<Output<C>>>({ state: 'loading' });
  // The input's JSON is the dependency, so a new object with the same content does not refetch.
  const key = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    void call(channel, JSON.parse(key) as Input<C>).then((result) => {
      // A late answer for an input the screen has moved on from is dropped.
      if (current) setLoaded(result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [channel, key, generation]);
  return { loaded, reload };
}
