import { QueryClient, useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Input, Output } from '../../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';
import { WRITE_CHANGES, type ReadChannel, type WriteChannel } from './channel-kinds';
import { call } from './client';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: IpcError } | { state: 'ready'; value: T };

/** A refusal from the core, carried through the query library's error path with its words intact. */
class IpcFailure extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'IpcFailure';
  }
}

/**
 * The renderer's one cache of what the core answered. Nothing is retried (a refusal from the
 * local core does not get better by asking again) and nothing refetches on window focus
 * (the core is the only writer, and every write says what it changes). The App clears it
 * on every lock.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/** The cache key of one read: the channel, then its input, so a write can mark a whole channel stale. */
export function readKey<C extends ReadChannel>(channel: C, input: Input<C>): readonly [C, Input<C>] {
  return [channel, input];
}

export async function readOrThrow<C extends ReadChannel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new IpcFailure(result.error);
  return result.value;
}

function failureOf(error: unknown): IpcError {
  return error instanceof IpcFailure ? error.error : { code: 'internal', message: 'The app could not read the records. Close the app and open it again.' };
}

/** A query's state in the shape LoadState takes. */
export function loadedOf<T>(query: UseQueryResult<T>): Loaded<T> {
  if (query.isError) return { state: 'error', error: failureOf(query.error) };
  if (query.isSuccess) return { state: 'ready', value: query.data };
  return { state: 'loading' };
}

/** One channel's answer for a screen, from the cache when it is there, fetched again after any write that changes it. */
export function useRead<C extends ReadChannel>(channel: C, input: Input<C>, options: { enabled?: boolean } = {}): Loaded<Output<C>> {
  return loadedOf(useQuery({ queryKey: readKey(channel, input), queryFn: () => readOrThrow(channel, input), enabled: options.enabled ?? true }));
}

/**
 * A write, as a function that answers like `call` (never throws). When the core accepts it,
 * every read it changes (WRITE_CHANGES) is marked out of date, and the screens on show have
 * their fresh answers before the returned promise settles, so the caller can move on to a
 * page that shows the change.
 */
export function useWrite<C extends WriteChannel>(channel: C): (input: Input<C>) => Promise<IpcResult<Output<C>>> {
  const client = useQueryClient();
  const { mutateAsync } = useMutation({
    mutationFn: (input: Input<C>) => call(channel, input),
    onSuccess: async (result) => {
      if (!result.ok) return;
      const changes = WRITE_CHANGES[channel];
      // Reads on show are fetched again before the write settles. Reads not on show are
      // dropped rather than kept stale: the page opened next loads afresh instead of first
      // drawing what the write has just made untrue (a draft already saved, an action done).
      const filters = changes === 'everything' ? [{}] : changes.map((read) => ({ queryKey: [read] }));
      for (const filter of filters) client.removeQueries({ ...filter, type: 'inactive' });
      await Promise.all(filters.map((filter) => client.invalidateQueries(filter)));
    },
  });
  return useCallback((input: Input<C>) => mutateAsync(input), [mutateAsync]);
}
