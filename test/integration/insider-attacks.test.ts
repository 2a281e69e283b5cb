// Issue 16, "Must show": a test per insider attack. The attacker is a member of staff with the
// data folder, their own password (so the data key, from their own key slot) and the source
// code. Records are built through the core, the core is locked, and the attacker changes the
// database with raw SQL, dropping the append-only triggers where they are in the way. Then a
// DSL signs in again and runs Verify (`audit.verify`), and the command line's `records verify`
// is run: each attack must be named, by kind and by the row it changed.
//
// Each test also shows that the hash chain alone, all the app checked before issue 16
// (`verifyAuditChain`, what the old `audit.verify` and `records verify` ran), passes the
// tampered records: those are the attacks that used to go unseen.
import { spawn } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainedRow, hashRow, verifyAuditChain } from '../../electron/core/audit/audit-log';
import { auditRowsAfter, insertAuditRow } from '../../electron/core/db/audit-queries';
import { Database, type Executor } from '../../electron/core/db/connection';
import { verifyRecords, type Finding } from '../../electron/core/integrity/verify-records';
import { readVerifiedRoster, appendRoster, withMember } from '../../electron/core/integrity/roster';
import { DELETED, rowStateHash, stateKey } from '../../electron/core/integrity/row-state';
import { entryContentHash } from '../../electron/core/records/content-hash';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { signBytes, type PersonKeys } from '../../electron/core/vault/person-keys';
import { PROTECTED_TABLES, type ProtectedTable } from '../../electron/core/db/protected-rows';
import { deleteDestroyedRows, rowsToDestroy } from '../../electron/core/db/destruction-queries';
import type { Input } from '../../shared/ipc/contract';
import type { FindingKind } from '../../shared/domain/verification';
import { addStaff, call, createIncident, DEPUTY, DSL, expectError, expectOk, HEAD, newCore, setUp, TestClock, unlock, unlockAs, type Person } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const ROOT = resolve(import.meta.dirname, '../..');

/** Fictional pupils; the attacker renames the first. */
const PUPIL = { firstName: 'Juniper', lastName: 'Ashcombe', dateOfBirth: '2011-03-04', sex: 'female', yearGroup: '10', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' } as const;
const OTHER_PUPIL = { ...PUPIL, firstName: 'Tamsin', lastName: 'Oakridge', dateOfBirth: '2011-07-19' } as const;
const RENAMED = 'Persephone';

let root: string;
let remove: () => Promise<void>;
let template: string;
let trial = 0;

/** Ids of what the records hold, read once from the template. */
const ids = { dsl: 0, head: 0, deputy: 0, pupil: 0, otherPupil: 0, incident: 0, pictured: 0, reporter: 0, signedEntry: 0, signature: 0 };

function review(incidentId: number): Input<'entries.create'> {
  return {
    incidentId,
    occurredOn: '2026-11-23',
    occurredTime: '09:30',
    kind: 'initial-review',
    body: {
      attendees: 'DSL and head of year',
      considerations: {},
      points: { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' },
      pointNotes: {},
      decision: 'manage-in-school',
      referTo: [],
      reasons: 'Fictional reasons: the image was deleted from every phone the same day.',
      overrideReasons: '',
    },
  };
}

beforeAll(async () => {
  ({ dir: root, remove } = await makeTempDir('records-insider-'));
  template = join(root, 'template');
  const core = await newCore(template, new TestClock(Date.parse('2026-11-23T12:00:00Z')));
  try {
    await setUp(core);
    const status = expectOk(await call(core, 'session.status', {}));
    if (status.state !== 'unlocked') throw new Error('the DSL should be signed in after setup');
    ids.dsl = status.user.id;
    ids.head = (await addStaff(core, HEAD, ['head'])).id;
    ids.deputy = (await addStaff(core, DEPUTY, ['deputy'])).id;
    ids.pupil = expectOk(await call(core, 'pupils.create', { ...PUPIL })).id;
    ids.otherPupil = expectOk(await call(core, 'pupils.create', { ...OTHER_PUPIL })).id;
    ids.incident = await createIncident(core, '2026-11-20');
    ids.pictured = expectOk(await call(core, 'incidents.addPupil', { incidentId: ids.incident, pupilId: ids.pupil, roles: ['pictured'] })).id;
    ids.reporter = expectOk(await call(core, 'incidents.addPupil', { incidentId: ids.incident, pupilId: ids.otherPupil, roles: ['reported'] })).id;
    ids.signedEntry = expectOk(await call(core, 'entries.create', review(ids.incident))).id;
    ids.signature = expectOk(
      await call(core, 'entries.sign', { entryId: ids.signedEntry, meaning: 'authorise-no-referral', username: HEAD.username, password: HEAD.password }),
    ).id;
    // The untouched records verify clean, so every finding below is the attack's.
    const clean = expectOk(await call(core, 'audit.verify', {}));
    expect(clean.findings).toEqual([]);
    expect(clean).toMatchObject({ ok: true, signed: true });
  } finally {
    await core.close();
  }
}, 120_000);

afterAll(async () => {
  await remove();
});

/** A fresh copy of the template's data folder, as the attacker would work on. */
async function copyOfRecords(): Promise<string> {
  trial += 1;
  const dataDir = join(root, `trial-${trial}`);
  await cp(template, dataDir, { recursive: true });
  return dataDir;
}

/**
 * The attack: the attacker's own password opens their key slot, which gives the data key and
 * their own signing keys; everything else is raw SQL on the file, outside the app.
 */
async function asAttacker(dataDir: string, attacker: Person, attack: (db: Database, keys: PersonKeys) => Promise<void>): Promise<void> {
  const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(attacker.username, attacker.password);
  if (!slot.ok) throw new Error(`${attacker.username}'s own password should open their key slot`);
  const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
  try {
    await attack(db, slot.keys);
    // What Verify used to be: the unkeyed hash chain. The attacks here all pass it.
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  } finally {
    await db.close();
    slot.dataKey.fill(0);
  }
}

/** The append-only triggers an attacker with the key simply drops (they are in the file, not the app). */
async function dropTriggers(db: Database, ...names: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const name of names) await tx.run(`DROP TRIGGER IF EXISTS ${name}`);
  });
}

