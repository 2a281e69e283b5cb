// Records begun again in a folder this computer knew (the folder emptied, set up afresh): the
// anchor this computer kept was of the records now gone. It is set aside, kept as evidence and
// noted in the new records' first audit row, instead of reporting the new records as altered.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, expectOk, newCore, setUp, stateDirFor } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let dataDir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  let root: string;
  ({ dir: root, remove } = await makeTempDir('records-again-'));
  dataDir = join(root, 'data');
});

afterEach(async () => {
  await remove();
});

describe('setting up again in the same folder', () => {
  it('sets the old anchor aside, says so in the audit, and reports nothing about the new records', async () => {
    const first = await newCore(dataDir);
    await setUp(first);
    expectOk(await call(first, 'session.lock', { reason: 'button' }));
    await first.close();
    expect(await readdir(stateDirFor(dataDir))).toHaveLength(1);

    await rm(dataDir, { recursive: true });
    const again = await newCore(dataDir);
    try {
      const { status } = await setUp(again);
      expect(status.state === 'unlocked' ? status.problems : status.state).toEqual([]);
      const [setup] = expectOk(await call(again, 'audit.list', { limit: 200 })).filter((row) => row.action === 'setup');
      expect(setup?.details).toMatchObject({ earlierRecordsHere: true });
      expect(expectOk(await call(again, 'audit.verify', {}))).toMatchObject({ ok: true, findings: [] });
    } finally {
      await again.close();
    }
    expect((await readdir(stateDirFor(dataDir))).some((name) => name.includes('before-set-up'))).toBe(true);
  });
});
