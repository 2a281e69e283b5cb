// The audit log is hash-chained: the verifier must pass an intact log and, when any one
// row has been altered underneath the app (triggers dropped), name exactly that row.
// Runs on real SQLCipher files in a temp folder; no password work, so it stays quick.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, hashRow, verifyAuditChain } from '../../electron/core/audit/audit-log';
import { auditRowsAfter } from '../../electron/core/db/audit-queries';
import { Database, type Executor } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { newPersonKeys, signBytes } from '../../electron/core/vault/person-keys';

const ROWS = 1_050; // more than one page of the verifier's 1,000-row reads
const key = randomBytes(32);
let dir: string;
let original: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'records-test-'));
  original = join(dir, 'original.db');
  const db = await Database.open(original, key, { create: true });
  try {
    await migrate(db);
    // Every row is signed since decision 0017: this chain's by one fictional DSL.
    const keys = newPersonKeys();
    db.setSigner({ id: 1, sign: (text) => signBytes(keys, text) });
    await db.transaction(async (tx) => {
      await tx.run(`INSERT INTO staff (username, name, roles, created_at) VALUES ('mthistle', 'Marigold Thistlewood', '["dsl"]', ?)`, [
        '2026-11-23T09:00:00.000Z',
      ]);
      for (let i = 0; i < ROWS; i += 1) {
        await appendAudit(tx, {
          action: i % 3 === 0 ? 'login.success' : 'lock',
          actorId: 1,
          at: new Date(Date.UTC(2026, 10, 23, 9, 0, i)),
          subjectType: i % 5 === 0 ? 'staff' : undefined,
          subjectId: i % 5 === 0 ? 1 : undefined,
          details: { n: i, reason: 'button' },
        });
      }
    });
  } finally {
    await db.close();
  }
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Opens a fresh copy of the log with the append-only triggers dropped, and changes it. */
async function tampered(change: (tx: Executor) => Promise<unknown>): Promise<Database> {
  const file = join(dir, `copy-${randomBytes(4).toString('hex')}.db`);
  await copyFile(original, file);
  const db = await Database.open(file, key);
  await db.transaction(async (tx) => {
    await tx.exec('DROP TRIGGER audit_is_append_only_update; DROP TRIGGER audit_is_append_only_delete;');
    await change(tx);
  });
  return db;
}

async function verifyThenClose(db: Database) {
  try {
    return await verifyAuditChain(db);
  } finally {
    await db.close();
  }
}

describe('verifyAuditChain', () => {
  it('passes the intact log and counts every row', async () => {
    const db = await Database.open(original, key);
    expect(await verifyThenClose(db)).toEqual({ ok: true, rows: ROWS });
  });

  it('passes an empty log', async () => {
    const empty = await Database.open(join(dir, 'empty.db'), key, { create: true });
    await migrate(empty);
    expect(await verifyThenClose(empty)).toEqual({ ok: true, rows: 0 });
  });

  it.each([1, 2, 500, 1_000, 1_001, ROWS])('names row %i when its details were changed', async (seq) => {
    const db = await tampered((tx) => tx.run(`UPDATE audit SET details = '{"n":-1,"reason":"button"}' WHERE seq = ?`, [seq]));
    expect(await verifyThenClose(db)).toMatchObject({ ok: false, firstBrokenSeq: seq, rows: seq - 1 });
  });

  it.each([
    ['its time', "at = '2027-01-01T00:00:00.000Z'"],
    ['who did it', 'actor_id = NULL'],
    ['what was done', "action = 'audit.verified'"],
    ['what it was about', "subject_type = 'pupil', subject_id = '9'"],
  ])('names the row when %s was changed', async (_label, assignment) => {
    const db = await tampered((tx) => tx.run(`UPDATE audit SET ${assignment} WHERE seq = 77`));
    expect(await verifyThenClose(db)).toMatchObject({ ok: false, firstBrokenSeq: 77 });
  });

  it('names the next row when a row was changed and its own hash recomputed to match', async () => {
    // Someone who knows the algorithm rewrites row 40 and gives it a valid hash of its new
    // content; row 41 still carries the old hash as its link, so the chain breaks there.
    const db = await tampered(async (tx) => {
      const [row] = await auditRowsAfter(tx, 39, 1);
      if (!row) throw new Error('row 40 should exist');
      const details = '{"n":-1,"reason":"button"}';
      const hash = hashRow({ ...row, details });
      await tx.run('UPDATE audit SET details = ?, hash = ? WHERE seq = 40', [details, hash]);
    });
    expect(await verifyThenClose(db)).toMatchObject({ ok: false, firstBrokenSeq: 41 });
  });

  it('names a deleted row as missing', async () => {
    const db = await tampered((tx) => tx.run('DELETE FROM audit WHERE seq = 300'));
    const result = await verifyThenClose(db);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 300 });
    if (!result.ok) expect(result.reason).toMatch(/missing/);
  });

  it('names a row appended by hand that does not link to the row before it', async () => {
    const db = await tampered((tx) =>
      tx.run(
        `INSERT INTO audit (seq, at, actor_id, action, subject_type, subject_id, details, prev_hash, hash)
         VALUES (?, '2026-11-23T10:00:00.000Z', 1, 'lock', NULL, NULL, '{}', ?, ?)`,
        [ROWS + 1, 'f'.repeat(64), 'e'.repeat(64)],
      ),
    );
    expect(await verifyThenClose(db)).toMatchObject({ ok: false, firstBrokenSeq: ROWS + 1 });
  });
});
