// Must show (issue 8, part 7): damage to the files of a data folder is never silently
// accepted and never crashes the app. On copies of a populated folder (the demo generator's),
// single bits are flipped at seeded positions in records.db (page 1's salt and header and
// its reserved tail, the last page, and positions spread over the whole file), and a few
// 512-byte sectors are zeroed as a torn write would leave them. Each copy is opened twice:
// with Database.open and the raw key, and through the core (createCore + session.unlock).
// Each must either refuse to open (`damaged`), or open with health.ok false and refuse every
// write with `damaged`; opening with health.ok is allowed only if every row is as it was.
// Bits flipped in keyslots.json must make signing in answer `damaged`, never open the
// records, never crash.
//
// BITFLIP_SEED=n repeats a run's positions (the seed is printed).
import { randomInt } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, WrongKeyError } from '../../electron/core/db/connection';
import { isDatabaseError } from '../../electron/core/db/errors';
import { generateDemoData, Rng } from '../../scripts/demo/generate';
import { isAppError } from '../../electron/core/errors';
import { KeyslotsDamagedError, KeyslotStore } from '../../electron/core/vault/keyslots';
import type { Input } from '../../shared/ipc/contract';
import { call, createIncident, DSL, newCore, unlock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const SEED = Number(process.env.BITFLIP_SEED ?? randomInt(2 ** 31));
const NOW = new Date('2026-06-15T10:30:00Z');
const PAGE = 4096;
/** SQLCipher 4's per-page reserve: a 16-byte IV and a 64-byte HMAC-SHA512. */
const RESERVE = 80;
const RANDOM_FLIPS = 44;
const ZEROED_SECTORS = 6;
const KEYSLOT_FLIPS = 60;

let dir: string;
let remove: () => Promise<void>;
let template: string;
let dataKey: Buffer;
let recoveryCode: string;
let original: string;
let dbSize: number;
let openIncidentId: number;
let trial = 0;

/** Every row of every table, in rowid order: equal strings mean equal content. */
async function dump(db: Database): Promise<string> {
  const tables = await db.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    if (typeof name !== 'string') continue;
    const quoted = `"${name.replaceAll('"', '""')}"`;
    out[name] = await db.all(`SELECT * FROM ${quoted} ORDER BY rowid`).catch(() => db.all(`SELECT * FROM ${quoted}`));
  }
  return JSON.stringify(out, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value));
}

/** A copy of the template folder; returns its path. */
async function copyOfTemplate(): Promise<string> {
  trial += 1;
  const copy = join(dir, `trial-${trial}`);
  await mkdir(copy);
  for (const name of ['records.db', 'keyslots.json', 'login-failures.json']) await copyFile(join(template, name), join(copy, name));
  return copy;
}

beforeAll(async () => {
  ({ dir, remove } = await makeTempDir('records-bitflip-'));
  template = join(dir, 'template');
  const summary = await generateDemoData({ dataDir: template, pupils: 12, incidents: 10, entries: 150, seed: 8, now: NOW });
  recoveryCode = summary.recoveryCode;
  const keyslots = join(template, 'keyslots.json');
  const unlocked = await new KeyslotStore(keyslots).unlockWithPassword(DSL.username, DSL.password);
  if (!unlocked.ok) throw new Error('the demo DSL should open their key slot');
  dataKey = unlocked.dataKey;
  // Test only: the DSL's slot re-wrapped with scrypt N=2^14, so each of the hundred or so
  // sign-ins through the core takes milliseconds; the code that reads it is the same.
  await new KeyslotStore(keyslots, { N: 2 ** 14, r: 8, p: 1 }).setStaffSlot(dataKey, {
    staffId: unlocked.staffId,
    username: DSL.username,
    password: DSL.password,
    keys: unlocked.keys,
  });
  // An open incident of its own, so a save on a healthy copy is accepted.
  const core = await newCore(template);
  try {
    await unlockAs(core, DSL);
    openIncidentId = await createIncident(core, '2026-06-01');
  } finally {
    await core.close();
  }
  const db = await Database.open(join(template, 'records.db'), dataKey);
  try {
    expect(db.health.ok).toBe(true);
    original = await dump(db);
  } finally {
    await db.close();
  }
  dbSize = (await readFile(join(template, 'records.db'))).length;
  expect(dbSize % PAGE).toBe(0);
}, 120_000);

afterAll(async () => {
  dataKey?.fill(0);
  await remove();
});

type Damage = { label: string; apply: (bytes: Buffer) => void };

function bitFlip(position: number, bit: number, where: string): Damage {
  return { label: `${where}: bit ${bit} of byte ${position}`, apply: (bytes) => void (bytes[position]! ^= 1 << bit) };
}

