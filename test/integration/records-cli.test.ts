// The records command line (issue 8): demo-data → backup → restore → verify, as a school's
// technician would run it, in child processes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDigests } from '../../electron/core/backup/index';
import { Database } from '../../electron/core/db/connection';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { makeTempDir } from './helpers/temp-dir';
import { makeSignedFolder } from './helpers/signed-folder';
import { DEPUTY, DSL } from './helpers/core';

const ROOT = resolve(import.meta.dirname, '../..');
const DEMO_USERNAME = 'demodsl';
const DEMO_PASSWORD = 'amber kettle whistle parade';
// Backup, restore and verify work on a folder made through the app (helpers/signed-folder.ts),
// which Verify finds nothing wrong with: a restore refuses records that do not verify (issue 16).
const USERNAME = DSL.username;
const PASSWORD = DSL.password;
const DEPUTY_PASSWORD = DEPUTY.password;

type Run = { code: number | null; stdout: string; stderr: string };

function records(args: string[], env: Record<string, string | undefined> = { RECORDS_PASSWORD: PASSWORD }): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.RECORDS_PASSWORD;
  delete childEnv.RECORDS_RECOVERY_CODE;
  Object.assign(childEnv, env);
  return new Promise((done, fail) => {
    // stdin is not a terminal here, so without RECORDS_PASSWORD the script must not wait for one.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/records.ts', ...args], { cwd: ROOT, env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end();
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function digestsOf(dataDir: string) {
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(USERNAME, PASSWORD);
  if (!unlocked.ok) throw new Error('the demo account should open its key slot');
  const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
  try {
    return await tableDigests(db);
  } finally {
    await db.close();
  }
}

let root: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, remove } = await makeTempDir('records-cli-'));
});

afterAll(async () => {
  await remove();
});