/** A DSL signs in and runs Verify, as the Verify screen does. */
async function verifyInApp(dataDir: string): Promise<{ ok: boolean; findings: Finding[] }> {
  const core = await newCore(dataDir, new TestClock(Date.parse('2026-11-24T08:00:00Z')));
  try {
    await unlockAs(core, DSL);
    return expectOk(await call(core, 'audit.verify', {}));
  } finally {
    await core.close();
  }
}

type Run = { code: number | null; stdout: string; stderr: string };

function recordsVerify(dataDir: string, person: Person = DSL): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, RECORDS_PASSWORD: person.password };
  delete env.RECORDS_RECOVERY_CODE;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/records.ts', 'verify', '--data-dir', dataDir, '--username', person.username], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end();
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The command line names the same finding: a non-zero exit and the row in what it prints. */
async function expectCommandLineNames(dataDir: string, where: string): Promise<void> {
  const run = await recordsVerify(dataDir);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toContain(where);
}

function expectFinding(findings: Finding[], kind: FindingKind, where: string): Finding {
  const found = findings.find((f) => f.kind === kind && f.where === where);
  expect(found, `a ${kind} finding at ${where}; got ${JSON.stringify(findings)}`).toBeDefined();
  return found!;
}

/** No finding ever holds a pupil's name: the report may be shown to a technician. */
function expectNoNames(findings: Finding[]): void {
  const text = JSON.stringify(findings);
  for (const name of [PUPIL.firstName, PUPIL.lastName, OTHER_PUPIL.firstName, OTHER_PUPIL.lastName, RENAMED]) expect(text).not.toContain(name);
}

/** The next audit row after the chain's end, signed with `keys` under the id `signerId`: a forgery made with the source code. */
async function appendForgedAudit(
  tx: Executor,
  keys: PersonKeys,
  signerId: number,
  event: { action: Parameters<typeof chainedRow>[1]['action']; actorId: number; subjectType?: string; subjectId?: number },
  states: Record<string, string> | null,
): Promise<number> {
  const rows = await auditRowsAfter(tx, 0, 100_000);
  const last = rows[rows.length - 1]!;
  const row = chainedRow({ seq: last.seq, hash: last.hash }, { ...event, at: new Date('2026-11-23T18:00:00Z') }, { id: signerId, sign: (text) => signBytes(keys, text) }, states);
  await insertAuditRow(tx, row);
  return row.seq;
}

