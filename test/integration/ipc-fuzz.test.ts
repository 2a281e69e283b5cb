// Issue 8, part 8: hostile input. Every channel in CHANNELS (so a new channel is fuzzed
// without touching this file) is called through dispatch with payloads its own contract
// refuses: wrong types, extra and missing keys, huge strings, deep nesting, prototype keys,
// NaN and friends, NUL bytes and lone surrogates, SQL, and one-field mutations of a valid
// example. Each call must answer a clean refusal, and the database and the files beside it
// must be exactly as they were, bar the sign-in and sign-out this test itself makes.
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { BACKUP_KEEP_MIN } from '../../shared/domain/settings';
import { hasAnyRole, type Role } from '../../shared/domain/staff';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { contract, type Input } from '../../shared/ipc/contract';
import { ERROR_CODES, type ErrorCode } from '../../shared/ipc/result';
import { addStaff, call, DEPUTY, DSL, expectOk, newCore, setUp, TestClock, unlockAs } from './helpers/core';
import { snapshotDatabase, type DatabaseSnapshot } from './helpers/db-snapshot';
import { hashFolder, makeTempDir } from './helpers/temp-dir';

/** Fixed so a failure can be replayed; FUZZ_SEED / FUZZ_RUNS override it for a longer hunt. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS_SIGNED_IN = Number(process.env.FUZZ_RUNS ?? 150);
const RUNS_LOCKED = Math.max(20, Math.round(RUNS_SIGNED_IN / 4));

/**
 * Channels allowed to refuse an invalid payload with a clean code other than the one
 * expected below (invalid_input; locked while locked; forbidden without the role). Empty:
 * dispatch parses the input before any handler runs, so no state can get in first. A new
 * exception must be listed here with its reason, never accepted wholesale.
 */
const OTHER_CLEAN_CODES: Partial<Record<Channel, readonly ErrorCode[]>> = {};

// ---------------------------------------------------------------------------------------
// Hostile values

const SQL = [
  "'; DROP TABLE entries; --",
  "Robert'); DROP TABLE pupils;--",
  "' OR '1'='1",
  '1; DELETE FROM audit',
  '") UNION SELECT username, password FROM staff --',
  "x' || (SELECT hash FROM audit LIMIT 1) || '",
  "'; PRAGMA rekey = 'x'; --",
  "'; ATTACH DATABASE '/tmp/x.db' AS x; --",
];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'mthistle\u0000admin',
  '\uD800',
  '\uDFFF',
  'x\uD83Dy',
  '\uDE00\uD83D',
  '\uFEFF',
  '\u202E',
  '../../../etc/passwd',
  'C:\\Windows\\System32',
  '%s%s%n',
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  '-0',
  '1e309',
  '0x10',
  ' 1 ',
  '２０２６-11-20',
  '2026-02-30',
  '2026-11-20T25:61:00Z',
  '9999999999-01-01',
];
const HUGE_STRINGS = [
  'x'.repeat(100_000),
  '\u0000'.repeat(100_000),
  '\uD800'.repeat(100_000),
  '😀'.repeat(50_000),
  "'; DROP TABLE entries; --".repeat(4_000),
  ' '.repeat(100_000),
];
const ODD_NUMBERS = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  -1,
  0.5,
  1.000_000_1,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 1,
  Number.MAX_SAFE_INTEGER * 2,
  -Number.MAX_SAFE_INTEGER - 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  1e308,
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const hostileKey = fc.oneof(
  fc.constantFrom(...PROTO_KEYS, 'toString', 'valueOf', 'hasOwnProperty', 'then', '', ' ', '\u0000', '\uD800', 'x'.repeat(10_000), ...SQL),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** An own, enumerable key, even for `__proto__` (plain assignment would set the prototype). */
function withOwn(target: object, key: string, value: unknown): object {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Nested `depth` levels deep, built without recursion. */
function nest(depth: number, shape: 'object' | 'array' | 'proto', leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) {
    if (shape === 'array') value = [value];
    else if (shape === 'object') value = { a: value };
    else value = withOwn({}, '__proto__', value);
  }
  return value;
}

const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, ...ODD_NUMBERS, ...ODD_STRINGS, ...SQL),
  fc.constantFrom(...HUGE_STRINGS),
  fc.double(),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.bigInt(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.date({ noInvalidDate: false }),
);

