// Issue 16 item 4: the end of the audit chain kept outside the database (the key file, and a
// file of this computer's outside the data folder), so that cutting rows from the end of the
// log, or putting an older copy of the whole data folder back, shows at sign-in and in Verify.
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { Database } from '../../electron/core/db/connection';
import { parseAnchor, type SignedAnchor } from '../../electron/core/integrity/anchor';
import { computerAnchorPath, readComputerAnchor } from '../../electron/core/integrity/computer-anchor';
import { ANCHOR_PLACES } from '../../electron/core/integrity/anchor-sources';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { verifyDataFolder } from '../../electron/core/backup/verify';
import { call, createIncident, DSL, expectOk, newCore, setUp, stateDirFor, TestClock, unlockAs } from './helpers/core';
import { crashEntry } from './helpers/crash-entry';
import { makeTempDir } from './helpers/temp-dir';

const OLDER = 'These records are older than the last state this computer saw';
const ROOT = resolve(import.meta.dirname, '../..');

/** `npm run records -- verify` as a technician runs it, in a child process. */
function recordsVerify(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, RECORDS_PASSWORD: DSL.password, XDG_CONFIG_HOME: join(temp.dir, 'no-config') };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/records.ts', 'verify', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout }));
  });
}

let temp: { dir: string; remove: () => Promise<void> };
let dataDir: string;
let core: Core | undefined;
let clock: TestClock;

beforeEach(async () => {
  temp = await makeTempDir('records-anchors-');
  dataDir = join(temp.dir, 'data');
  clock = new TestClock();
  core = await newCore(dataDir, clock);
  await setUp(core);
});

afterEach(async () => {
  await core?.close();
  core = undefined;
  await temp.remove();
});

function running(): Core {
  if (!core) throw new Error('no core');
  return core;
}

async function keyFileAnchor(dir = dataDir): Promise<SignedAnchor | undefined> {
  return parseAnchor(await new KeyslotStore(join(dir, 'keyslots.json')).readAnchor());
}

function computerAnchor(): Promise<SignedAnchor | undefined> {
  return readComputerAnchor(computerAnchorPath(stateDirFor(dataDir), dataDir));
}

/** The newest audit row's number, as the DSL's Audit screen shows it. */
async function lastSeq(): Promise<number> {
  return expectOk(await call(running(), 'audit.list', { limit: 1 }))[0]!.seq;
}

async function recordConversation(incidentId: number, seq: number): Promise<void> {
  expectOk(await call(running(), 'entries.create', crashEntry(incidentId, 1, seq)));
}

/** What an insider with the data key and the source does to a locked folder: raw SQL, triggers dropped first. */
async function tamper(sql: string[]): Promise<void> {
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!unlocked.ok) throw new Error('the DSL slot should open');
  const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
  try {
    await db.transaction(async (tx) => {
      for (const statement of sql) await tx.exec(statement);
    });
  } finally {
    await db.close();
    unlocked.dataKey.fill(0);
  }
}

describe('anchors kept outside the database', () => {
  it('are written shortly after a change, to the key file and to a file beside (not inside) the data folder', async () => {
    const incidentId = await createIncident(running());
    await recordConversation(incidentId, 1);
    const seq = await lastSeq();
    // Debounced: a moment after the last write, without locking.
    await vi.waitFor(async () => expect((await computerAnchor())?.seq).toBeGreaterThanOrEqual(seq), { timeout: 5000, interval: 100 });
    await vi.waitFor(async () => expect((await keyFileAnchor())?.seq).toBeGreaterThanOrEqual(seq), { timeout: 5000, interval: 100 });
    expect((await computerAnchor())?.signerId).not.toBeNull();
    // Nothing of this computer's is in the data folder: copying the folder does not copy it.
    expect((await readdir(dataDir)).filter((f) => f.startsWith('anchor-'))).toEqual([]);
    expect(await readdir(stateDirFor(dataDir))).toHaveLength(1);
  });

  it('are brought up to date before the database closes on lock', async () => {
    await createIncident(running());
    await running().lock('button');
    await unlockAs(running(), DSL);
    const seq = await lastSeq();
    await running().lock('button');
    // The lock row comes after the last row the DSL could see: the anchor has it too.
    expect((await computerAnchor())?.seq).toBe(seq + 1);
    expect((await keyFileAnchor())?.seq).toBe(seq + 1);
  });
});