/** The state the app would record for a row as it now stands. */
async function stateOf(tx: Executor, table: ProtectedTable, id: number): Promise<[string, string]> {
  const row = await tx.get(`SELECT * FROM ${table} WHERE id = ?`, [id]);
  return [stateKey(table, String(id)), row === undefined ? DELETED : rowStateHash(table, row)];
}

describe('a) a deputy gives themselves the DSL and head roles with one UPDATE staff', () => {
  it('still has only the deputy role at sign-in, cannot add staff, and Verify names the staff row', async () => {
    const dataDir = await copyOfRecords();
    await asAttacker(dataDir, DEPUTY, async (db) => {
      await db.transaction((tx) => tx.run(`UPDATE staff SET roles = '["deputy","dsl","head"]' WHERE id = ?`, [ids.deputy]));
    });

    const core = await newCore(dataDir, new TestClock(Date.parse('2026-11-24T08:00:00Z')));
    try {
      const status = await unlockAs(core, DEPUTY);
      if (status.state !== 'unlocked') throw new Error('the deputy should be signed in');
      expect(status.user.roles).toEqual(['deputy']);
      expect(status.problems.join('\n')).toMatch(/staff list was changed outside the app for Odette Fairweather \(roles\)/);
      expectError(
        await call(core, 'staff.add', { name: 'Ivo Plumtree', username: 'iplum', roles: ['dsl'], password: 'walnut harbour lantern drift', currentPassword: DEPUTY.password }),
        'forbidden',
      );
      expectError(await call(core, 'audit.verify', {}), 'forbidden');
      // Nor can they sign as the head: the signer's roles are the roster's too.
      const asHead = expectError(
        await call(core, 'entries.sign', { entryId: ids.signedEntry, meaning: 'authorise-no-referral', username: DEPUTY.username, password: DEPUTY.password }),
        'forbidden',
      );
      expect(asHead.message).toMatch(/head/i);
    } finally {
      await core.close();
    }

    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expectFinding(findings, 'staff-differs', `staff account ${ids.deputy}`);
    expectFinding(findings, 'row-changed', `staff account ${ids.deputy}`);
    await expectCommandLineNames(dataDir, `staff account ${ids.deputy}`);
  }, 60_000);
});

describe('b) the body of a signed entry is rewritten', () => {
  const rewritten = JSON.stringify({ ...review(0).body, reasons: 'Rewritten: no concerns were raised at all.' });

  it('with the content hash left as it was: named as an entry whose text changed', async () => {
    const dataDir = await copyOfRecords();
    await asAttacker(dataDir, DEPUTY, async (db) => {
      await dropTriggers(db, 'entries_are_never_changed');
      await db.transaction((tx) => tx.run('UPDATE entries SET body = ? WHERE id = ?', [rewritten, ids.signedEntry]));
    });
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expectFinding(findings, 'entry-altered', `entry ${ids.signedEntry}`);
    expectFinding(findings, 'row-changed', `entry ${ids.signedEntry}`);
    await expectCommandLineNames(dataDir, `entry ${ids.signedEntry}`);
  }, 60_000);

  it('with the content hash and the signature’s hash recomputed: named as changed outside the app', async () => {
    const dataDir = await copyOfRecords();
    await asAttacker(dataDir, DEPUTY, async (db) => {
      await dropTriggers(db, 'entries_are_never_changed', 'signatures_are_never_changed');
      await db.transaction(async (tx) => {
        await rewriteSignedEntry(tx, rewritten);
      });
    });
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    // The recomputed hashes agree with each other; what no longer agrees is the audit's record of both rows.
    expect(findings.filter((f) => f.kind === 'entry-altered')).toEqual([]);
    expectFinding(findings, 'row-changed', `entry ${ids.signedEntry}`);
    expectFinding(findings, 'row-changed', `signature ${ids.signature}`);
    await expectCommandLineNames(dataDir, `entry ${ids.signedEntry}`);
  }, 60_000);

  it('and vouched for by an audit row the attacker signs with their own key: named, since the app never changes a saved version', async () => {
    const dataDir = await copyOfRecords();
    await asAttacker(dataDir, DEPUTY, async (db, keys) => {
      await dropTriggers(db, 'entries_are_never_changed', 'signatures_are_never_changed');
      await db.transaction(async (tx) => {
        await rewriteSignedEntry(tx, rewritten);
        const states = Object.fromEntries([await stateOf(tx, 'entries', ids.signedEntry), await stateOf(tx, 'signatures', ids.signature)]);
        await appendForgedAudit(tx, keys, ids.deputy, { action: 'entry.created', actorId: ids.deputy, subjectType: 'entry', subjectId: ids.signedEntry }, states);
      });
    });
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expectFinding(findings, 'not-permitted', `entry ${ids.signedEntry}`);
    expectFinding(findings, 'not-permitted', `signature ${ids.signature}`);
    await expectCommandLineNames(dataDir, `entry ${ids.signedEntry}`);
  }, 60_000);
});

