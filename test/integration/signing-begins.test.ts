// Decision 0017: records made before signing began (the version 0.1.0 fixture) are brought
// under the signed roster and the signed audit at the first DSL's sign-in, with no step by
// the user; from then on a change made outside the app shows, including to rows made before.
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../electron/core/db/connection';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { call, DSL, expectOk, newCore } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const FIXTURE = fileURLToPath(new URL('../fixtures/legacy-0.1.0', import.meta.url));

let dataDir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  let root: string;
  ({ dir: root, remove } = await makeTempDir('records-signing-'));
  dataDir = join(root, 'data');
  await cp(join(FIXTURE, 'data'), dataDir, { recursive: true });
});

afterEach(async () => {
  await remove();
});

async function signInAndVerify() {
  const core = await newCore(dataDir);
  try {
    const status = expectOk(await call(core, 'session.unlock', { username: DSL.username, password: DSL.password }));
    const verified = expectOk(await call(core, 'audit.verify', {}));
    const audit = expectOk(await call(core, 'audit.list', { limit: 200 }));
    return { status, verified, audit };
  } finally {
    await core.close();
  }
}

describe('records from before signing began', () => {
  it('the first DSL to sign in begins signing: a roster, a baseline audit row, an upgraded key slot, and Verify passes', async () => {
    const before = JSON.parse(await readFile(join(dataDir, 'keyslots.json'), 'utf8')) as { version: number };
    expect(before.version).toBe(1);
    const { status, verified, audit } = await signInAndVerify();
    expect(status.state === 'unlocked' ? status.problems : status.state).toEqual([]);
    expect(verified).toMatchObject({ ok: true, signed: true, findings: [] });
    expect(audit.map((row) => row.action)).toContain('integrity.started');
    const after = JSON.parse(await readFile(join(dataDir, 'keyslots.json'), 'utf8')) as { version: number };
    expect(after.version).toBe(2);
  });

  it('a pupil renamed outside the app after the update is named by Verify, though the pupil was added before it', async () => {
    await signInAndVerify();
    const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
    if (!unlocked.ok) throw new Error('the DSL password should open the key file');
    const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
    try {
      await db.transaction((tx) => tx.run("UPDATE pupils SET first_name = 'Renamed' WHERE id = 1"));
    } finally {
      await db.close();
    }
    const { verified } = await signInAndVerify();
    expect(verified.ok).toBe(false);
    expect(verified.findings).toEqual([expect.objectContaining({ kind: 'row-changed', where: 'pupil 1' })]);
  });
});
