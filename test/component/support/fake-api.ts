import type { Channel } from '../../../shared/ipc/channels';
import { contract, type Input, type Output, type ParsedInput } from '../../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';
import type { Spec } from '../../../shared/ipc/spec';

/**
 * How the fake core answers one channel: a value (the core accepted), or a function of
 * the parsed input giving the whole result (to refuse, or to answer per input).
 */
type Answer<C extends Channel> = Output<C> | ((input: ParsedInput<C>) => IpcResult<Output<C>>);
export type Answers = { [C in Channel]?: Answer<C> };

type RecordedCall = { channel: Channel; input: unknown };

export type FakeApi = {
  /** Every call the screen made, in order, with the input as the renderer sent it. */
  readonly calls: RecordedCall[];
  /** The inputs sent on one channel, as the renderer sent them (one the contract refuses is also a problem). */
  inputsOf<C extends Channel>(channel: C): Input<C>[];
  /** What went wrong on the fake's side: a channel with no answer, an input or output the contract refuses. */
  readonly problems: string[];
};

const live: FakeApi[] = [];

/**
 * A fake core that was asked something it could not answer, or asked in a shape the
 * contract refuses, fails the test even when the screen hid the refusal. Run by the setup
 * after each test, once the screen is unmounted.
 */
export function failOnFakeApiProblems(): void {
  const problems = live.flatMap((api) => api.problems);
  live.length = 0;
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

export function refusal(error: IpcError): { ok: false; error: IpcError } {
  return { ok: false, error };
}

function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/**
 * A stand-in for the preload's `window.api`: checks each input with the contract's input
 * schema as the core's dispatch would, answers from the table, and checks each answer with
 * the contract's output schema, so a fixture or a screen that drifts from the contract fails loudly.
 */
export function installFakeApi(answers: Answers): FakeApi {
  const calls: RecordedCall[] = [];
  const problems: string[] = [];
  const api: FakeApi = {
    calls,
    problems,
    // Typed as the contract's input: an input that does not match it fails the test anyway.
    inputsOf: <C extends Channel>(channel: C) => calls.filter((c) => c.channel === channel).map((c) => c.input as Input<C>),
  };
  live.push(api);

  async function invoke(channel: string, input: unknown): Promise<unknown> {
    // Answered later, never in the same tick, as a call across IPC is.
    await Promise.resolve();
    if (!isChannel(channel)) {
      problems.push(`The screen called a channel that does not exist: ${channel}`);
      return refusal({ code: 'unknown_channel', message: `No channel ${channel}` });
    }
    calls.push({ channel, input });
    return answer(channel, input);
  }

  // Each channel's answer is checked against the contract at run time; its own type is
  // too large a union for the compiler here, so the table is read as plain values.
  const table: Partial<Record<Channel, unknown>> = answers;

  function answer(channel: Channel, input: unknown): IpcResult<unknown> {
    const spec: Spec = contract[channel];
    const parsedInput = spec.input.safeParse(input);
    if (!parsedInput.success) {
      problems.push(`The screen sent ${channel} an input the contract refuses: ${parsedInput.error.message}`);
      return refusal({ code: 'invalid_input', message: 'The input does not match the contract' });
    }
    const given = table[channel];
    if (given === undefined) {
      problems.push(`The test gave no answer for ${channel}`);
      return refusal({ code: 'internal', message: `The test gave no answer for ${channel}` });
    }
    const result = typeof given === 'function' ? (given as (input: unknown) => IpcResult<unknown>)(parsedInput.data) : { ok: true as const, value: given };
    if (!result.ok) return result;
    const parsedOutput = spec.output.safeParse(result.value);
    if (!parsedOutput.success) {
      problems.push(`The test's answer for ${channel} does not match the contract: ${parsedOutput.error.message}`);
      return refusal({ code: 'internal', message: 'The answer does not match the contract' });
    }
    return { ok: true, value: parsedOutput.data };
  }

  window.api = { invoke };
  return api;
}