const hostileStructure: fc.Arbitrary<unknown> = fc.anything({
  key: hostileKey,
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

const deeplyNested = fc
  .record({ depth: fc.integer({ min: 50, max: 10_000 }), shape: fc.constantFrom('object' as const, 'array' as const, 'proto' as const), leaf: hostileLeaf })
  .map(({ depth, shape, leaf }) => nest(depth, shape, leaf));

const protoPolluting = fc.oneof(
  fc.record({ key: fc.constantFrom(...PROTO_KEYS), value: fc.oneof(hostileLeaf, hostileStructure) }).map(({ key, value }) => withOwn({}, key, value)),
  fc.constantFrom(
    '{"__proto__":{"isAdmin":true,"roles":["dsl"]}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"__proto__":{"__proto__":{"access":"public"}}}',
    '[{"__proto__":null}]',
  ).map((json) => JSON.parse(json) as unknown),
);

/**
 * Kept to tens of thousands so the run stays short: an array a schema does not cap costs
 * dispatch time per element (see the sparse-array test below for the large case).
 */
const bigCollections = fc.constantFrom<unknown>(
  Array.from({ length: 20_000 }, () => 'pictured'),
  Array.from({ length: 10_000 }, (_, i) => i),
  Array.from({ length: 5_000 }, () => ({})),
  Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
  new Array(20_000),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileLeaf, weight: 4 },
  { arbitrary: hostileStructure, weight: 2 },
  { arbitrary: protoPolluting, weight: 1 },
  { arbitrary: deeplyNested, weight: 1 },
  { arbitrary: bigCollections, weight: 1 },
);

// ---------------------------------------------------------------------------------------
// Valid examples, mutated one field at a time

type Examples = { [C in Channel]?: Input<C> };
type Path = (string | number)[];

/** Every node of a JSON-like example, as a path from the root (the root itself is []). */
function pathsOf(value: unknown, path: Path = []): Path[] {
  const paths: Path[] = [path];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...path, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...path, k]));
  return paths;
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

type Mutation = { op: 'replace' | 'delete' | 'extra' | 'coerce'; pick: number; key: string; value: unknown; coercion: number };

/** A copy of `example` with one node replaced, deleted, coerced to a near-miss, or given an extra key. */
function mutate(example: unknown, { op, pick, key, value, coercion }: Mutation): unknown {
  const copy = structuredClone(example);
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length]!;
  if (op === 'extra' || path.length === 0) {
    const node = at(copy, path);
    if (typeof node === 'object' && node !== null) withOwn(node, key, value);
    return path.length === 0 && (typeof node !== 'object' || node === null) ? value : copy;
  }
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const last = path[path.length - 1]!;
  if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last as string];
    return copy;
  }
  const original = (parent as Record<string | number, unknown>)[last];
  let replacement = value;
  if (op === 'coerce') {
    // Near misses of the right value: the same thing in the wrong type, or just off.
    const nearMisses: unknown[] = [String(original), [original], { value: original }, Number(original), null, undefined];
    if (typeof original === 'number') nearMisses.push(-original, original + 0.5, 0, original * 2 ** 40, BigInt(Math.trunc(original)));
    if (typeof original === 'string') nearMisses.push(`${original}\u0000`, ` ${original.toUpperCase()} `, original.repeat(2_000), '');
    if (typeof original === 'boolean') nearMisses.push(original ? 1 : 0, String(original));
    replacement = nearMisses[coercion % nearMisses.length];
  }
  if (Array.isArray(parent)) parent[Number(last)] = replacement;
  else withOwn(parent, last as string, replacement);
  return copy;
}

function mutationsOf(example: unknown): fc.Arbitrary<unknown> {
  return fc
    .record({
      op: fc.constantFrom('replace' as const, 'delete' as const, 'extra' as const, 'coerce' as const),
      pick: fc.nat(),
      key: hostileKey,
      value: hostileValue,
      coercion: fc.nat(),
    })
    .map((m) => mutate(example, m));
}