function databaseDamages(rng: Rng): Damage[] {
  const damages: Damage[] = [];
  const flip = (from: number, to: number, where: string) => damages.push(bitFlip(rng.int(from, to), rng.int(0, 7), where));
  for (let n = 0; n < 4; n += 1) flip(0, 15, 'page 1 salt');
  for (let n = 0; n < 4; n += 1) flip(16, 99, 'page 1 database header');
  for (let n = 0; n < 4; n += 1) flip(100, PAGE - RESERVE - 1, 'page 1 content');
  for (let n = 0; n < 4; n += 1) flip(PAGE - RESERVE, PAGE - 1, 'page 1 IV and HMAC');
  for (let n = 0; n < 4; n += 1) flip(dbSize - PAGE, dbSize - 1, 'last page');
  for (let n = 0; n < RANDOM_FLIPS; n += 1) flip(0, dbSize - 1, 'anywhere');
  for (let n = 0; n < ZEROED_SECTORS; n += 1) {
    const sector = rng.int(0, dbSize / 512 - 1);
    damages.push({ label: `zeroed sector at byte ${sector * 512}`, apply: (bytes) => void bytes.fill(0, sector * 512, sector * 512 + 512) });
  }
  return damages;
}

type DbOutcome = 'refused' | 'read-only' | 'unchanged';

/** Below the core: Database.open with the raw key. */
async function openDirectly(file: string, label: string): Promise<DbOutcome> {
  let db: Database;
  try {
    db = await Database.open(file, dataKey);
  } catch (error) {
    // Anything else leaves the db layer classified; the core maps it, checked through the core below.
    if (error instanceof WrongKeyError) return 'refused';
    expect(isDatabaseError(error, 'damaged'), `${label}: Database.open threw ${String(error)}`).toBe(true);
    return 'refused';
  }
  try {
    if (db.health.ok) {
      // Passing every check is fine only if nothing it holds has changed.
      expect((await dump(db)) === original, `${label}: opened healthy with different content`).toBe(true);
      return 'unchanged';
    }
    expect(db.health.problems.length, label).toBeGreaterThan(0);
    const write = db.transaction((tx) => tx.run("INSERT INTO settings (key, value) VALUES ('bitflip', 'x')"));
    await expect(write, `${label}: a write on a damaged database`).rejects.toSatisfy((error: unknown) => isAppError(error) && error.code === 'damaged');
    return 'read-only';
  } finally {
    await db.close();
  }
}

function newEntry(incidentId: number): Input<'entries.create'> {
  return {
    incidentId,
    occurredOn: '2026-06-01',
    occurredTime: '09:00',
    kind: 'conversation',
    body: { withWhom: 'A pupil', byWhom: DSL.name, summary: 'Saved on a damaged copy.', supportOffered: '' },
  };
}

/** Through the core, as the app would meet the folder. */
async function openThroughCore(dataDir: string, label: string): Promise<DbOutcome> {
  const core = await newCore(dataDir);
  try {
    const signedIn = await unlock(core, DSL);
    if (!signedIn.ok) {
      expect(signedIn.error.code, `${label}: sign-in answered ${signedIn.error.code}`).toBe('damaged');
      return 'refused';
    }
    const status = signedIn.value;
    if (status.state !== 'unlocked') expect.fail(`${label}: sign-in answered ${status.state}`);
    // On a damaged database either looking up the incident or the write itself answers damaged.
    const saved = await call(core, 'entries.create', newEntry(openIncidentId));
    if (status.problems.length === 0) {
      if (!saved.ok) expect.fail(`${label}: healthy, but the save answered ${saved.error.code}`);
      return 'unchanged';
    }
    if (saved.ok) expect.fail(`${label}: a save on a damaged database was accepted`);
    expect(saved.error.code, `${label}: a save on a damaged database (${saved.error.message} ${JSON.stringify(saved.error.fields)})`).toBe('damaged');
    // Reading may work or may meet the damaged page; either way a clean answer.
    const listed = await call(core, 'incidents.list', {});
    if (!listed.ok) expect(listed.error.code, `${label}: reading a damaged database`).toBe('damaged');
    return 'read-only';
  } finally {
    await core.close();
  }
}

