// The Windows lane's scenario (npm run test:windows; docs/decisions/0013-windows.md): the core
// end to end under Node for Windows, on a fresh data folder in a Windows user's profile whose
// name has a space, an apostrophe and a letter outside ASCII. scripts/test-windows.ts bundles
// this file to CommonJS and runs it with node.exe under Wine; every name here is fictional.
//
// argv: resultsFile fontsDir (Windows paths). The results (JSON) are written after every
// step, so a crash part-way still leaves what ran. A step that fails stops the scenario: the
// ones after it need what it made, and are listed as not run.
import { createHash } from 'node:crypto';
import { constants, existsSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, stat, type FileHandle } from 'node:fs/promises';
import { release, version as osVersion } from 'node:os';
import { win32 } from 'node:path';
import { restoreBackup, verifyDataFolder } from '../../electron/core/backup/index';
import { createCore, type Core } from '../../electron/core/index';
import type { Channel } from '../../shared/ipc/channels';
import type { Input, Output } from '../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../shared/ipc/result';

const HOME = "C:\\Users\\Siân O'Brien";
const RECORDS = win32.join(HOME, 'AppData', 'Roaming', 'YPSI Records');
const DATA = win32.join(RECORDS, 'data');
const RESTORED = win32.join(RECORDS, 'restored copy');
const DOCUMENTS = win32.join(HOME, 'Documents');
/** The lane links drive D: to a folder of its own: the USB stick a school keeps its backups on. */
const USB = 'D:\\YPSI backups';

const DSL = { name: 'Siân O’Brien', username: 'sobrien', password: 'correct horse battery staple' };
const HEAD = { name: 'Barnaby Hollowell', username: 'bhollow', password: 'violet tractor pudding moon' };

/**
 * libuv's UV_FS_O_EXLOCK (Windows only): open with share mode 0, so no other handle may read,
 * write, rename or delete the file while this one is open, as a PDF viewer or an antivirus
 * scanner holds a file. Node does not export the constant.
 */
const UV_FS_O_EXLOCK = 0x10000000;

type Step = { name: string; ok: boolean; ms: number; detail: string };
type Results = {
  platform: string;
  arch: string;
  node: string;
  os: string;
  steps: Step[];
  log: string[];
  finished: boolean;
};

const [resultsFile, fontsDir] = process.argv.slice(2);
const results: Results = {
  platform: process.platform,
  arch: process.arch,
  node: process.version,
  os: `${osVersion()} ${release()}`,
  steps: [],
  log: [],
  finished: false,
};