describe('rows deleted from the end of the audit log (and the newest entry)', () => {
  it('are told at sign-in, and Verify names chain-shorter', async () => {
    const incidentId = await createIncident(running());
    await recordConversation(incidentId, 1);
    const beforeNewest = await lastSeq();
    await recordConversation(incidentId, 2);
    await running().lock('button');
    const anchored = (await computerAnchor())!.seq;
    expect(anchored).toBeGreaterThan(beforeNewest);

    // The insider cuts the newest entry and every audit row from its creation on.
    await tamper([
      'DROP TRIGGER audit_is_append_only_delete',
      'DROP TRIGGER entries_are_never_deleted',
      'DROP TRIGGER entry_text_is_never_deleted',
      'DELETE FROM entry_text WHERE entry_id = (SELECT max(id) FROM entries)',
      'DELETE FROM entries WHERE id = (SELECT max(id) FROM entries)',
      `DELETE FROM audit WHERE seq > ${beforeNewest}`,
    ]);

    const status = await unlockAs(running(), DSL);
    expect(status.state).toBe('unlocked');
    const problems = status.state === 'unlocked' ? status.problems : [];
    expect(problems.join('\n')).toContain(`${OLDER} (row ${anchored} on`);
    expect(problems.join('\n')).toContain('Rows were removed from the end of the audit log, or an older copy of the data folder was put back. Run Verify and tell your IT technician.');

    const verified = expectOk(await call(running(), 'audit.verify', {}));
    expect(verified.ok).toBe(false);
    const shorter = verified.findings.filter((f) => f.kind === 'chain-shorter');
    expect(shorter.map((f) => f.where).sort()).toEqual([ANCHOR_PLACES.keyFile, ANCHOR_PLACES.computer].sort());
    expect(shorter[0]!.detail).toContain(`it had reached row ${anchored}`);

    // The evidence is kept: the anchors do not move back to the shortened chain.
    await running().lock('button');
    expect((await computerAnchor())!.seq).toBe(anchored);
    expect((await keyFileAnchor())!.seq).toBe(anchored);
    const again = await unlockAs(running(), DSL);
    expect(again.state === 'unlocked' ? again.problems.join('\n') : '').toMatch(/older than the last state|not the ones this computer last saw/);
  });
});

