// Must show (issue 3): a locked app answers every records channel with `locked`; and the
// other doors of dispatch: unknown channels, invalid input, and roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { hasAnyRole } from '../../shared/domain/staff';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { addStaff, call, DEPUTY, DSL, expectError, expectOk, newCore, setUp, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const signedInChannels = CHANNELS.filter((channel) => contract[channel].access !== 'public');
const publicChannels = CHANNELS.filter((channel) => contract[channel].access === 'public');
const notForDeputies = CHANNELS.filter((channel) => {
  const access = contract[channel].access;
  return typeof access === 'object' && !hasAnyRole(['deputy'], access.roles);
});

let dataDir: string;
let remove: () => Promise<void>;
let core: Core;
let dslId: number;

beforeAll(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
  core = await newCore(dataDir);
  const { status } = await setUp(core);
  if (status.state !== 'unlocked') throw new Error('setup should leave the DSL signed in');
  dslId = status.user.id;
  await addStaff(core, DEPUTY, ['deputy']);
  await core.lock('button');
}, 60_000);

afterAll(async () => {
  await core.close();
  await remove();
});

describe('a locked app', () => {
  it('has records channels to check, and public ones for signing in', () => {
    expect(signedInChannels.length).toBeGreaterThan(5);
    expect(publicChannels).toEqual(expect.arrayContaining(['session.unlock', 'session.status', 'setup.create']));
  });

  it.each(signedInChannels)('answers %s with `locked`', async (channel: Channel) => {
    const error = expectError(await core.dispatch(channel, {}), 'locked');
    expect(error.message).toBe('The records are locked. Sign in to continue.');
    expect(error.fields).toBeUndefined();
  });

  it('says it is locked, not unset', async () => {
    expect(expectOk(await call(core, 'session.status', {}))).toEqual({ state: 'locked' });
  });
});

describe('a core that has never been set up', () => {
  it('answers every signed-in channel with `locked` too', async () => {
    const fresh = await makeTempDir();
    const blank = await newCore(fresh.dir);
    try {
      const answers: Record<string, string> = {};
      for (const channel of signedInChannels) {
        const result = await blank.dispatch(channel, {});
        answers[channel] = result.ok ? 'ok' : result.error.code;
      }
      expect(answers).toEqual(Object.fromEntries(signedInChannels.map((channel) => [channel, 'locked'])));
      expect(expectOk(await call(blank, 'session.status', {}))).toEqual({ state: 'not_set_up' });
    } finally {
      await blank.close();
      await fresh.remove();
    }
  });
});

describe('dispatch', () => {
  it.each([['records.deleteEverything'], ['__proto__'], [''], [42], [null]])('answers the unknown channel %j with `unknown_channel`', async (channel) => {
    expectError(await core.dispatch(channel, {}), 'unknown_channel');
  });

  it('answers an invalid payload to a public channel with `invalid_input`, naming the field', async () => {
    const unlock = expectError(await core.dispatch('session.unlock', { username: DSL.username, password: '' }), 'invalid_input');
    expect(unlock.fields).toEqual({ password: 'Enter your password' });

    const setup = expectError(
      await core.dispatch('setup.create', { schoolName: 'Quillfeather Academy', schoolUrn: '12ab', dslName: DSL.name, username: 'x', password: DSL.password }),
      'invalid_input',
    );
    expect(setup.fields?.schoolUrn).toMatch(/URN is 6 digits/);
    expect(setup.fields?.username).toMatch(/at least 2 characters/);

    const extra = expectError(await core.dispatch('session.status', { sneaky: true }), 'invalid_input');
    expect(extra.message).toBeTruthy();
  });

  it('never puts SQL, paths or stack traces in an error', async () => {
    const answers = await Promise.all([
      core.dispatch('session.unlock', { username: 'x'.repeat(100), password: 'y' }),
      core.dispatch('session.unlock', { username: DSL.username, password: 'not the password at all' }),
      core.dispatch('staff.list', {}),
    ]);
    for (const answer of answers) {
      expect(answer.ok).toBe(false);
      expect(JSON.stringify(answer)).not.toMatch(/SQLITE|SELECT|INSERT|\/tmp\/|records-test|at \w+ \(|\.ts:\d+/);
    }
  });
});

describe('a deputy', () => {
  beforeAll(async () => {
    await unlockAs(core, DEPUTY);
  }, 60_000);

  it.each(notForDeputies)('is refused %s with `forbidden`', async (channel: Channel) => {
    expectError(await core.dispatch(channel, {}), 'forbidden');
  });

  it('cannot deactivate the DSL even with a well-formed request', async () => {
    expect(notForDeputies).toEqual(expect.arrayContaining(['staff.list', 'staff.add', 'staff.deactivate', 'settings.update']));
    expectError(await call(core, 'staff.deactivate', { staffId: dslId }), 'forbidden');
    await core.lock('button');
    await unlockAs(core, DSL);
    const staff = expectOk(await call(core, 'staff.list', {}));
    expect(staff.find((s) => s.id === dslId)?.active).toBe(true);
  }, 60_000);
});