/** The signed entry's body replaced, its content hash recomputed and the head's signature made to match. */
async function rewriteSignedEntry(tx: Executor, body: string): Promise<void> {
  const row = (await tx.get('SELECT * FROM entries WHERE id = ?', [ids.signedEntry]))!;
  const hash = entryContentHash({
    entryKey: String(row.entry_key),
    incidentId: Number(row.incident_id),
    kind: String(row.kind) as never,
    version: Number(row.version),
    supersedesId: row.supersedes === null ? null : Number(row.supersedes),
    occurredAt: String(row.occurred_at),
    recordedAt: String(row.recorded_at),
    authorId: Number(row.author_id),
    body: JSON.parse(body) as never,
    amendmentReason: typeof row.amendment_reason === 'string' ? row.amendment_reason : null,
  });
  await tx.run('UPDATE entries SET body = ?, content_hash = ? WHERE id = ?', [body, hash, ids.signedEntry]);
  await tx.run('UPDATE signatures SET content_hash = ? WHERE id = ?', [hash, ids.signature]);
}

describe('c) an audit row is edited and the whole chain recomputed with plain SHA-256', () => {
  it('names the edited row: its signature no longer matches the person it names', async () => {
    const dataDir = await copyOfRecords();
    let edited = 0;
    await asAttacker(dataDir, DEPUTY, async (db) => {
      await dropTriggers(db, 'audit_is_append_only_update');
      await db.transaction(async (tx) => {
        const rows = await auditRowsAfter(tx, 0, 100_000);
        // The row that records the deputy being added: it is made to say someone else did it.
        const target = rows.find((r) => r.action === 'staff.added' && r.subject_id === String(ids.deputy))!;
        edited = target.seq;
        let prev = target.prev_hash;
        for (const row of rows.filter((r) => r.seq >= target.seq)) {
          const next = { ...row, prev_hash: prev, ...(row.seq === target.seq ? { actor_id: ids.head } : {}) };
          const hash = hashRow(next);
          await tx.run('UPDATE audit SET actor_id = ?, prev_hash = ?, hash = ? WHERE seq = ?', [next.actor_id, prev, hash, row.seq]);
          prev = hash;
        }
      });
    });
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expect(findings[0]).toMatchObject({ kind: 'signature-forged', where: `audit row ${edited}` });
    await expectCommandLineNames(dataDir, `audit row ${edited}`);
  }, 60_000);

  it('names the log as rewritten when every signature is stripped to make the records look older than signing', async () => {
    const dataDir = await copyOfRecords();
    await asAttacker(dataDir, DEPUTY, async (db) => {
      await dropTriggers(db, 'audit_is_append_only_update');
      await db.transaction(async (tx) => {
        let prev: string | null = null;
        for (const row of await auditRowsAfter(tx, 0, 100_000)) {
          const next = { ...row, prev_hash: prev ?? row.prev_hash, states: null };
          const hash = hashRow(next);
          await tx.run('UPDATE audit SET states = NULL, signer_id = NULL, signature = NULL, prev_hash = ?, hash = ? WHERE seq = ?', [next.prev_hash, hash, row.seq]);
          prev = hash;
        }
      });
    });
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    // The first row written since signing began (the roster's own signed time says when) is named unsigned.
    expect(findings[0]).toMatchObject({ kind: 'unsigned', where: 'audit row 1' });
    expectFinding(findings, 'audit-altered', 'audit log');
    await expectCommandLineNames(dataDir, 'audit row 1');
  }, 60_000);
});