describe('npm run records', () => {
  let original: string;
  let restored: string;
  let recoveryCode: string;
  let backupFile: string;

  it('demo-data makes a folder and prints the recovery code', async () => {
    const demo = join(root, 'demo');
    const run = await records(['demo-data', '--data-dir', demo, '--username', DEMO_USERNAME, '--pupils', '20', '--incidents', '5', '--entries', '60'], { RECORDS_PASSWORD: DEMO_PASSWORD });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('20 pupils, 5 incidents, 60 entries');
    expect((/Recovery code: (\S+)/.exec(run.stdout)?.[1] ?? '').length).toBeGreaterThanOrEqual(26);
    // and refuses a folder that already holds files
    const again = await records(['demo-data', '--data-dir', demo, '--username', DEMO_USERNAME, '--pupils', '1', '--incidents', '1', '--entries', '1'], { RECORDS_PASSWORD: DEMO_PASSWORD });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds files/);
  });

  it('backup prints the path of a checked backup file on its last line', async () => {
    original = join(root, 'original');
    ({ recoveryCode } = await makeSignedFolder(original, { pupils: 20 }));
    const before = await digestsOf(original);
    const run = await records(['backup', '--data-dir', original, '--username', USERNAME, '--to', join(root, 'backups')]);
    expect(run.code).toBe(0);
    // Attributed like every other action: one new audit row, nothing else changed.
    const after = await digestsOf(original);
    expect(after.audit!.rows).toBe(before.audit!.rows + 1);
    expect({ ...after, audit: null }).toEqual({ ...before, audit: null });
    backupFile = run.stdout.trim().split('\n').at(-1)!;
    expect(backupFile).toMatch(/records-backup-\d{4}-\d{2}-\d{2}-\d{6}\.ypsibak$/);
    expect(existsSync(backupFile)).toBe(true);
  });

  it('restore into a new folder, then verify it: every table the same as the original', async () => {
    restored = join(root, 'restored');
    const run = await records(['restore', '--from', backupFile, '--data-dir', restored, '--username', USERNAME]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/pupils: 20 rows/);
    const verify = await records(['verify', '--data-dir', restored, '--username', USERNAME]);
    expect(verify.stdout).toContain('All checks passed.');
    expect(verify.code).toBe(0);
    expect(await digestsOf(restored)).toEqual(await digestsOf(original));
  });

  it('restores with RECORDS_RECOVERY_CODE instead of a password', async () => {
    const dataDir = join(root, 'restored-by-code');
    const run = await records(['restore', '--from', backupFile, '--data-dir', dataDir], { RECORDS_RECOVERY_CODE: recoveryCode });
    expect(run.code).toBe(0);
    expect(await digestsOf(dataDir)).toEqual(await digestsOf(original));
  });

  it('refuses a password given as an argument, without doing anything', async () => {
    for (const args of [['--password', PASSWORD], [`--password=${PASSWORD}`]]) {
      const run = await records(['verify', '--data-dir', original, '--username', USERNAME, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/never taken as an argument/);
      expect(run.stdout).toBe('');
    }
  });

  it('says plainly when the password is wrong, or missing with no terminal to ask in', async () => {
    const wrong = await records(['verify', '--data-dir', original, '--username', USERNAME], { RECORDS_PASSWORD: 'not the password at all' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe('That username and password do not open these records.');
    const none = await records(['backup', '--data-dir', original, '--username', USERNAME, '--to', join(root, 'backups')], {});
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/set RECORDS_PASSWORD/);
  });

  it('shows the usage, exit 2, for help, no command, an unknown command or option', async () => {
    for (const args of [[], ['help'], ['frobnicate'], ['verify', '--data-dir', original, '--verbose']]) {
      const run = await records(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('usage: npm run records -- <command> [options]');
    }
  });

  it('refuses backup, restore and verify to a deputy with a valid password, changing nothing (issue 16)', async () => {
    // The folder's deputy (fictional) has a key slot of their own, given by the Staff page.
    const asDeputy = { RECORDS_PASSWORD: DEPUTY_PASSWORD };
    const before = await digestsOf(original);

    const deputyBackups = join(root, 'deputy-backups');
    const backupRun = await records(['backup', '--data-dir', original, '--username', 'ofair', '--to', deputyBackups], asDeputy);
    expect(backupRun.code).toBe(1);
    expect(backupRun.stderr.trim()).toBe('Only a Designated Safeguarding Lead (DSL) can back up the records from the command line. Sign in with a DSL\'s username.');
    expect(existsSync(deputyBackups) ? await readdir(deputyBackups) : []).toEqual([]);

    const verifyRun = await records(['verify', '--data-dir', original, '--username', 'ofair'], asDeputy);
    expect(verifyRun.code).toBe(1);
    expect(verifyRun.stderr).toMatch(/Only a Designated Safeguarding Lead \(DSL\) can verify/);
    expect(verifyRun.stdout).toBe('');

    // A backup made now holds the deputy's slot: they can open it, but may not restore it.
    const deputyBackup = await records(['backup', '--data-dir', original, '--username', USERNAME, '--to', deputyBackups]);
    expect(deputyBackup.code).toBe(0);
    const withDeputySlot = deputyBackup.stdout.trim().split('\n').at(-1)!;
    const target = join(root, 'restored-by-deputy');
    const restoreRun = await records(['restore', '--from', withDeputySlot, '--data-dir', target, '--username', 'ofair'], asDeputy);
    expect(restoreRun.code).toBe(1);
    expect(restoreRun.stderr).toMatch(/Only a Designated Safeguarding Lead \(DSL\) can restore/);
    expect(existsSync(target)).toBe(false);

    // Nothing but the DSL's own backup row was written by any of it.
    const after = await digestsOf(original);
    expect(after.audit!.rows).toBe(before.audit!.rows + 1);
    expect({ ...after, audit: null }).toEqual({ ...before, audit: null });
  });

  it('refuses verify and backup to a deputy who wrote themselves in as DSL in the staff table: the signed roster decides (issue 16)', async () => {
    const tampered = join(root, 'deputy-made-dsl');
    await cp(original, tampered, { recursive: true });
    const unlocked = await new KeyslotStore(join(tampered, 'keyslots.json')).unlockWithPassword('ofair', DEPUTY_PASSWORD);
    if (!unlocked.ok) throw new Error('the deputy should open their own slot');
    const db = await Database.open(join(tampered, 'records.db'), unlocked.dataKey);
    try {
      await db.transaction((tx) => tx.run(`UPDATE staff SET roles = '["dsl","head"]' WHERE username = 'ofair'`));
    } finally {
      await db.close();
    }
    const asDeputy = { RECORDS_PASSWORD: DEPUTY_PASSWORD };
    const verifyRun = await records(['verify', '--data-dir', tampered, '--username', 'ofair'], asDeputy);
    expect(verifyRun.code).toBe(1);
    expect(verifyRun.stderr).toMatch(/Only a Designated Safeguarding Lead \(DSL\) can verify/);
    const backupRun = await records(['backup', '--data-dir', tampered, '--username', 'ofair', '--to', join(root, 'made-dsl-backups')], asDeputy);
    expect(backupRun.code).toBe(1);
    expect(backupRun.stderr).toMatch(/Only a Designated Safeguarding Lead \(DSL\) can back up/);
  });

  it('verify exits non-zero and names the failed check when a byte of records.db is flipped', async () => {
    const file = join(restored, 'records.db');
    const bytes = await readFile(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x10;
    await writeFile(file, bytes);
    const run = await records(['verify', '--data-dir', restored, '--username', USERNAME]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ Encrypted pages/);
    expect(run.stdout).toMatch(/Failed: .*Encrypted pages/);
    expect(run.stdout).toMatch(/✓ Key file/);
  });
});