function save(): void {
  if (resultsFile) writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** A clock that starts on a school day in 2026 (the dates below are in its past) and runs in real time. */
const START = Date.parse('2026-11-23T09:00:00Z');
const startedAt = Date.now();
const now = (): Date => new Date(START + (Date.now() - startedAt));

async function call<C extends Channel>(core: Core, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = (await core.dispatch(channel, input)) as IpcResult<Output<C>>;
  if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function refusal<C extends Channel>(core: Core, channel: C, input: Input<C>): Promise<IpcError> {
  const result = (await core.dispatch(channel, input)) as IpcResult<Output<C>>;
  if (result.ok) throw new Error(`${channel} should have been refused, and answered ok`);
  return result.error;
}

/** What the core's file dialogs answer next: the harness stands in for Electron's. */
let saveAs: (suggested: string) => string | null = (suggested) => win32.join(DOCUMENTS, suggested);
let folder: string | null = USB;

function openCore(dataDir: string): Promise<Core> {
  return createCore({
    dataDir,
    appVersion: '0.0.0-windows',
    now,
    fontsDir,
    chooseSavePath: (suggested) => Promise.resolve(saveAs(suggested)),
    chooseFolder: () => Promise.resolve(folder),
    log: (message) => results.log.push(message),
  });
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

async function startsWithPdf(file: string): Promise<boolean> {
  return (await readFile(file)).subarray(0, 5).toString('latin1') === '%PDF-';
}

/** Files a write left behind: writeFileAtomic's temp files and a backup's export copy. */
async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.tmp') || name.endsWith('.export'));
}

async function exportRows(core: Core): Promise<number> {
  return (await call(core, 'audit.list', { limit: 200 })).filter((row) => row.action === 'export').length;
}

function lock(file: string): Promise<FileHandle> {
  return open(file, constants.O_RDONLY | UV_FS_O_EXLOCK);
}

/** A folder under `base` whose path is at least `length` characters: for Windows' 260 (MAX_PATH). */
function deepFolder(base: string, length: number): string {
  let dir = base;
  for (let n = 1; dir.length < length; n += 1) dir = win32.join(dir, `folder ${n} of a school’s long-named archive`);
  return dir;
}

type Scenario = {
  core: Core;
  incidentId: number;
  reviewId: number;
  pdf: string;
  backupFile: string;
};

async function main(): Promise<void> {
  check(resultsFile !== undefined && fontsDir !== undefined, 'usage: scenario resultsFile fontsDir');
  const state: Partial<Scenario> = {};
  const need = <K extends keyof Scenario>(key: K): Scenario[K] => {
    const value = state[key];
    if (value === undefined) throw new Error(`nothing made ${key}`);
    return value;
  };

  const steps: [string, () => Promise<string>][] = [
    [
      'runs on Windows',
      () => {
        check(process.platform === 'win32', `process.platform is ${process.platform}`);
        return Promise.resolve(`${process.platform} ${process.arch}, node ${process.version}, ${results.os}`);
      },
    ],
    [
      'set up the records (the first DSL)',
      async () => {
        check(!existsSync(DATA), `${DATA} should not exist yet`);
        const core = await openCore(DATA);
        state.core = core;
        const { status } = await call(core, 'setup.create', { schoolName: 'Quillfeather Academy', dslName: DSL.name, username: DSL.username, password: DSL.password });
        check(status.state === 'unlocked', 'set-up should leave the DSL signed in');
        const files = (await readdir(DATA)).sort();
        check(files.includes('records.db') && files.includes('keyslots.json'), `the data folder holds ${files.join(', ')}`);
        return `${DATA} holds ${files.join(', ')}`;
      },
    ],
    [
      'sign in (after a wrong password)',
      async () => {
        const core = need('core');
        await call(core, 'session.lock', { reason: 'button' });
        const wrong = await refusal(core, 'session.unlock', { username: DSL.username, password: 'not the password' });
        check(wrong.code === 'bad_credentials', `a wrong password answered ${wrong.code}`);
        check(existsSync(win32.join(DATA, 'login-failures.json')), 'the failed sign-in should be kept in login-failures.json');
        const status = await call(core, 'session.unlock', { username: DSL.username, password: DSL.password });
        check(status.state === 'unlocked', `signing in left the session ${status.state}`);
        // Signing in audits the failure and empties the file: a rename over the file that was there.
        const failures = JSON.parse(await readFile(win32.join(DATA, 'login-failures.json'), 'utf8')) as { global?: { consecutive: number }; pending?: unknown[] };
        check(failures.global?.consecutive === 0 && failures.pending?.length === 0, 'login-failures.json should be emptied by signing in');
        return `signed in as ${status.user.name}; login-failures.json replaced in place`;
      },
    ],
    [
      'add a head',
      async () => {
        const core = need('core');
        const before = await stat(win32.join(DATA, 'keyslots.json'));
        const head = await call(core, 'staff.add', { name: HEAD.name, username: HEAD.username, roles: ['head'], password: HEAD.password, currentPassword: DSL.password });
        const after = await stat(win32.join(DATA, 'keyslots.json'));
        check(after.size > before.size, 'keyslots.json should have gained the head’s slot');
        // A password the DSL set must be made the head's own before they can sign (decision 0016).
        await call(core, 'session.unlock', { username: HEAD.username, password: HEAD.password });
        await call(core, 'account.changePassword', { currentPassword: HEAD.password, newPassword: HEAD.password });
        await call(core, 'session.unlock', { username: DSL.username, password: DSL.password });
        return `${head.name} added; keyslots.json replaced (${before.size} → ${after.size} bytes)`;
      },
    ],
    [
      'record an incident with a pupil and three entries',
      async () => {
        const core = need('core');
        const pupil = await call(core, 'pupils.create', {
          firstName: 'Niamh',
          lastName: 'Ó Súilleabháin',
          dateOfBirth: '2011-03-04',
          sex: 'female',
          yearGroup: '10',
          sen: false,
          senDetails: '',
          lookedAfter: false,
          socialCare: 'none',
        });
        const incident = await call(core, 'incidents.create', {
          title: 'Image shared in a group chat',
          cameToAttentionOn: '2026-11-20',
          imageryDate: '',
          kind: 'shared-on',
          media: 'photo',
          services: [],
          sharing: 'not_known',
          sharingDetails: '',
        });
        state.incidentId = incident.id;
        await call(core, 'incidents.addPupil', { incidentId: incident.id, pupilId: pupil.id, roles: ['pictured'] });
        await call(core, 'entries.create', {
          incidentId: incident.id,
          occurredOn: '2026-11-20',
          occurredTime: '10:15',
          kind: 'disclosure',
          body: { source: 'young_person', sourceName: 'Niamh', toldTo: DSL.name, means: 'in_person', whatWasSaid: 'She said a photo of her was passed round a group chat.', immediateActions: '' },
        });
        const review = await call(core, 'entries.create', {
          incidentId: incident.id,
          occurredOn: '2026-11-21',
          occurredTime: '09:30',
          kind: 'initial-review',
          body: {
            attendees: 'DSL and head of year',
            considerations: {},
            points: { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' },
            pointNotes: {},
            decision: 'manage-in-school',
            referTo: [],
            reasons: 'None of the five points applies; the pupils are of an age and the image was shared without intent to harm.',
            overrideReasons: '',
          },
        });
        state.reviewId = review.id;
        await call(core, 'entries.create', {
          incidentId: incident.id,
          occurredOn: '2026-11-21',
          occurredTime: '11:00',
          kind: 'conversation',
          body: { withWhom: 'Niamh', byWhom: DSL.name, summary: 'Talked through what happens next; she knows whom to tell.', supportOffered: 'Weekly check-in with the school nurse.' },
        });
        const detail = await call(core, 'incidents.get', { incidentId: incident.id });
        check(detail.entries.length === 3, `the incident has ${detail.entries.length} entries`);
        check(detail.people.length === 1, `the incident has ${detail.people.length} people`);
        return `${incident.reference}: ${pupil.firstName} ${pupil.lastName} pictured; disclosure, initial review, conversation`;
      },
    ],
    [
      'the head signs the decision not to refer',
      async () => {
        const core = need('core');
        const signature = await call(core, 'entries.sign', { entryId: need('reviewId'), meaning: 'authorise-no-referral', username: HEAD.username, password: HEAD.password });
        check(signature.meaning === 'authorise-no-referral', `signed with the meaning ${signature.meaning}`);
        return `signed by ${HEAD.name}: ${signature.meaning}`;
      },
    ],
    [
      'the audit log verifies',
      async () => {
        const verified = await call(need('core'), 'audit.verify', {});
        check(verified.ok, verified.ok ? '' : verified.findings.map((f) => `${f.where}: ${f.detail}`).join('; '));
        return `${verified.auditRows} rows, each signed and linked to the one before; every record matches its last signed state`;
      },
    ],
    [
      'export the incident report as a PDF to Documents',
      async () => {
        const core = need('core');
        await mkdir(DOCUMENTS, { recursive: true });
        const result = await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId: need('incidentId') }, namedChildren: [] });
        check(result.saved, 'the export was not saved');
        const pdf = win32.join(DOCUMENTS, result.fileName);
        state.pdf = pdf;
        check(await startsWithPdf(pdf), `${pdf} does not start with %PDF-`);
        check((await stat(pdf)).size === result.bytes, 'the file is not the size the export reported');
        check((await leftovers(DOCUMENTS)).length === 0, `left behind: ${(await leftovers(DOCUMENTS)).join(', ')}`);
        return `${pdf}: ${result.pages} pages, ${result.bytes} bytes, starts with %PDF-`;
      },
    ],
    [
      'export again over the PDF while another program holds it for a moment',
      async () => {
        const core = need('core');
        const pdf = need('pdf');
        const before = await exportRows(core);
        const handle = await lock(pdf);
        // A lock a scanner lets go of: the rename must wait for it, not fail. The path is
        // chosen after the PDF is laid out and just before it is written, so the lock is let
        // go 300 ms after that moment, and the first attempts to replace the file meet it.
        const timing: { chosenAt?: number; answeredAfter?: number } = {};
        let released: Promise<void> = Promise.resolve();
        saveAs = (suggested) => {
          timing.chosenAt = performance.now();
          released = new Promise((resolve) => setTimeout(resolve, 300)).then(() => handle.close());
          return win32.join(DOCUMENTS, suggested);
        };
        let result: Output<'exports.pdf'>;
        try {
          result = await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId: need('incidentId') }, namedChildren: [] });
          if (timing.chosenAt !== undefined) timing.answeredAfter = Math.round(performance.now() - timing.chosenAt);
        } finally {
          saveAs = (suggested) => win32.join(DOCUMENTS, suggested);
          if (timing.chosenAt === undefined) await handle.close();
          await released;
        }
        const answeredAfter = timing.answeredAfter;
        check(answeredAfter !== undefined, 'the export never asked where to save');
        check(answeredAfter >= 300, `the export answered ${answeredAfter} ms after the path was chosen, before the lock was let go`);
        check(result.saved && win32.join(DOCUMENTS, result.fileName) === pdf, 'the export should have replaced the same file');
        check(await startsWithPdf(pdf), 'the replaced file does not start with %PDF-');
        check((await exportRows(core)) === before + 1, 'the export should have one audit row');
        check((await leftovers(DOCUMENTS)).length === 0, `left behind: ${(await leftovers(DOCUMENTS)).join(', ')}`);
        return `replaced once the lock was let go: saved ${answeredAfter} ms after the path was chosen, the lock held for the first 300`;
      },
    ],
    [
      'export over a PDF another program keeps open: refused plainly, nothing changed',
      async () => {
        const core = need('core');
        const pdf = need('pdf');
        const before = { rows: await exportRows(core), sha: await sha256(pdf) };
        const handle = await lock(pdf);
        let error: IpcError;
        try {
          error = await refusal(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId: need('incidentId') }, namedChildren: [] });
        } finally {
          await handle.close();
        }
        check(error.code === 'not_saved' && /Another program has that file open/.test(error.message), `answered ${error.code}: ${error.message}`);
        check((await sha256(pdf)) === before.sha, 'the PDF held open was changed');
        check((await exportRows(core)) === before.rows, 'a refused export must leave no audit row');
        check((await leftovers(DOCUMENTS)).length === 0, `left behind: ${(await leftovers(DOCUMENTS)).join(', ')}`);
        return `“${error.message}”`;
      },
    ],
    [
      'a PDF may not go inside the data folder, however its name is cased',
      async () => {
        const core = need('core');
        saveAs = () => win32.join(DATA.toLowerCase(), 'report.pdf');
        let error: IpcError;
        try {
          error = await refusal(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId: need('incidentId') }, namedChildren: [] });
        } finally {
          saveAs = (suggested) => win32.join(DOCUMENTS, suggested);
        }
        check(error.code === 'not_saved' && /data folder/.test(error.message), `answered ${error.code}: ${error.message}`);
        check(!existsSync(win32.join(DATA, 'report.pdf')), 'the PDF was written into the data folder');
        return `refused for ${win32.join(DATA.toLowerCase(), 'report.pdf')}`;
      },
    ],
    [
      'back up to a USB stick (drive D:)',
      async () => {
        const core = need('core');
        await mkdir(USB, { recursive: true });
        folder = USB;
        const chosen = await call(core, 'backups.chooseFolder', { currentPassword: DSL.password });
        check(chosen.folder === USB, `the backup folder is ${chosen.folder}`);
        const backup = await call(core, 'backups.run', {});
        const file = win32.join(USB, backup.fileName);
        state.backupFile = file;
        check((await stat(file)).size === backup.bytes, 'the backup file is not the size reported');
        check((await leftovers(USB)).length === 0, `left behind: ${(await leftovers(USB)).join(', ')}`);
        const status = await call(core, 'backups.status', {});
        check(status.folderAvailable && status.backups.some((b) => b.fileName === backup.fileName && b.ok), 'the backup is not listed as good');
        return `${file}: ${backup.bytes} bytes; ${Object.entries(backup.tables).map(([table, rows]) => `${table} ${rows}`).join(', ')}`;
      },
    ],
    [
      'restore the backup into a new folder and verify it',
      async () => {
        const { tables } = await restoreBackup({ file: need('backupFile'), dataDir: RESTORED, credentials: { username: DSL.username, password: DSL.password } });
        const verified = await verifyDataFolder({ dataDir: RESTORED, credentials: { username: DSL.username, password: DSL.password } });
        const failed = verified.checks.filter((c) => !c.ok);
        check(verified.ok, `failed: ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}`);
        return `${RESTORED}: ${tables.entries ?? 0} entries; ${verified.checks.map((c) => c.name).join(', ')}: all ok`;
      },
    ],
    [
      'sign in to the restored copy',
      async () => {
        const core = await openCore(RESTORED);
        try {
          await call(core, 'session.unlock', { username: DSL.username, password: DSL.password });
          const incidents = await call(core, 'incidents.list', { status: 'all' });
          check(incidents.length === 1, `the restored copy has ${incidents.length} incidents`);
          const detail = await call(core, 'incidents.get', { incidentId: need('incidentId') });
          const review = detail.entries.find((e) => e.id === need('reviewId'));
          check(detail.entries.length === 3, `the restored incident has ${detail.entries.length} entries`);
          check(review?.signatures.some((s) => s.meaning === 'authorise-no-referral') === true, 'the head’s signature is not in the restored copy');
          const verified = await call(core, 'audit.verify', {});
          check(verified.ok, 'the restored audit log does not verify');
          return `${detail.incident.reference} with its 3 entries and the head’s signature; audit log ${verified.auditRows} rows, verified`;
        } finally {
          await core.close();
        }
      },
    ],
    [
      'restore over the live records (the data folder renamed aside)',
      async () => {
        const core = need('core');
        // Written after the backup, so the restore visibly takes the records back.
        await call(core, 'entries.create', {
          incidentId: need('incidentId'),
          occurredOn: '2026-11-22',
          occurredTime: '14:00',
          kind: 'conversation',
          body: { withWhom: 'Niamh’s mother', byWhom: DSL.name, summary: 'Told her what the school is doing.', supportOffered: '' },
        });
        const restored = await call(core, 'backups.restoreLive', { file: win32.basename(need('backupFile')), username: DSL.username, password: DSL.password, confirm: true, currentPassword: DSL.password });
        const replaced = win32.join(RECORDS, restored.replacedFolder);
        check(existsSync(win32.join(replaced, 'records.db')), `the replaced records should be kept in ${replaced}`);
        const status = await call(core, 'session.status', {});
        check(status.state === 'locked', `after a restore the app should be locked, not ${status.state}`);
        await call(core, 'session.unlock', { username: DSL.username, password: DSL.password });
        const detail = await call(core, 'incidents.get', { incidentId: need('incidentId') });
        check(detail.entries.length === 3, `after the restore the incident has ${detail.entries.length} entries`);
        const verified = await call(core, 'audit.verify', {});
        check(verified.ok, 'the audit log does not verify after the restore');
        return `the records are the backup’s again (3 entries); the replaced folder kept as ${restored.replacedFolder}`;
      },
    ],
    [
      'back up into, and restore from, folders whose paths pass 260 characters',
      async () => {
        const core = need('core');
        const deepUsb = deepFolder(USB, 240);
        await mkdir(deepUsb, { recursive: true });
        folder = deepUsb;
        await call(core, 'backups.chooseFolder', { currentPassword: DSL.password });
        const backup = await call(core, 'backups.run', {});
        const file = win32.join(deepUsb, backup.fileName);
        check(file.length > 260, `the backup's path is only ${file.length} characters`);
        const deepData = deepFolder(win32.join(RECORDS, 'deep'), 250);
        await restoreBackup({ file, dataDir: deepData, credentials: { username: DSL.username, password: DSL.password } });
        const database = win32.join(deepData, 'records.db');
        check(database.length > 260, `the restored database's path is only ${database.length} characters`);
        const verified = await verifyDataFolder({ dataDir: deepData, credentials: { username: DSL.username, password: DSL.password } });
        check(verified.ok, `failed: ${verified.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`).join('; ')}`);
        folder = USB;
        await call(core, 'backups.chooseFolder', { currentPassword: DSL.password });
        return `backup at ${file.length} characters, restored database at ${database.length}, verified`;
      },
    ],
    [
      'close the app',
      async () => {
        await need('core').close();
        state.core = undefined;
        return 'closed';
      },
    ],
  ];

  let failed: string | null = null;
  for (const [name, run] of steps) {
    if (failed !== null) {
      results.steps.push({ name, ok: false, ms: 0, detail: `not run: “${failed}” failed` });
      continue;
    }
    const started = performance.now();
    try {
      const detail = await run();
      results.steps.push({ name, ok: true, ms: Math.round(performance.now() - started), detail });
    } catch (error) {
      failed = name;
      results.steps.push({ name, ok: false, ms: Math.round(performance.now() - started), detail: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    save();
  }
  await state.core?.close().catch(() => undefined);
  results.finished = true;
  save();
}

main().catch((error: unknown) => {
  results.steps.push({ name: 'scenario', ok: false, ms: 0, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  save();
  process.exitCode = 1;
});
