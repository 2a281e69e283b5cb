// The delay after failed sign-ins: free attempts for a mistyped password, then a wait that
// doubles, capped so that the rightful user is never shut out for long.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { delayAfterFailures, emptyFailureLogText, LoginThrottle } from '../../electron/core/session/login-throttle';

describe('delayAfterFailures', () => {
  it('allows three attempts without any wait', () => {
    expect([0, 1, 2].map(delayAfterFailures)).toEqual([0, 0, 0]);
  });

  it('then doubles the wait: 1, 2, 4, 8 … seconds', () => {
    expect([3, 4, 5, 6, 7].map(delayAfterFailures)).toEqual([1, 2, 4, 8, 16]);
  });

  it('never asks anyone to wait more than five minutes', () => {
    expect(delayAfterFailures(11)).toBe(256);
    expect(delayAfterFailures(12)).toBe(300);
    expect(delayAfterFailures(1_000)).toBe(300);
    expect(delayAfterFailures(Number.MAX_SAFE_INTEGER)).toBe(300);
  });

  it('never shortens the wait as failures grow', () => {
    for (let n = 0; n < 50; n += 1) expect(delayAfterFailures(n + 1)).toBeGreaterThanOrEqual(delayAfterFailures(n));
  });
});

describe('LoginThrottle', () => {
  let dir: string;
  let throttle: LoginThrottle;
  let setUp: boolean;
  const t0 = new Date('2026-11-23T09:00:00Z');
  const after = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'records-test-'));
    setUp = true;
    throttle = new LoginThrottle(join(dir, 'login-failures.json'), () => Promise.resolve(setUp));
    await writeFile(join(dir, 'login-failures.json'), emptyFailureLogText());
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('counts failures, asks for the wait, and forgets them after a reset', async () => {
    expect(await throttle.secondsToWait(t0)).toBe(0);
    for (let i = 0; i < 4; i += 1) await throttle.recordFailure(t0, { staffId: i % 2 === 0 ? 1 : null, path: 'sign-in' });
    expect(await throttle.secondsToWait(t0)).toBe(2);
    expect(await throttle.secondsToWait(after(1))).toBe(1);
    expect(await throttle.secondsToWait(after(2))).toBe(0);
    expect(await throttle.pendingFailures(t0)).toEqual([
      { at: t0.toISOString(), staffId: 1, path: 'sign-in' },
      { at: t0.toISOString(), staffId: null, path: 'sign-in' },
      { at: t0.toISOString(), staffId: 1, path: 'sign-in' },
      { at: t0.toISOString(), staffId: null, path: 'sign-in' },
    ]);
    await throttle.succeeded(t0);
    expect(await throttle.secondsToWait(t0)).toBe(0);
    expect(await throttle.pendingFailures(t0)).toEqual([]);
  });

  it('keeps only times and staff ids on disk', async () => {
    await throttle.recordFailure(t0, { staffId: 7, account: 'a'.repeat(64), path: 'sign-in' });
    const onDisk = JSON.parse(await readFile(join(dir, 'login-failures.json'), 'utf8')) as object;
    expect(Object.keys(onDisk).sort()).toEqual(['accounts', 'global', 'pending', 'version']);
  });

  it.each([
    ['not JSON', '{"consecutive": -5, "oops"'],
    ['not its shape', '{"consecutive": -5}'],
    ['empty', ''],
  ])('treats a damaged failures file (%s) as the longest wait, and lets the wait run out', async (_label, content) => {
    await writeFile(join(dir, 'login-failures.json'), content);
    const wait = await throttle.secondsToWait(t0);
    expect(wait).toBe(300);
    // Asking again later does not restart the wait: it ends.
    expect(await throttle.secondsToWait(after(wait - 1))).toBe(1);
    expect(await throttle.secondsToWait(after(wait))).toBe(0);
    await throttle.recordFailure(after(wait), { staffId: null, path: 'sign-in' });
    expect(await throttle.secondsToWait(after(wait))).toBe(300);
  });

  it('treats a missing failures file as the longest wait once set up, and as no failures before', async () => {
    await rm(join(dir, 'login-failures.json'));
    setUp = false;
    expect(await throttle.secondsToWait(t0)).toBe(0);
    setUp = true;
    expect(await throttle.secondsToWait(t0)).toBe(300);
    expect(await throttle.pendingFailures(t0)).toEqual([{ at: t0.toISOString(), staffId: null, path: 'failures-file' }]);
    expect(await throttle.secondsToWait(after(300))).toBe(0);
  });

  it('reads the first format and keeps its count', async () => {
    await writeFile(join(dir, 'login-failures.json'), JSON.stringify({ consecutive: 4, lastFailureAt: t0.toISOString(), pending: [{ at: t0.toISOString(), staffId: 2 }] }));
    expect(await throttle.secondsToWait(t0)).toBe(2);
    expect(await throttle.pendingFailures(t0)).toEqual([{ at: t0.toISOString(), staffId: 2 }]);
  });

  it('keeps each account’s count through another account’s success', async () => {
    const attacked = 'b'.repeat(64);
    const other = 'c'.repeat(64);
    for (let i = 0; i < 6; i += 1) await throttle.recordFailure(t0, { staffId: 3, account: attacked, path: 'sign-in' });
    expect(await throttle.secondsToWait(t0, other)).toBe(8);
    await throttle.succeeded(t0, other);
    // The other account may try at once; the attacked one still waits its own eight seconds.
    expect(await throttle.secondsToWait(t0, other)).toBe(0);
    expect(await throttle.secondsToWait(t0, attacked)).toBe(8);
    await throttle.succeeded(after(8), attacked);
    expect(await throttle.secondsToWait(after(8), attacked)).toBe(0);
  });

  it('keeps the failures for the log when a success could not write them (records opened read-only)', async () => {
    await throttle.recordFailure(t0, { staffId: 1, path: 'sign-in' });
    await throttle.succeeded(t0, undefined, { audited: false });
    expect(await throttle.secondsToWait(t0)).toBe(0);
    expect(await throttle.pendingFailures(t0)).toHaveLength(1);
  });

  it('counts an already-audited failure without keeping it for the log', async () => {
    for (let i = 0; i < 4; i += 1) await throttle.recordFailure(t0, { staffId: 1, path: 'signing', audited: true });
    expect(await throttle.secondsToWait(t0)).toBe(2);
    expect(await throttle.pendingFailures(t0)).toEqual([]);
  });
});
