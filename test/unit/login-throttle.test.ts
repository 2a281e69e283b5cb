// The delay after failed sign-ins: free attempts for a mistyped password, then a wait that
// doubles, capped so that the rightful user is never shut out for long.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { delayAfterFailures, LoginThrottle } from '../../electron/core/session/login-throttle';

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
  const t0 = new Date('2026-11-23T09:00:00Z');
  const after = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'records-test-'));
    throttle = new LoginThrottle(join(dir, 'login-failures.json'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('counts failures, asks for the wait, and forgets them after a reset', async () => {
    expect(await throttle.secondsToWait(t0)).toBe(0);
    for (let i = 0; i < 4; i += 1) await throttle.recordFailure(t0, i % 2 === 0 ? 1 : null);
    expect(await throttle.secondsToWait(t0)).toBe(2);
    expect(await throttle.secondsToWait(after(1))).toBe(1);
    expect(await throttle.secondsToWait(after(2))).toBe(0);
    expect(await throttle.pendingFailures()).toEqual([
      { at: t0.toISOString(), staffId: 1 },
      { at: t0.toISOString(), staffId: null },
      { at: t0.toISOString(), staffId: 1 },
      { at: t0.toISOString(), staffId: null },
    ]);
    await throttle.reset();
    expect(await throttle.secondsToWait(t0)).toBe(0);
    expect(await throttle.pendingFailures()).toEqual([]);
  });

  it('keeps only times and staff ids on disk', async () => {
    await throttle.recordFailure(t0, 7);
    const onDisk = JSON.parse(await readFile(join(dir, 'login-failures.json'), 'utf8')) as object;
    expect(Object.keys(onDisk).sort()).toEqual([
      'consecutive',
      'lastFailureAt',
      'pending',
    ]);
  });

  it.each([
    ['not JSON', '{"consecutive": -5, "oops"'],
    ['not its shape', '{"consecutive": -5}'],
    ['empty', ''],
  ])('treats a damaged failures file (%s) as many failures, and lets the wait run out', async (_label, content) => {
    await writeFile(join(dir, 'login-failures.json'), content);
    const wait = await throttle.secondsToWait(t0);
    expect(wait).toBeGreaterThan(0);
    // Asking again later does not restart the wait: it ends.
    expect(await throttle.secondsToWait(after(wait - 1))).toBe(1);
    expect(await throttle.secondsToWait(after(wait))).toBe(0);
    await throttle.recordFailure(after(wait), null);
    expect(await throttle.secondsToWait(after(wait))).toBeGreaterThan(wait);
  });
});