function payloadsFor(channel: Channel, examples: Examples): fc.Arbitrary<unknown> {
  const example: unknown = examples[channel];
  const wholesale = fc.oneof(hostileValue, fc.array(hostileValue, { maxLength: 5 }), fc.dictionary(hostileKey, hostileValue, { maxKeys: 5 }));
  if (example === undefined) return wholesale;
  return fc.oneof({ arbitrary: mutationsOf(example), weight: 3 }, { arbitrary: wholesale, weight: 1 });
}

/** What dispatch hands the schema: it reads a missing payload as `{}`, so the filter must too. */
function refusedByContract(channel: Channel, payload: unknown): boolean {
  return !contract[channel].input.safeParse(payload === undefined ? {} : payload).success;
}

// ---------------------------------------------------------------------------------------
// What a clean refusal looks like

/** Internals that must never reach the caller: SQL and driver text, stack frames, paths. */
const LEAKS = [
  /sqlite/i,
  /\bSELECT\b/,
  /\bINSERT\b/,
  /\bUPDATE \w+ SET\b/,
  /\bFROM \w+ WHERE\b/,
  /^\s*at /m,
  /\bat \S+ \(/,
  /\.(ts|js|mjs|cjs):\d+/,
  /node_modules/,
  /\/(tmp|home|work|usr|var|root)\//,
  /[A-Za-z]:\\/,
  /records\.db|keyslots\.json|login-failures/,
  /\b(Type|Range|Reference|Syntax)Error\b/,
  /Maximum call stack/,
];

/** The strings the caller sent (keys and values), so a message that echoes them is not a leak. */
function sentStrings(payload: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, number][] = [[payload, 0]];
  while (stack.length > 0 && found.length < 2_000) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'string') found.push(node);
    else if (typeof node === 'object' && node !== null && depth < 30) {
      for (const key of Reflect.ownKeys(node)) {
        if (typeof key === 'string') {
          found.push(key);
          stack.push([(node as Record<string, unknown>)[key], depth + 1]);
        }
      }
    }
  }
  return found.filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
}

function withoutEchoes(text: string, sent: string[]): string {
  return sent.reduce((rest, s) => (rest.includes(s) ? rest.split(s).join('') : rest), text);
}

/** A short description of a payload for a log line. */
function summarise(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' && v.length > 40 ? `<string ${v.length}: ${v.slice(0, 12)}…>` : Array.isArray(v) && v.length > 10 ? `<array ${v.length}>` : v));
    return text.length > 600 ? `${text.slice(0, 600)}…` : text;
  } catch (error) {
    return `<${error instanceof Error ? error.message : 'unprintable'}>`;
  }
}

const stats = { payloads: 0, longestMessage: 0, longestMessageChannel: '' };

function expectCleanRefusal(channel: Channel, result: unknown, expected: ErrorCode, payload: unknown): void {
  stats.payloads += 1;
  expect(typeof result === 'object' && result !== null && !Array.isArray(result), 'the answer is an object').toBe(true);
  const answer = result as { ok?: unknown; error?: unknown };
  expect(Object.keys(answer).sort()).toEqual(['error', 'ok']);
  expect(answer.ok).toBe(false);
  const error = answer.error as { code?: unknown; message?: unknown; fields?: unknown };
  expect(typeof error === 'object' && error !== null).toBe(true);
  expect(Object.keys(error).filter((k) => !['code', 'message', 'fields'].includes(k))).toEqual([]);
  expect(ERROR_CODES).toContain(error.code);
  const allowed = [expected, ...(OTHER_CLEAN_CODES[channel] ?? [])];
  expect(allowed, `${channel} answered ${String(error.code)}: ${String(error.message)}`).toContain(error.code);

  expect(typeof error.message).toBe('string');
  const texts: unknown[] = [error.message];
  if (error.fields !== undefined) {
    expect(typeof error.fields === 'object' && error.fields !== null && !Array.isArray(error.fields)).toBe(true);
    texts.push(...Object.values(error.fields as Record<string, unknown>));
  }
  // Checked in a plain loop and asserted once: a refusal can carry many thousands of fields.
  const unfit: string[] = [];
  for (const text of texts) {
    if (typeof text !== 'string' || text.trim() === '') {
      unfit.push(`not a message for a person: ${JSON.stringify(text)}`);
      continue;
    }
    // Only a suspect message is worth the cost of taking out what the caller sent itself.
    if (!LEAKS.some((leak) => leak.test(text))) continue;
    const own = withoutEchoes(text, sentStrings(payload));
    const leaked = LEAKS.filter((leak) => leak.test(own));
    if (leaked.length > 0) unfit.push(`${String(leaked[0])} in "${own.slice(0, 300)}"`);
  }
  expect(unfit, `${channel} answered with internals`).toEqual([]);
  const message = error.message as string;
  if (message.length > stats.longestMessage) {
    stats.longestMessage = message.length;
    stats.longestMessageChannel = channel;
  }
}

