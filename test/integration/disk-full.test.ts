// Must show (issue 8, part 6): on a full disk a save is refused with `storage_full` and a
// plain message, nothing of it is kept (entries, audit rows and integrity as before), the
// core keeps working, and once space is freed the next save succeeds. A key-file write that
// fails for want of space (adding a member of staff) leaves keyslots.json as it was, and
// everyone can still sign in.
//
// The data folder lives on a small tmpfs mounted for this file (root only). Where mounting
// is impossible (not root, no mount(8), a container without CAP_SYS_ADMIN) the tests are
// skipped and their name says why.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { readdir, readFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/audit-log';
import { Database } from '../../electron/core/db/connection';
import type { Core } from '../../electron/core/index';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import type { Input } from '../../shared/ipc/contract';
import { addStaff, call, DEPUTY, DSL, expectError, expectOk, HEAD, createIncident, newCore, setUp, unlock, unlockAs } from './helpers/core';

const SIZE = '24m';

type Mount = { ok: true; dir: string } | { ok: false; reason: string };

function mountTmpfs(): Mount {
  if (process.platform !== 'linux') return { ok: false, reason: 'tmpfs needs Linux' };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'mounting a tmpfs needs root' };
  const dir = mkdtempSync(join(tmpdir(), 'records-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
    return { ok: true, dir };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
    return { ok: false, reason: `mount -t tmpfs failed: ${detail || 'no reason given'}` };
  }
}

const mount = mountTmpfs();
const TITLE = mount.ok ? 'on a full disk' : `on a full disk (skipped: ${mount.reason})`;

let dataDir: string;
let filler: string;
let core: Core;
let dataKey: Buffer;
let incidentId: number;

