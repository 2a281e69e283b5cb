import { resolve } from 'node:path';
import { expect } from 'vitest';
import { createCore, type Core } from '../../../electron/core/index';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';
import type { Input, Output, SessionStatus } from '../../../shared/ipc/contract';
import type { Channel } from '../../../shared/ipc/channels';
import type { Role, StaffMember } from '../../../shared/domain/staff';

/** Fictional school and people; no real school or person. */
export const SCHOOL = 'Quillfeather Academy';

export type Person = { name: string; username: string; password: string };

export const DSL: Person = { name: 'Marigold Thistlewood', username: 'mthistle', password: 'correct horse battery staple' };
export const HEAD: Person = { name: 'Barnaby Hollowell', username: 'bhollow', password: 'violet tractor pudding moon' };
export const DEPUTY: Person = { name: 'Odette Fairweather', username: 'ofair', password: 'lantern biscuit orbit meadow' };

/** A clock the test moves by hand, for idle locking and sign-in throttling. */
export class TestClock {
  private ms: number;

  constructor(start = Date.parse('2026-11-23T09:00:00Z')) {
    this.ms = start;
  }

  readonly now = (): Date => new Date(this.ms);

  advance(ms: number): void {
    this.ms += ms;
  }
}

export function expectOk<T>(result: IpcResult<T>): T {
  if (!result.ok) expect.fail(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function expectError(result: IpcResult<unknown>, code: IpcError['code']): IpcError {
  if (result.ok) expect.fail(`expected the error ${code}, got ok`);
  expect(result.error.code).toBe(code);
  return result.error;
}

/**
 * dispatch with the contract's types: the core checks the output against the same
 * contract, so an ok value has the channel's output shape.
 */
export async function call<C extends Channel>(core: Core, channel: C, input: Input<C>): Promise<IpcResult<Output<C>>> {
  return (await core.dispatch(channel, input)) as IpcResult<Output<C>>;
}

/**
 * This computer's state folder for a test's data folder: beside it, never inside it, as the
 * app's userData is beside its data folder (so copying or replacing the data folder leaves it).
 */
export function stateDirFor(dataDir: string): string {
  return `${resolve(dataDir)}.state`;
}

export function newCore(dataDir: string, clock?: TestClock): Promise<Core> {
  return createCore({
    dataDir,
    stateDir: stateDirFor(dataDir),
    appVersion: '0.0.0-test',
    now: clock?.now,
    log: process.env.CORE_LOG ? (m) => console.error(m) : () => undefined,
  });
}

/** First-run setup through dispatch, as the renderer does it; leaves the DSL signed in. */
export async function setUp(core: Core, options: { school?: string; dsl?: Person } = {}): Promise<{ recoveryCode: string; status: SessionStatus }> {
  const dsl = options.dsl ?? DSL;
  return expectOk(
    await call(core, 'setup.create', {
      schoolName: options.school ?? SCHOOL,
      dslName: dsl.name,
      username: dsl.username,
      password: dsl.password,
    }),
  );
}

export function unlock(core: Core, person: Pick<Person, 'username' | 'password'>): Promise<IpcResult<SessionStatus>> {
  return call(core, 'session.unlock', { username: person.username, password: person.password });
}

export async function unlockAs(core: Core, person: Pick<Person, 'username' | 'password'>): Promise<SessionStatus> {
  return expectOk(await unlock(core, person));
}

/** Adds an account as the DSL signed in (`by`, who confirms with their own password); its password stays one they set. */
export async function addStaffOnly(core: Core, person: Person, roles: Role[], by: Person = DSL): Promise<StaffMember> {
  return expectOk(await call(core, 'staff.add', { name: person.name, username: person.username, roles, password: person.password, currentPassword: by.password }));
}

/**
 * Adds an account as a school would: the DSL adds it, then the person signs in and makes the
 * password their own (the same words, typed by them), so they may sign; `by` is signed in again after.
 */
export async function addStaff(core: Core, person: Person, roles: Role[], by: Person = DSL): Promise<StaffMember> {
  const added = await addStaffOnly(core, person, roles, by);
  await unlockAs(core, person);
  expectOk(await call(core, 'account.changePassword', { currentPassword: person.password, newPassword: person.password }));
  await unlockAs(core, by);
  return added;
}

/** An open incident with nothing on it yet (fictional), for tests that need somewhere to record. */
export async function createIncident(core: Core, cameToAttentionOn = '2026-09-14'): Promise<number> {
  return expectOk(
    await call(core, 'incidents.create', {
      title: 'Image shared in a group chat',
      cameToAttentionOn,
      imageryDate: '',
      kind: 'shared-on',
      media: 'photo',
      services: [],
      sharing: 'not_known',
      sharingDetails: '',
    }),
  ).id;
}