// ---------------------------------------------------------------------------------------
// The school under attack

let dataDir: string;
let remove: () => Promise<void>;
let core: Core;
const clock = new TestClock();
let examples: Examples;
let dslRoles: Role[];
let dbBefore: DatabaseSnapshot;
let filesBefore: Record<string, string>;

function accessFor(channel: Channel, state: 'locked' | 'signed-in'): ErrorCode | 'runs' {
  const access = contract[channel].access;
  if (access === 'public') return 'runs';
  if (state === 'locked') return 'locked';
  if (access === 'staff') return 'runs';
  return hasAnyRole(dslRoles, access.roles) ? 'runs' : 'forbidden';
}

/** Everything in the data folder but the database itself (which is compared row by row). */
async function filesBeside(dir: string): Promise<Record<string, string>> {
  const hashes = await hashFolder(dir);
  const files = Object.fromEntries(Object.entries(hashes).filter(([file]) => !file.startsWith('records.db')));
  // The key file also keeps the audit chain's end (decision 0017), which this test's own sign-in
  // and sign-out move on: its slots must be as they were, so they are compared without it.
  const { anchor: _anchor, checksum: _checksum, ...slots } = JSON.parse(await readFile(join(dir, 'keyslots.json'), 'utf8')) as Record<string, unknown>;
  return { ...files, 'keyslots.json': JSON.stringify(slots) };
}

