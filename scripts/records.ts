// The records command line: demo data, backup, restore and verify, built on electron/core.
//   npm run records -- <command> [options]      (run with no command for the usage)
// Passwords never come from arguments (they would stay in the shell's history and in
// `ps`): set RECORDS_PASSWORD, or type it when asked. A restore also takes the recovery
// code from RECORDS_RECOVERY_CODE.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { listBackups, restoreBackup, verifyDataFolder, writeBackup } from '../electron/core/backup/index';
import { isMissingOrEmpty, requireDslForCommandLine, signInForCommandLine, unlockStaff, type Credentials } from '../electron/core/backup/credentials';
import { appendAudit } from '../electron/core/audit/audit-log';
import { dataPaths } from '../electron/core/context';
import { Database } from '../electron/core/db/connection';
import { migrate } from '../electron/core/db/migrate';
import { generateDemoData } from './demo/generate';
import { defaultStateDir } from '../electron/core/integrity/computer-anchor';

const USAGE = `usage: npm run records -- <command> [options]

commands:
  demo-data --data-dir DIR --username U --pupils N --incidents M --entries K [--seed S]
      a new data folder with one DSL account (U) and invented records; prints the recovery code
  backup    --data-dir DIR --username U --to FOLDER
      an encrypted, checked backup file in FOLDER; prints its path on the last line
  restore   --from FILE --data-dir NEWDIR [--username U] [--unsigned-legacy]
      restores a backup into a new, empty folder (sign in with U, or with the recovery code);
      refuses a backup whose signature, signed chain end or records do not check out.
      --unsigned-legacy: also restore a backup made before backups were signed (only if you
      are sure where it came from: nothing shows who made it or that it is unchanged)
  verify    --data-dir DIR --username U [--state-dir DIR]
      checks the key file, the database's integrity, the audit chain and every record (signatures,
      roles, changes made outside the app, the end of the log against the anchors kept outside
      the database: the key file's, and this computer's from --state-dir or the app's own folder);
      exit 0 only if all pass
  help      this text

Backup, restore and verify need the username of a DSL (checked in the records themselves);
a restore may use the school's recovery code instead. Demo data goes only into a new, empty folder.
The password is read from RECORDS_PASSWORD, or asked for (not echoed) when run in a terminal.
For restore, RECORDS_RECOVERY_CODE may be set instead (then --username is not needed).
Never pass a password as an argument.
`;

/** Wrong use of the command: the usage, exit 2. */
class UsageError extends Error {}