describe('d) pupils and the people on an incident are changed', () => {
  it('a pupil renamed with UPDATE pupils is named, without the name', async () => {
    const dataDir = await copyOfRecords();
    await asAttacker(dataDir, DEPUTY, async (db) => {
      await db.transaction((tx) => tx.run('UPDATE pupils SET first_name = ? WHERE id = ?', [RENAMED, ids.pupil]));
    });
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expectFinding(findings, 'row-changed', `pupil ${ids.pupil}`);
    expectNoNames(findings);
    await expectCommandLineNames(dataDir, `pupil ${ids.pupil}`);
  }, 60_000);

  it('a person’s roles on an incident changed with UPDATE incident_people are named', async () => {
    const dataDir = await copyOfRecords();
    await asAttacker(dataDir, DEPUTY, async (db) => {
      // The pupil pictured is recorded as the one who reported it instead.
      await db.transaction((tx) => tx.run(`UPDATE incident_people SET roles = '["reported"]' WHERE id = ?`, [ids.pictured]));
    });
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expectFinding(findings, 'row-changed', `person on an incident ${ids.pictured}`);
    await expectCommandLineNames(dataDir, `person on an incident ${ids.pictured}`);
  }, 60_000);
});

describe('e) rows added or deleted with no audit row', () => {
  it('an entry inserted with a correct content hash is named as added outside the app', async () => {
    const dataDir = await copyOfRecords();
    let added = 0;
    await asAttacker(dataDir, DEPUTY, async (db) => {
      await db.transaction(async (tx) => {
        const body = { ...review(0).body, reasons: 'Planted: the pupil was warned before.' };
        const entry = {
          entryKey: 'e-planted-0001',
          incidentId: ids.incident,
          kind: 'initial-review' as never,
          version: 1,
          supersedesId: null,
          occurredAt: '2026-11-21T09:00:00.000Z',
          recordedAt: '2026-11-21T09:05:00.000Z',
          authorId: ids.dsl,
          body: body as never,
          amendmentReason: null,
        };
        const result = await tx.run(
          `INSERT INTO entries (entry_key, incident_id, kind, version, supersedes, occurred_at, recorded_at, author_id, body, amendment_reason, content_hash)
           VALUES (?, ?, ?, 1, NULL, ?, ?, ?, ?, NULL, ?)`,
          [entry.entryKey, entry.incidentId, 'initial-review', entry.occurredAt, entry.recordedAt, entry.authorId, JSON.stringify(body), entryContentHash(entry)],
        );
        added = result.lastId;
      });
    });
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expect(findings.filter((f) => f.kind === 'entry-altered')).toEqual([]);
    expectFinding(findings, 'row-unrecorded', `entry ${added}`);
    await expectCommandLineNames(dataDir, `entry ${added}`);
  }, 60_000);

  it('a pupil inserted is named as added outside the app', async () => {
    const dataDir = await copyOfRecords();
    let added = 0;
    await asAttacker(dataDir, DEPUTY, async (db) => {
      const result = await db.transaction((tx) =>
        tx.run(
          `INSERT INTO pupils (first_name, last_name, date_of_birth, sex, year_group, sen, sen_details, looked_after, social_care, created_at, created_by, updated_at, updated_by)
           VALUES ('Wilfred', 'Quenby', '2011-01-01', 'male', '10', 0, '', 0, 'none', '2026-11-23T10:00:00.000Z', ?, '2026-11-23T10:00:00.000Z', ?)`,
          [ids.dsl, ids.dsl],
        ),
      );
      added = result.lastId;
    });
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expectFinding(findings, 'row-unrecorded', `pupil ${added}`);
    expect(JSON.stringify(findings)).not.toContain('Quenby');
    await expectCommandLineNames(dataDir, `pupil ${added}`);
  }, 60_000);

  it('a person deleted from an incident is named as deleted outside the app', async () => {
    const dataDir = await copyOfRecords();
    await asAttacker(dataDir, DEPUTY, async (db) => {
      await db.transaction((tx) => tx.run('DELETE FROM incident_people WHERE id = ?', [ids.reporter]));
    });
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expectFinding(findings, 'row-deleted', `person on an incident ${ids.reporter}`);
    await expectCommandLineNames(dataDir, `person on an incident ${ids.reporter}`);
  }, 60_000);
});