beforeAll(async () => {
  ({ dir: dataDir, remove } = await makeTempDir('records-fuzz-'));
  const seeding = await newCore(dataDir, clock);
  const { status, recoveryCode } = await setUp(seeding);
  if (status.state !== 'unlocked') throw new Error('setup should leave the DSL signed in');
  dslRoles = status.user.roles;
  const deputy = await addStaff(seeding, DEPUTY, ['deputy']);
  const pupilInput: Input<'pupils.create'> = {
    firstName: 'Tamsin',
    lastName: 'Oakridge',
    dateOfBirth: '2011-03-04',
    sex: 'female',
    yearGroup: '10',
    sen: false,
    senDetails: '',
    lookedAfter: false,
    socialCare: 'none',
  };
  const pupil = expectOk(await call(seeding, 'pupils.create', pupilInput));
  const incidentInput: Input<'incidents.create'> = {
    title: 'Image shared after football practice',
    cameToAttentionOn: '2026-11-20',
    imageryDate: '2026-11-19',
    kind: 'shared-on',
    media: 'photo',
    services: ['Snapchat'],
    sharing: 'shared',
    sharingDetails: 'A group chat of six pupils',
  };
  const incident = expectOk(await call(seeding, 'incidents.create', incidentInput));
  const person = expectOk(await call(seeding, 'incidents.addPupil', { incidentId: incident.id, pupilId: pupil.id, roles: ['pictured', 'made'] }));
  const otherPerson: Input<'incidents.addOtherPerson'>['person'] = { kind: 'adult', name: 'A coach from the sports club', age: 34, dateOfBirth: '', sex: 'male', setting: 'Sports club', relationship: 'Coaches the team' };
  expectOk(await call(seeding, 'incidents.addOtherPerson', { incidentId: incident.id, person: otherPerson, roles: ['received'] }));
  const entryInput: Input<'entries.create'> = {
    incidentId: incident.id,
    occurredOn: '2026-11-20',
    occurredTime: '10:15',
    kind: 'disclosure',
    body: { source: 'young_person', sourceName: 'Tamsin', toldTo: DSL.name, means: 'in_person', whatWasSaid: 'She said a photo was shared.', immediateActions: '' },
  };
  const entry = expectOk(await call(seeding, 'entries.create', entryInput));
  expectOk(await call(seeding, 'entries.sign', { entryId: entry.id, meaning: 'record-accurate', username: DSL.username, password: DSL.password }));
  await seeding.close();

  const scope = { type: 'incident', incidentId: incident.id } as const;
  const document = { type: 'incident-report', incidentId: incident.id } as const;
  const newPassword = 'plum kettle harbour seven';
  const { incidentId: _incidentId, ...revisable } = entryInput;
  examples = {
    'app.info': {},
    'password.check': { password: newPassword, userInputs: [DSL.name] },
    'setup.create': { schoolName: 'Another Academy', schoolUrn: '123456', dslName: DSL.name, alsoHead: false, username: 'other', password: newPassword },
    'session.status': {},
    'session.unlock': { username: DSL.username, password: DSL.password },
    'session.lock': { reason: 'button' },
    'session.touch': {},
    'recovery.resetPassword': { recoveryCode, username: DSL.username, newPassword },
    'account.changePassword': { currentPassword: DSL.password, newPassword },
    'staff.list': {},
    'staff.add': { name: 'Wilhelmina Ashdown', username: 'washdown', roles: ['deputy'], password: newPassword, currentPassword: DSL.password },
    'staff.deactivate': { staffId: deputy.id },
    'staff.resetPassword': { staffId: deputy.id, newPassword, currentPassword: DSL.password },
    'staff.setRoles': { staffId: deputy.id, roles: ['deputy', 'head'], reason: 'Now also acting head', currentPassword: DSL.password },
    'staff.reactivate': { staffId: deputy.id, reason: 'Returned to the school', newPassword },
    'settings.get': {},
    'settings.update': { lockMinutes: 10 },
    'settings.updateSchool': { schoolName: 'Quillfeather Primary Academy', schoolUrn: '123456' },
    'pupils.search': { query: 'Tam', limit: 10 },
    'pupils.list': {},
    'pupils.get': { pupilId: pupil.id },
    'pupils.create': pupilInput,
    'pupils.update': { ...pupilInput, pupilId: pupil.id },
    'incidents.list': { status: 'open' },
    'incidents.create': incidentInput,
    'incidents.get': { incidentId: incident.id },
    'incidents.addPupil': { incidentId: incident.id, pupilId: pupil.id, roles: ['sent'] },
    'incidents.addOtherPerson': { incidentId: incident.id, person: otherPerson, roles: ['holds'] },
    'incidents.setRoles': { incidentPersonId: person.id, roles: ['pictured', 'sent'] },
    'incidents.removePerson': { incidentPersonId: person.id, reason: 'Added to this incident in error' },
    'incidents.close': { incidentId: incident.id },
    'incidents.correct': { ...incidentInput, incidentId: incident.id, reason: 'The title named the wrong year group' },
    'incidents.void': { incidentId: incident.id, reason: 'Duplicate of another incident' },
    'incidents.reopen': { incidentId: incident.id, reason: 'New information from the police' },
    'incidents.listVoided': {},
    'dashboard.get': {},
    'entries.create': entryInput,
    'entries.revise': { ...revisable, entryId: entry.id, reason: 'Corrected the time' },
    'entries.sign': { entryId: entry.id, meaning: 'record-accurate', username: DSL.username, password: DSL.password },
    'audit.verify': {},
    'audit.list': { beforeSeq: 100, limit: 10 },
    'chronology.header': { scope },
    'chronology.page': { scope, filters: { q: 'photo', kind: 'disclosure', from: '2026-11-01', to: '2026-11-30', backdated: false }, offset: 0, limit: 20, count: true },
    'chronology.entry': { entryId: entry.id },
    'exports.options': { document },
    'exports.pdf': { currentPassword: DSL.password, document, namedChildren: [`pupil:${pupil.id}`], preparedFor: 'Strategy meeting' },
    'backups.status': {},
    'backups.chooseFolder': { currentPassword: DSL.password },
    'backups.configure': { keep: BACKUP_KEEP_MIN },
    'backups.run': {},
    'backups.restoreLive': { file: 'records-backup-2026-11-23-090000.ypsibak', username: DSL.username, password: DSL.password, confirm: true, currentPassword: DSL.password },
    'help.staffSummaryPdf': {},
  };

  dbBefore = await snapshotDatabase(dataDir, DSL);
  filesBefore = await filesBeside(dataDir);
  core = await newCore(dataDir, clock);
}, 120_000);