describe('records.db with damaged bytes', () => {
  it('is refused, or opened read-only and refuses writes with damaged; never silently accepted, never a crash', async () => {
    const rng = new Rng(SEED);
    const damages = databaseDamages(rng);
    const counts: Record<DbOutcome, number> = { refused: 0, 'read-only': 0, unchanged: 0 };
    const coreCounts: Record<DbOutcome, number> = { refused: 0, 'read-only': 0, unchanged: 0 };
    const pristine = await readFile(join(template, 'records.db'));
    // Every copy is tried; what went wrong is listed at the end, one line per position.
    const anomalies: string[] = [];
    for (const damage of damages) {
      const label = `${damage.label} (seed ${SEED})`;
      try {
        const copy = await copyOfTemplate();
        const bytes = Buffer.from(pristine);
        damage.apply(bytes);
        await writeFile(join(copy, 'records.db'), bytes);
        const direct = await openDirectly(join(copy, 'records.db'), label);
        // A fresh copy for the core: the direct open may have left a WAL behind.
        const forCore = await copyOfTemplate();
        await writeFile(join(forCore, 'records.db'), bytes);
        const viaCore = await openThroughCore(forCore, label);
        // The core may refuse where Database.open managed: signing in reads the account and the
        // settings, which may sit on the damaged page. Never the other way round.
        if (viaCore !== direct && !(direct === 'read-only' && viaCore === 'refused')) {
          expect.fail(`${label}: Database.open says ${direct}, the core says ${viaCore}`);
        }
        counts[direct] += 1;
        coreCounts[viaCore] += 1;
      } catch (error) {
        anomalies.push(error instanceof Error ? error.message : `${label}: ${String(error)}`);
      }
    }
    console.log(
      `bit-flips: records.db (${dbSize / PAGE} pages), ${damages.length} damaged copies (${damages.length - ZEROED_SECTORS} single-bit flips, ${ZEROED_SECTORS} zeroed sectors), seed ${SEED}: ` +
        `Database.open refused ${counts.refused}, opened ${counts['read-only']} with health.ok false and writes refused (damaged), ` +
        `${counts.unchanged} healthy with identical content; through the core, sign-in answered damaged for ${coreCounts.refused}, ` +
        `${coreCounts['read-only']} signed in with problems shown and saves refused (damaged), ${coreCounts.unchanged} healthy; ` +
        `${anomalies.length} anomalies, 0 silently accepted, 0 crashes`,
    );
    expect(anomalies).toEqual([]);
  }, 300_000);
});

describe('keyslots.json with damaged bytes', () => {
  it('makes signing in answer damaged, never opens the records with a wrong key, never crashes', async () => {
    const rng = new Rng(SEED ^ 0x5bd1e995);
    const pristine = await readFile(join(template, 'keyslots.json'));
    const codes: Record<string, number> = {};
    const anomalies: string[] = [];
    for (let n = 0; n < KEYSLOT_FLIPS; n += 1) {
      // The first and last bytes always, then seeded positions over the whole file.
      const position = n === 0 ? 0 : n === 1 ? pristine.length - 1 : rng.int(0, pristine.length - 1);
      const damage = bitFlip(position, rng.int(0, 7), 'keyslots.json');
      const label = `${damage.label} (seed ${SEED})`;
      const copy = await copyOfTemplate();
      const bytes = Buffer.from(pristine);
      damage.apply(bytes);
      await writeFile(join(copy, 'keyslots.json'), bytes);

      const store = new KeyslotStore(join(copy, 'keyslots.json'));
      await expect(store.read(), label).rejects.toBeInstanceOf(KeyslotsDamagedError);
      await expect(store.unlockWithRecoveryCode(recoveryCode), label).rejects.toBeInstanceOf(KeyslotsDamagedError);

      const core = await newCore(copy);
      try {
        const signedIn = await unlock(core, DSL);
        if (signedIn.ok) expect.fail(`${label}: signed in with a damaged key file`);
        codes[signedIn.error.code] = (codes[signedIn.error.code] ?? 0) + 1;
        expect(signedIn.error.message, label).not.toMatch(/\/|\\|Error:/);
        if (signedIn.error.code !== 'damaged') anomalies.push(`${label}: sign-in answered ${signedIn.error.code}: ${signedIn.error.message}`);
      } finally {
        await core.close();
      }
    }
    const summary = Object.entries(codes)
      .map(([code, count]) => `${count} ${code}`)
      .join(', ');
    console.log(`bit-flips: keyslots.json (${pristine.length} bytes), ${KEYSLOT_FLIPS} single-bit flips, seed ${SEED}: sign-in answered ${summary}; 0 signed in, 0 crashes`);
    // Distinct answers only: the same wrong code sixty times says no more than once.
    expect([...new Set(anomalies.map((a) => a.replace(/^.*?\(seed \d+\): /, '')))]).toEqual([]);
  }, 120_000);
});