describe('f) forgeries signed with the attacker’s own key', () => {
  it('a roster version giving the deputy the DSL role, signed by the deputy: refused at sign-in, named by Verify', async () => {
    for (const claimedSigner of ['deputy', 'dsl'] as const) {
      const dataDir = await copyOfRecords();
      let forged = 0;
      await asAttacker(dataDir, DEPUTY, async (db, keys) => {
        await db.transaction(async (tx) => {
          const { versions } = await readVerifiedRoster(tx);
          const prev = versions[versions.length - 1]!;
          const self = prev.roster.members.find((m) => m.id === ids.deputy)!;
          const signerId = claimedSigner === 'deputy' ? ids.deputy : ids.dsl;
          const next = await appendRoster(tx, prev, withMember(prev.roster, { ...self, roles: ['deputy', 'dsl', 'head'] }), { id: signerId, keys }, new Date('2026-11-23T18:00:00Z'));
          forged = next.version;
          await tx.run(`UPDATE staff SET roles = '["deputy","dsl","head"]' WHERE id = ?`, [ids.deputy]);
          const states = Object.fromEntries([[`roster:${next.version}`, rowStateHash('roster', (await tx.get('SELECT * FROM roster WHERE version = ?', [next.version]))!)], await stateOf(tx, 'staff', ids.deputy)]);
          await appendForgedAudit(tx, keys, signerId, { action: 'staff.roles-changed', actorId: signerId, subjectType: 'staff', subjectId: ids.deputy }, states);
        });
      });

      // No one's roles can be trusted, so no one signs in: the app says why.
      const core = await newCore(dataDir);
      try {
        for (const person of [DEPUTY, DSL]) {
          const refused = expectError(await unlock(core, person), 'damaged');
          expect(refused.message).toMatch(/signed list of staff and roles in these records has been altered/);
        }
      } finally {
        await core.close();
      }
      // What the command line's Verify reports, read with the DSL's key.
      const findings = await verifyDirectly(dataDir);
      expectFinding(findings, 'roster-altered', `roster version ${forged}`);
      await expectCommandLineNames(dataDir, `roster version ${forged}`);
    }
  }, 120_000);

  it('an audit row claiming a DSL’s action, signed with the deputy’s key: named as not permitted or as a forged signature', async () => {
    for (const claim of ['acted-as-dsl', 'signed-as-dsl'] as const) {
      const dataDir = await copyOfRecords();
      let forged = 0;
      await asAttacker(dataDir, DEPUTY, async (db, keys) => {
        await db.transaction(async (tx) => {
          // The pupil renamed, and "the DSL" said to have done it.
          await tx.run('UPDATE pupils SET first_name = ? WHERE id = ?', [RENAMED, ids.pupil]);
          const states = Object.fromEntries([await stateOf(tx, 'pupils', ids.pupil)]);
          const signer = claim === 'acted-as-dsl' ? ids.deputy : ids.dsl;
          forged = await appendForgedAudit(tx, keys, signer, { action: 'pupil.updated', actorId: ids.dsl, subjectType: 'pupil', subjectId: ids.pupil }, states);
        });
      });
      const { ok, findings } = await verifyInApp(dataDir);
      expect(ok).toBe(false);
      expectFinding(findings, claim === 'acted-as-dsl' ? 'not-permitted' : 'signature-forged', `audit row ${forged}`);
      expectNoNames(findings);
      await expectCommandLineNames(dataDir, `audit row ${forged}`);
    }
  }, 120_000);
});

describe('a setting only a DSL may change, changed by a deputy', () => {
  it('is named whether or not the deputy signs an audit row for it', async () => {
    for (const vouched of [false, true]) {
      const dataDir = await copyOfRecords();
      await asAttacker(dataDir, DEPUTY, async (db, keys) => {
        await db.transaction(async (tx) => {
          // An hour before the screen locks, instead of the school's few minutes.
          await tx.run("UPDATE settings SET value = '60' WHERE key = 'lockMinutes'");
          if (!vouched) return;
          const row = (await tx.get("SELECT * FROM settings WHERE key = 'lockMinutes'"))!;
          await appendForgedAudit(tx, keys, ids.deputy, { action: 'settings.changed', actorId: ids.deputy }, { [stateKey('settings', 'lockMinutes')]: rowStateHash('settings', row) });
        });
      });
      const { ok, findings } = await verifyInApp(dataDir);
      expect(ok).toBe(false);
      expectFinding(findings, vouched ? 'not-permitted' : 'row-changed', 'setting lockMinutes');
      await expectCommandLineNames(dataDir, 'setting lockMinutes');
    }
  }, 120_000);
});