/** Writes a file until the disk answers ENOSPC, in ever smaller pieces; returns its size. */
function fillDisk(path: string): number {
  const fd = openSync(path, 'w');
  let written = 0;
  try {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          const n = writeSync(fd, chunk);
          written += n;
          if (n < size) break;
        } catch (error) {
          if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

function entry(n: number): Input<'entries.create'> {
  return {
    incidentId,
    occurredOn: '2026-09-15',
    occurredTime: '10:30',
    kind: 'conversation',
    // Large entries, so the space the write-ahead log already holds runs out after a few saves.
    body: { withWhom: `Pupil ${n}`, byWhom: DSL.name, summary: `Save ${n}: ${'the poster in the corridor was discussed. '.repeat(180)}`.trim(), supportOffered: '' },
  };
}

/** The counts and checks of the database, through a second connection of its own. */
async function snapshot(): Promise<{ entries: number; audit: number; healthy: boolean; chain: boolean }> {
  const db = await Database.open(join(dataDir, 'records.db'), dataKey);
  try {
    const entries = Number((await db.get('SELECT count(*) AS n FROM entries'))?.n);
    const audit = Number((await db.get('SELECT count(*) AS n FROM audit'))?.n);
    return { entries, audit, healthy: db.health.ok, chain: (await verifyAuditChain(db)).ok };
  } finally {
    await db.close();
  }
}

async function strayFiles(): Promise<string[]> {
  return (await readdir(dataDir)).filter((name) => name.endsWith('.tmp'));
}

beforeAll(async () => {
  if (!mount.ok) return;
  dataDir = join(mount.dir, 'data');
  filler = join(mount.dir, 'filler.bin');
  core = await newCore(dataDir);
  await setUp(core);
  await addStaff(core, HEAD, ['head']);
  incidentId = await createIncident(core, '2026-09-14');
  for (let n = 0; n < 20; n += 1) expectOk(await call(core, 'entries.create', entry(n)));
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!unlocked.ok) throw new Error('the DSL should open their key slot');
  dataKey = unlocked.dataKey;
}, 60_000);

afterAll(async () => {
  if (!mount.ok) return;
  await core?.close();
  dataKey?.fill(0);
  try {
    execFileSync('umount', [mount.dir], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', mount.dir], { stdio: 'pipe' });
  }
  rmSync(mount.dir, { recursive: true, force: true });
});

describe.skipIf(!mount.ok)(TITLE, () => {
  it('refuses a save with storage_full, keeps nothing of it, and saves again once space is freed', async () => {
    const before = await snapshot();
    expect(before).toMatchObject({ healthy: true, chain: true });
    const fillerBytes = fillDisk(filler);
    expect(statfsSync(mount.ok ? mount.dir : '.').bavail).toBe(0);

    // The write-ahead log may already hold room for a few saves; they succeed whole.
    let fitted = 0;
    let refusal: { code: string; message: string } | undefined;
    while (fitted < 500) {
      const result = await call(core, 'entries.create', entry(1000 + fitted));
      if (!result.ok) {
        refusal = result.error;
        break;
      }
      fitted += 1;
    }
    if (!refusal) expect.fail('500 saves fitted on a full disk');
    expect(refusal.code).toBe('storage_full');
    expect(refusal.message).toMatch(/disk is full/i);
    expect(refusal.message).not.toMatch(/SQLITE|ENOSPC|\/|\\/);

    // Nothing of the refused save: one entry and one audit row per save that succeeded, no more.
    const afterRefusal = await snapshot();
    expect(afterRefusal).toEqual({ entries: before.entries + fitted, audit: before.audit + fitted, healthy: true, chain: true });

    // Still full: every further save is refused the same way and changes nothing.
    const retries = 5;
    for (let n = 0; n < retries; n += 1) expectError(await call(core, 'entries.create', entry(2000 + n)), 'storage_full');
    expect(await snapshot()).toEqual(afterRefusal);

    // The core keeps working: still signed in, and lists read as before. Opening an incident
    // writes an `incident.viewed` audit row, so on a full disk it is refused as a save is.
    expect(expectOk(await call(core, 'session.status', {})).state).toBe('unlocked');
    expect(expectOk(await call(core, 'incidents.list', {})).map((i) => i.id)).toContain(incidentId);
    expect(expectOk(await call(core, 'staff.list', {}))).toHaveLength(2);
    const viewed = await call(core, 'incidents.get', { incidentId });
    if (viewed.ok) expect(viewed.value.entries).toHaveLength(afterRefusal.entries);
    else expectError(viewed, 'storage_full');
    expect(await snapshot()).toEqual(afterRefusal);

    await unlink(filler);
    expectOk(await call(core, 'entries.create', entry(3000)));
    const afterFree = await snapshot();
    expect(afterFree).toEqual({ entries: afterRefusal.entries + 1, audit: afterRefusal.audit + 1, healthy: true, chain: true });
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);

    console.log(
      `disk-full: ${SIZE} tmpfs filled with ${(fillerBytes / 2 ** 20).toFixed(1)} MiB; ${fitted} saves fitted in space the database already held, ` +
        `then ${1 + retries} of ${1 + retries} saves refused with storage_full, 0 partial records ` +
        `(${afterRefusal.entries} entries, ${afterRefusal.audit} audit rows unchanged, integrity ok); ` +
        `opening an incident meanwhile: ${viewed.ok ? 'ok' : viewed.error.code}; after freeing space the next save succeeded`,
    );
  });

  it('a key-file write that fails for want of space leaves keyslots.json as it was, and everyone can still sign in', async () => {
    const keyslots = join(dataDir, 'keyslots.json');
    const bytesBefore = await readFile(keyslots);
    const staffBefore = expectOk(await call(core, 'staff.list', {}));
    const before = await snapshot();
    fillDisk(filler);

    // The slot is written inside the database transaction, so the account is not added either.
    const refusal = expectError(await call(core, 'staff.add', { name: DEPUTY.name, username: DEPUTY.username, roles: ['deputy'], password: DEPUTY.password, currentPassword: DSL.password }), 'storage_full');
    expect(refusal.message).not.toMatch(/SQLITE|ENOSPC|\/|\\/);
    expect((await readFile(keyslots)).equals(bytesBefore)).toBe(true);
    expect(await strayFiles()).toEqual([]);
    expect(expectOk(await call(core, 'staff.list', {}))).toEqual(staffBefore);
    expect(await snapshot()).toEqual(before);

    // The key file still opens for everyone in it (checked below the core, which needs no disk space).
    const store = new KeyslotStore(keyslots);
    const slots = (await store.read()).slots.length;
    for (const person of [DSL, HEAD]) expect((await store.unlockWithPassword(person.username, person.password)).ok).toBe(true);
    expect((await store.unlockWithPassword(DEPUTY.username, DEPUTY.password)).ok).toBe(false);

    // Signing in writes a `login.success` audit row, so on a full disk it may be refused too;
    // either way it answers a clean code, and nothing changes on disk.
    await core.lock('button');
    const whileFull = await unlock(core, HEAD);
    if (!whileFull.ok) expectError(whileFull, 'storage_full');
    expect((await readFile(keyslots)).equals(bytesBefore)).toBe(true);

    await unlink(filler);
    // Through the core: each signs in; the one whose account was refused does not exist yet.
    await core.lock('button');
    for (const person of [HEAD, DSL]) await unlockAs(core, person);
    expectError(await unlock(core, DEPUTY), 'bad_credentials');
    await unlockAs(core, DSL);
    // And adding the account now works.
    expectOk(await call(core, 'staff.add', { name: DEPUTY.name, username: DEPUTY.username, roles: ['deputy'], password: DEPUTY.password, currentPassword: DSL.password }));
    await unlockAs(core, DEPUTY);
    await unlockAs(core, DSL);
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);
    expect((await snapshot()).healthy).toBe(true);

    console.log(
      `disk-full: staff.add on a full disk refused with storage_full; keyslots.json unchanged (${bytesBefore.length} bytes, ${slots} slots), ` +
        `no temp file left; signing in while full: ${whileFull.ok ? 'ok' : whileFull.error.code}; 2 of 2 staff sign in once space is freed; the account was added then`,
    );
  });
});
