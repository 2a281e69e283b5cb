// Replacing a file on Windows (docs/decisions/0013-windows.md): a rename over a file another
// program holds (antivirus, the indexer, a PDF viewer) fails with EPERM, EACCES or EBUSY, so
// on win32 the rename is tried again a few times; if the file stays held, writeFileAtomic says
// it is in use and leaves the old file as it was. The errors are simulated here, on Linux, by
// a rename that fails as Windows' does; the Windows lane (npm run test:windows) meets the real
// ones under Wine.
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileInUseError, RENAME_RETRY_DELAYS_MS, renameRetrying, writeFileAtomic } from '../../electron/core/fs/atomic-write';

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A rename that fails with `code` the first `times` calls, then renames for real; it counts its calls. */
function flakyRename(code: string, times: number) {
  const calls: [string, string][] = [];
  return {
    calls,
    rename: async (from: string, to: string) => {
      calls.push([from, to]);
      if (calls.length <= times) throw failure(code);
      await rename(from, to);
    },
  };
}

function recordWaits() {
  const waits: number[] = [];
  return { waits, wait: (ms: number) => Promise.resolve(void waits.push(ms)) };
}

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'records-atomic-write-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renameRetrying', () => {
  it.each(['EPERM', 'EACCES', 'EBUSY'])('on win32, tries again after %s until the file is let go', async (code) => {
    const from = join(dir, 'new');
    const to = join(dir, 'old');
    await writeFile(from, 'new');
    await writeFile(to, 'old');
    const flaky = flakyRename(code, 2);
    const { waits, wait } = recordWaits();
    await renameRetrying(from, to, { platform: 'win32', rename: flaky.rename, wait });
    expect(flaky.calls).toHaveLength(3);
    expect(waits).toEqual(RENAME_RETRY_DELAYS_MS.slice(0, 2));
    expect(await readFile(to, 'utf8')).toBe('new');
  });

  it('on win32, gives up after the last delay and rethrows the error as it came', async () => {
    const flaky = flakyRename('EPERM', Number.POSITIVE_INFINITY);
    const { waits, wait } = recordWaits();
    await expect(renameRetrying(join(dir, 'a'), join(dir, 'b'), { platform: 'win32', rename: flaky.rename, wait })).rejects.toMatchObject({ code: 'EPERM' });
    expect(flaky.calls).toHaveLength(RENAME_RETRY_DELAYS_MS.length + 1);
    expect(waits).toEqual([...RENAME_RETRY_DELAYS_MS]);
  });

  it('waits about two and a half seconds in all, no more', () => {
    const total = RENAME_RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0);
    expect(total).toBeGreaterThanOrEqual(2000);
    expect(total).toBeLessThanOrEqual(3000);
  });

  it('does not retry other errors, even on win32', async () => {
    const flaky = flakyRename('ENOENT', 1);
    const { waits, wait } = recordWaits();
    await expect(renameRetrying(join(dir, 'a'), join(dir, 'b'), { platform: 'win32', rename: flaky.rename, wait })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(flaky.calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it.each(['linux', 'darwin'] as const)('does not retry on %s, where those errors are real refusals', async (platform) => {
    const flaky = flakyRename('EPERM', 1);
    const { waits, wait } = recordWaits();
    await expect(renameRetrying(join(dir, 'a'), join(dir, 'b'), { platform, rename: flaky.rename, wait })).rejects.toMatchObject({ code: 'EPERM' });
    expect(flaky.calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

describe('writeFileAtomic over a file another program holds (win32)', () => {
  it('replaces it once the other program lets go', async () => {
    const path = join(dir, 'report.pdf');
    await writeFile(path, 'old');
    const flaky = flakyRename('EBUSY', 3);
    const { wait } = recordWaits();
    await writeFileAtomic(path, 'new', 0o600, { platform: 'win32', rename: flaky.rename, wait });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['report.pdf']);
  });

  it('says the file is in use when it stays held, and leaves it and the folder as they were', async () => {
    const path = join(dir, 'report.pdf');
    await writeFile(path, 'old');
    const flaky = flakyRename('EPERM', Number.POSITIVE_INFINITY);
    const { wait } = recordWaits();
    const error: unknown = await writeFileAtomic(path, 'new', 0o600, { platform: 'win32', rename: flaky.rename, wait }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileInUseError);
    expect(error).toMatchObject({ code: 'EBUSY', path, cause: { code: 'EPERM' } });
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['report.pdf']);
  });

  it('on Linux, passes the rename’s error on as it came', async () => {
    const path = join(dir, 'keyslots.json');
    const flaky = flakyRename('EACCES', 1);
    await expect(writeFileAtomic(path, '{}', 0o600, { platform: 'linux', rename: flaky.rename })).rejects.toMatchObject({ code: 'EACCES' });
    expect(await readdir(dir)).toEqual([]);
  });
});