describe('an older copy of the whole data folder put back', () => {
  it('is told at sign-in and named by Verify and by the command line, from the computer’s own anchor', async () => {
    await createIncident(running());
    await running().lock('button');
    const copy = join(temp.dir, 'copy-of-data');
    await cp(dataDir, copy, { recursive: true });

    await unlockAs(running(), DSL);
    await createIncident(running(), '2026-09-20');
    await createIncident(running(), '2026-09-21');
    await running().lock('button');
    const anchored = (await computerAnchor())!.seq;
    await running().close();
    core = undefined;

    // The data folder only: this computer's state folder is left as it was.
    await rm(dataDir, { recursive: true });
    await cp(copy, dataDir, { recursive: true });

    core = await newCore(dataDir, clock);
    const status = await unlockAs(running(), DSL);
    expect(status.state === 'unlocked' ? status.problems.join('\n') : '').toContain(`${OLDER} (row ${anchored} on`);
    const verified = expectOk(await call(running(), 'audit.verify', {}));
    // The key file came back with the folder, so only this computer's anchor can tell.
    expect(verified.findings.filter((f) => f.kind === 'chain-shorter').map((f) => f.where)).toEqual([ANCHOR_PLACES.computer]);
    expect(verified.findings.find((f) => f.kind === 'chain-shorter')!.detail).toContain(OLDER);
    await running().close();
    core = undefined;

    const cli = await verifyDataFolder({ dataDir, credentials: { username: DSL.username, password: DSL.password }, requireDsl: true, stateDir: stateDirFor(dataDir) });
    expect(cli.ok).toBe(false);
    const records = cli.checks.find((c) => c.name.startsWith('Records'));
    expect(records?.ok).toBe(false);
    expect(records?.lines?.join('\n')).toContain('(chain-shorter)');
    expect(records?.lines?.join('\n')).toContain(OLDER);
    // The command line itself: the finding printed, the exit code not zero.
    const run = await recordsVerify(['--data-dir', dataDir, '--username', DSL.username, '--state-dir', stateDirFor(dataDir)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ Records .*\n {4}- The records are older than the last state this computer saw \(chain-shorter\)/);
    expect(run.stdout).toContain(`it had reached row ${anchored}`);
    // Without this computer's folder the command line sees only the key file's anchor, which came back with the folder.
    const elsewhere = await verifyDataFolder({ dataDir, credentials: { username: DSL.username, password: DSL.password }, requireDsl: true });
    expect(elsewhere.checks.find((c) => c.name.startsWith('Records'))?.ok).toBe(true);
  });

  it('leaves intact records reporting intact, in the app and on the command line', async () => {
    await createIncident(running());
    await running().lock('button');
    await unlockAs(running(), DSL);
    const status = expectOk(await call(running(), 'session.status', {}));
    expect(status.state === 'unlocked' ? status.problems : ['locked']).toEqual([]);
    expect(expectOk(await call(running(), 'audit.verify', {})).ok).toBe(true);
    await running().close();
    core = undefined;
    const cli = await verifyDataFolder({ dataDir, credentials: { username: DSL.username, password: DSL.password }, requireDsl: true, stateDir: stateDirFor(dataDir) });
    expect(cli.checks.find((c) => c.name.startsWith('Records'))).toMatchObject({ ok: true });
    expect(cli.ok).toBe(true);
  });
});

describe('an anchor written outside the app', () => {
  it('is named as not signed by anyone on the roster, at sign-in and by Verify, and is not overwritten', async () => {
    await createIncident(running());
    await running().lock('button');
    const real = (await computerAnchor())!;
    // An insider plants a far-ahead anchor signed with no roster key (a copy of a real signature will not do).
    const planted = { ...real, seq: real.seq + 500, signature: real.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    await writeFile(computerAnchorPath(stateDirFor(dataDir), dataDir), JSON.stringify({ format: 'ypsi-records-computer-anchor', version: 1, anchor: planted }));

    const status = await unlockAs(running(), DSL);
    expect(status.state === 'unlocked' ? status.problems.join('\n') : '').toContain(
      `The record of the audit log’s end kept in ${ANCHOR_PLACES.computer} is not signed by anyone on the signed staff list`,
    );
    const verified = expectOk(await call(running(), 'audit.verify', {}));
    expect(verified.findings.filter((f) => f.kind === 'signature-forged').map((f) => f.where)).toEqual([ANCHOR_PLACES.computer]);
    await running().lock('button');
    expect((await computerAnchor())?.seq).toBe(real.seq + 500);
  });
});

describe('a printed record', () => {
  it('names the end of the audit log when it was printed, and who was signed in, on its last page', async () => {
    const outDir = join(temp.dir, 'out');
    await mkdir(outDir);
    await running().close();
    core = await createCore({ dataDir, stateDir: stateDirFor(dataDir), appVersion: '0.0.0-test', log: () => undefined, chooseSavePath: (name) => Promise.resolve(join(outDir, name)) });
    await unlockAs(running(), DSL);
    const incidentId = await createIncident(running());
    for (let i = 1; i <= 12; i += 1) await recordConversation(incidentId, i);
    const end = expectOk(await call(running(), 'audit.list', { limit: 1 }))[0]!;
    const saved = expectOk(await call(running(), 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [] }));
    if (!saved.saved) expect.fail('expected the PDF to be saved');
    expect(saved.pages).toBeGreaterThan(1);
    const file = join(outDir, saved.fileName);
    const page = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const audit = await auditHash(end.seq);
    expect(page(saved.pages)).toContain(`Audit log when printed: row ${end.seq}, fingerprint ${audit.slice(0, 16)}. Signed in: ${DSL.name}.`);
    // Only the last page: the line is the document's, not every loose page's.
    expect(page(1)).not.toContain('Audit log when printed');
  });
});

/** The full hash of an audit row, read as Verify reads it (the Audit screen shows no hashes). */
async function auditHash(seq: number): Promise<string> {
  const anchor = await vi.waitFor(async () => {
    const found = await computerAnchor();
    if (!found || found.seq < seq) throw new Error('not yet');
    return found;
  }, { timeout: 8000, interval: 100 });
  if (anchor.seq === seq) return anchor.hash;
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!unlocked.ok) throw new Error('the DSL slot should open');
  const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
  try {
    return String((await db.get('SELECT hash FROM audit WHERE seq = ?', [seq]))?.hash);
  } finally {
    await db.close();
  }
}

describe('the app’s own restore of an older backup', () => {
  it('is not reported as older records: this computer’s anchor goes with the folder set aside', async () => {
    const backupDir = join(temp.dir, 'backups');
    await mkdir(backupDir);
    await running().close();
    core = await createCore({ dataDir, stateDir: stateDirFor(dataDir), appVersion: '0.0.0-test', log: () => undefined, chooseFolder: () => Promise.resolve(backupDir) });
    await unlockAs(running(), DSL);
    await createIncident(running());
    expectOk(await call(running(), 'backups.chooseFolder', { currentPassword: DSL.password }));
    const { fileName } = expectOk(await call(running(), 'backups.run', {}));
    await createIncident(running(), '2026-09-20');
    await createIncident(running(), '2026-09-21');
    await running().lock('button');
    const anchored = (await computerAnchor())!.seq;
    await unlockAs(running(), DSL);

    const restored = expectOk(
      await call(running(), 'backups.restoreLive', { file: fileName, username: DSL.username, password: DSL.password, confirm: true, currentPassword: DSL.password }),
    );
    const status = await unlockAs(running(), DSL);
    expect(status.state === 'unlocked' ? status.problems : ['locked']).toEqual([]);
    expect(expectOk(await call(running(), 'audit.verify', {})).findings.filter((f) => f.kind === 'chain-shorter')).toEqual([]);
    // The anchor of the records set aside is kept for that folder.
    expect((await readComputerAnchor(computerAnchorPath(stateDirFor(dataDir), join(temp.dir, restored.replacedFolder))))?.seq).toBeGreaterThanOrEqual(anchored);
  });
});