describe('a signature in another person’s name', () => {
  it('the DSL’s signature added to an entry by a deputy, under an audit row the deputy signs: named as forged', async () => {
    const dataDir = await copyOfRecords();
    let forged = 0;
    await asAttacker(dataDir, DEPUTY, async (db, keys) => {
      await db.transaction(async (tx) => {
        const entry = (await tx.get('SELECT content_hash FROM entries WHERE id = ?', [ids.signedEntry]))!;
        const result = await tx.run(
          `INSERT INTO signatures (entry_id, signer_id, signer_name, signer_role, meaning, signed_at, content_hash, witnessed_by)
           VALUES (?, ?, ?, 'Designated Safeguarding Lead', 'approved-review', '2026-11-23T17:00:00.000Z', ?, ?)`,
          [ids.signedEntry, ids.dsl, DSL.name, String(entry.content_hash), ids.deputy],
        );
        forged = result.lastId;
        const states = Object.fromEntries([await stateOf(tx, 'signatures', forged)]);
        await appendForgedAudit(tx, keys, ids.deputy, { action: 'entry.signed', actorId: ids.deputy, subjectType: 'entry', subjectId: ids.signedEntry }, states);
      });
    });
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expectFinding(findings, 'signature-forged', `signature ${forged}`);
    await expectCommandLineNames(dataDir, `signature ${forged}`);
  }, 60_000);
});

/** Verify as the command line runs it: the DSL's key slot, the database, verifyRecords. */
async function verifyDirectly(dataDir: string): Promise<Finding[]> {
  const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!slot.ok) throw new Error('the DSL should open their key slot');
  const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
  try {
    const result = await verifyRecords(db);
    expect(result.ok).toBe(false);
    return result.findings;
  } finally {
    await db.close();
    slot.dataKey.fill(0);
  }
}

describe('g) an incident destroyed outside the app (issue 20 item 5)', () => {
  /** The attack: a permit of the attacker's own, every row deleted as the app would, and an audit row signed with the attacker's key recording them deleted. */
  async function destroyWithRawSql(attacker: Person, signerId: number, action: 'records.destroyed' | 'incident.voided'): Promise<string> {
    const dataDir = await copyOfRecords();
    await asAttacker(dataDir, attacker, async (db, keys) => {
      await db.transaction(async (tx) => {
        const target = { kind: 'incident' as const, id: ids.incident };
        const states: Record<string, string> = {};
        for (const { table, rows } of await rowsToDestroy(tx, target)) {
          if (!(table in PROTECTED_TABLES)) continue;
          for (const row of rows) states[stateKey(table, String(row.id))] = DELETED;
        }
        await deleteDestroyedRows(tx, target);
        await appendForgedAudit(tx, keys, signerId, { action, actorId: signerId, subjectType: 'incident', subjectId: ids.incident }, states);
      });
    });
    return dataDir;
  }

  it('with a certificate signed by a deputy, not a DSL: named as destroyed without a certificate', async () => {
    const dataDir = await destroyWithRawSql(DEPUTY, ids.deputy, 'records.destroyed');
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expectFinding(findings, 'destroyed-without-certificate', `incident ${ids.incident}`);
    expectFinding(findings, 'destroyed-without-certificate', `entry ${ids.signedEntry}`);
    expectNoNames(findings);
    await expectCommandLineNames(dataDir, `incident ${ids.incident}`);
  }, 60_000);

  it('by a DSL under an audit row that is not a destruction certificate: named too', async () => {
    const dataDir = await destroyWithRawSql(DSL, ids.dsl, 'incident.voided');
    const { ok, findings } = await verifyInApp(dataDir);
    expect(ok).toBe(false);
    expectFinding(findings, 'destroyed-without-certificate', `incident ${ids.incident}`);
    expectFinding(findings, 'destroyed-without-certificate', `signature ${ids.signature}`);
  }, 60_000);
});