const OPTIONS = {
  'data-dir': { type: 'string' },
  username: { type: 'string' },
  to: { type: 'string' },
  from: { type: 'string' },
  pupils: { type: 'string' },
  incidents: { type: 'string' },
  entries: { type: 'string' },
  seed: { type: 'string' },
  'unsigned-legacy': { type: 'boolean' },
  'state-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Options = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

function required(options: Options, name: 'data-dir' | 'username' | 'to' | 'from'): string {
  const value = options[name];
  if (value === undefined || value === '') throw new UsageError(`--${name} is required for this command.`);
  return value;
}

function count(options: Options, name: 'pupils' | 'incidents' | 'entries' | 'seed', fallback?: number): number {
  const text = options[name];
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${name} is required for this command.`);
  }
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new UsageError(`--${name} needs a whole number.`);
  return value;
}

/** Reads a line from the terminal without echoing it; the prompt goes to stderr. */
async function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UsageError('No password: set RECORDS_PASSWORD, or run this in a terminal to be asked for it.');
  }
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    process.stderr.write(question);
    muted = true;
    return await rl.question('');
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

async function password(username: string, options: { confirm?: boolean } = {}): Promise<string> {
  const fromEnv = process.env.RECORDS_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await askHidden(`Password for ${username}: `);
  if (options.confirm === true && (await askHidden('The same password again: ')) !== first) {
    throw new Error('The two passwords were not the same.');
  }
  return first;
}

async function demoData(options: Options): Promise<void> {
  const dataDir = required(options, 'data-dir');
  const username = required(options, 'username');
  const sizes = { pupils: count(options, 'pupils'), incidents: count(options, 'incidents'), entries: count(options, 'entries') };
  const seed = count(options, 'seed', 1);
  if (!(await isMissingOrEmpty(dataDir))) throw new Error(`${dataDir} already holds files: demo data goes into a new, empty folder.`);
  const summary = await generateDemoData({ dataDir, username, password: await password(username, { confirm: true }), dslName: 'Demo DSL', seed, ...sizes });
  process.stdout.write(
    `${summary.dataDir}: ${summary.pupils} pupils, ${summary.incidents} incidents, ${summary.entries} entries (${summary.versions} versions, ${summary.signatures} signatures)\n` +
      `Sign in as ${username} (Demo DSL). Keep the recovery code: it is shown only now.\n` +
      `Recovery code: ${summary.recoveryCode}\n`,
  );
}

async function backup(options: Options): Promise<void> {
  const dataDir = required(options, 'data-dir');
  const username = required(options, 'username');
  const folder = required(options, 'to');
  const paths = dataPaths(dataDir);
  const { dataKey, staffId, keys } = await unlockStaff(paths.keyslots, username, await password(username));
  let db: Database;
  try {
    db = await Database.open(paths.database, dataKey);
  } catch {
    dataKey.fill(0);
    throw new Error(`The records database in ${dataDir} could not be opened.`);
  }
  try {
    const at = new Date();
    // As at the app's sign-in: the records brought up to date, then the roster checked.
    await requireDslForCommandLine(db, staffId, 'back up');
    if (db.writable) await migrate(db);
    // Only a DSL may take a copy of everything; what follows is signed by them (issue 16).
    await signInForCommandLine(db, staffId, keys, 'back up', at);
    await mkdir(folder, { recursive: true });
    // Attributable like every other action, and written before the copy is taken so that the
    // backup holds it too: a restored copy then matches the original table for table.
    // Only a DSL may take a copy of everything: checked in the records, in the same transaction as the backup's audit row.
    await db.transaction(async (tx) => {
      await requireDslForCommandLine(tx, staffId, 'back up');
      return appendAudit(tx, { action: 'backup', actorId: staffId, at, details: { trigger: 'command line', folder: basename(folder) } });
    });
    let summary: Awaited<ReturnType<typeof writeBackup>>;
    try {
      summary = await writeBackup({ db, dataKey, keyslotsFile: paths.keyslots, folder, now: at, appVersion: appVersion(), signer: { id: staffId, keys } });
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown';
      await db.transaction((tx) => appendAudit(tx, { action: 'backup.failed', actorId: staffId, at: new Date(), details: { trigger: 'command line', folder: basename(folder), reason } })).catch(() => undefined);
      throw error;
    }
    const good = (await listBackups(folder)).filter((b) => b.ok).length;
    process.stdout.write(`Backup written and checked (${rowsText(summary.tables)}); ${good} good backup(s) in that folder.\n${summary.file}\n`);
  } finally {
    dataKey.fill(0);
    await db.close();
  }
}

async function restore(options: Options): Promise<void> {
  const file = required(options, 'from');
  const dataDir = required(options, 'data-dir');
  const code = process.env.RECORDS_RECOVERY_CODE;
  let credentials: Credentials;
  if (code !== undefined && code !== '' && (process.env.RECORDS_PASSWORD ?? '') === '') {
    credentials = { recoveryCode: code };
  } else {
    const username = required(options, 'username');
    credentials = { username, password: await password(username) };
  }
  const allowUnsigned = options['unsigned-legacy'] === true;
  const { tables, signed } = await restoreBackup({ file, dataDir, credentials, requireDsl: true, allowUnsigned });
  process.stdout.write(
    signed
      ? `Restored into ${dataDir}; its signature, its signed chain end and Verify all check out, and every table matches the backup:\n`
      : `Restored into ${dataDir} WITHOUT a signature to check (--unsigned-legacy: a backup made before backups were signed); every table matches the backup:\n`,
  );
  for (const [table, rows] of Object.entries(tables)) process.stdout.write(`  ${table}: ${rows} rows\n`);
}

async function verify(options: Options): Promise<number> {
  const dataDir = required(options, 'data-dir');
  const username = required(options, 'username');
  // This computer's anchors: where asked, else the desktop app's own folder if it has one here.
  const stateDir = options['state-dir'] ?? (existsSync(defaultStateDir()) ? defaultStateDir() : undefined);
  const result = await verifyDataFolder({ dataDir, credentials: { username, password: await password(username) }, requireDsl: true, ...(stateDir ? { stateDir } : {}) });
  for (const check of result.checks) {
    process.stdout.write(`${check.ok ? '✓' : '✗'} ${check.name}: ${check.detail}\n`);
    for (const line of check.lines ?? []) process.stdout.write(`    - ${line}\n`);
  }
  if (result.ok) {
    process.stdout.write('All checks passed.\n');
    return 0;
  }
  const failed = result.checks.filter((c) => !c.ok).map((c) => c.name);
  process.stdout.write(`Failed: ${failed.join('; ')}\n`);
  return 1;
}

function rowsText(tables: Record<string, number>): string {
  return Object.entries(tables)
    .map(([table, rows]) => `${table} ${rows}`)
    .join(', ');
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

async function main(argv: string[]): Promise<number> {
  if (argv.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
    throw new UsageError('A password is never taken as an argument (it would stay in the shell history): set RECORDS_PASSWORD or type it when asked.');
  }
  let parsed: { values: Options; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'Unknown option.');
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (command === undefined || command === 'help' || values.help === true) return usage();
  if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra[0]}`);
  switch (command) {
    case 'demo-data':
      await demoData(values);
      return 0;
    case 'backup':
      await backup(values);
      return 0;
    case 'restore':
      await restore(values);
      return 0;
    case 'verify':
      return verify(values);
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

function usage(message?: string): number {
  if (message !== undefined) process.stderr.write(`${message}\n\n`);
  process.stderr.write(USAGE);
  return 2;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) return usage(error.message);
  // Every error from the core that reaches here carries a plain message (no key, no SQL).
  process.stderr.write(`${error instanceof Error ? error.message : 'Something went wrong.'}\n`);
  return 1;
});