afterAll(async () => {
  await core?.close();
  await remove?.();
});

describe('hostile input on every channel', () => {
  it('has records to protect, and a leak detector that bites', () => {
    for (const table of ['staff', 'pupils', 'incidents', 'incident_people', 'entries', 'signatures', 'audit']) {
      expect(dbBefore[table]?.length, `rows in ${table}`).toBeGreaterThan(0);
    }
    const internals = [
      'SQLITE_CONSTRAINT: NOT NULL constraint failed: entries.body',
      'near "DROP": syntax error in SELECT * FROM entries',
      'TypeError: Cannot read properties of undefined\n    at handler (/opt/ypsi-records/electron/core/handlers/x.ts:12:3)',
      'ENOENT: no such file or directory, open \'/tmp/records-fuzz-1/keyslots.json\'',
    ];
    for (const text of internals) expect(LEAKS.some((leak) => leak.test(text)), text).toBe(true);
  });

  it('starts from valid examples, so mutations are one field away from a real call', () => {
    const missing = CHANNELS.filter((channel) => examples[channel] === undefined);
    if (missing.length > 0) console.log(`fuzz: no valid example yet for ${missing.join(', ')} (fuzzed with wholesale hostile payloads only)`);
    for (const [channel, example] of Object.entries(examples) as [Channel, unknown][]) {
      const parsed = contract[channel].input.safeParse(example);
      expect(parsed.success, `${channel}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });

  it('while locked: every signed-in channel answers `locked` whatever it is sent; public ones refuse invalid input', async () => {
    const started = stats.payloads;
    for (const channel of CHANNELS) {
      const expected = accessFor(channel, 'locked');
      const example: unknown = examples[channel];
      const payloads = expected === 'locked' && example !== undefined ? fc.oneof(payloadsFor(channel, examples), fc.constant(example)) : payloadsFor(channel, examples);
      await fc.assert(
        fc.asyncProperty(payloads, async (payload) => {
          // A signed-in channel must not even look at the payload; a public one must refuse it.
          if (expected !== 'locked') fc.pre(refusedByContract(channel, payload));
          const result = await core.dispatch(channel, payload);
          expectCleanRefusal(channel, result, expected === 'locked' ? 'locked' : 'invalid_input', payload);
          if (expected === 'locked') {
            const error = (result as { error: { message: string; fields?: unknown } }).error;
            expect(error.message).toBe('The records are locked. Sign in to continue.');
            expect(error.fields).toBeUndefined();
          }
        }),
        { seed: SEED, numRuns: RUNS_LOCKED },
      );
    }
    expect(expectOk(await call(core, 'session.status', {}))).toEqual({ state: 'locked' });
    console.log(`fuzz (locked): ${CHANNELS.length} channels, ${stats.payloads - started} payloads, all refused cleanly (seed ${SEED})`);
  });

  it('signed in as the DSL: every channel refuses every payload its contract refuses, and changes nothing', async () => {
    const status = await unlockAs(core, DSL);
    if (status.state !== 'unlocked') throw new Error('the DSL should be signed in');
    const newestSeq = async () => expectOk(await call(core, 'audit.list', { limit: 1 }))[0]?.seq;
    const seqBefore = await newestSeq();
    const started = stats.payloads;
    for (const channel of CHANNELS) {
      const access = accessFor(channel, 'signed-in');
      const expected: ErrorCode = access === 'runs' ? 'invalid_input' : access;
      const channelStarted = Date.now();
      await fc.assert(
        fc.asyncProperty(payloadsFor(channel, examples), async (payload) => {
          fc.pre(refusedByContract(channel, payload));
          const t0 = Date.now();
          const answer = await core.dispatch(channel, payload);
          if (process.env.FUZZ_VERBOSE && Date.now() - t0 > 300) console.log(`fuzz: slow ${channel} ${Date.now() - t0} ms: ${summarise(payload)}`);
          expectCleanRefusal(channel, answer, expected, payload);
        }),
        { seed: SEED, numRuns: RUNS_SIGNED_IN },
      );
      if (process.env.FUZZ_VERBOSE) console.log(`fuzz: ${channel} ${Date.now() - channelStarted} ms`);
      // Still the same session, and nothing audited: a refused call leaves no trace.
      expect(await newestSeq(), `the audit log grew while fuzzing ${channel}`).toBe(seqBefore);
      expect(expectOk(await call(core, 'session.status', {})), `the session changed while fuzzing ${channel}`).toMatchObject({
        state: 'unlocked',
        user: { username: DSL.username },
      });
    }
    const payloads = stats.payloads - started;
    console.log(`fuzz: ${CHANNELS.length} channels, ${payloads} payloads, all refused cleanly (seed ${SEED}, longest message ${stats.longestMessage} characters on ${stats.longestMessageChannel})`);
    expect(payloads).toBeGreaterThanOrEqual(CHANNELS.length * RUNS_SIGNED_IN);
  });

  it('refuses a few bytes that expand to a huge array (a sparse array) in every array of every example, cleanly', async () => {
    // new Array(n) crosses IPC in a dozen bytes (structured clone keeps it sparse); a schema
    // without .max() would check, and dispatch would name, every one of its n empty slots.
    // Every input array is capped, and the answer stays small whatever was sent.
    const n = 100_000;
    const timings: string[] = [];
    for (const channel of CHANNELS) {
      const example: unknown = examples[channel];
      if (example === undefined) continue;
      for (const path of pathsOf(example).filter((p) => p.length > 0 && Array.isArray(at(example, p)))) {
        const payload = structuredClone(example);
        const parent = at(payload, path.slice(0, -1)) as Record<string | number, unknown>;
        parent[path[path.length - 1]!] = new Array(n);
        const t0 = Date.now();
        const answer = await core.dispatch(channel, payload);
        const ms = Date.now() - t0;
        expectCleanRefusal(channel, answer, 'invalid_input', payload);
        const message = (answer as { error: { message: string } }).error.message;
        timings.push(`${channel} ${path.join('.')}: ${ms} ms, message ${message.length} characters`);
        expect(message.length).toBeLessThan(1000);
        expect(Object.keys((answer as { error: { fields?: object } }).error.fields ?? {}).length).toBeLessThanOrEqual(50);
      }
    }
    console.log(`fuzz: sparse arrays of ${n} slots:\n  ${timings.join('\n  ')}`);
    expect(timings.length).toBeGreaterThan(0);
  });

  it('leaves every table and every file as it was, bar this test’s own sign-in and sign-out', async () => {
    await core.close();
    const dbAfter = await snapshotDatabase(dataDir, DSL);
    expect(Object.keys(dbAfter)).toEqual(Object.keys(dbBefore));
    for (const table of Object.keys(dbBefore)) {
      if (table === 'audit') continue;
      expect(dbAfter[table], `table ${table}`).toEqual(dbBefore[table]);
    }
    const auditBefore = dbBefore.audit!;
    const auditAfter = dbAfter.audit!;
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length).map((row) => row.action)).toEqual(['login.success', 'lock']);
    expect(await filesBeside(dataDir)).toEqual(filesBefore);
  });
});
