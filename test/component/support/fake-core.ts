import { vi } from 'vitest';

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

/** Stands in for the preload's `window.api.invoke`: answers per channel, and records every call. */
export function fakeCore(answers: Record<string, (input: unknown) => Answer>) {
  const invoke = vi.fn((channel: string, input: unknown): Promise<unknown> => {
    const answer = answers[channel];
    return Promise.resolve(answer ? answer(input) : { ok: false, error: { code: 'internal', message: `No answer for ${channel} in this test` } });
  });
  window.api = { invoke };
  return { invoke, callsTo: (channel: string) => invoke.mock.calls.filter(([c]) => c === channel).map(([, input]) => input) };
}
