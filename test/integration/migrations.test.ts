// Migrations: each one keeps the rows written under the schema before it and leaves a
// working schema; all pending steps run in one transaction; the result is snapshotted so
// any change to the schema is a reviewed change.
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/core/audit/audit-log';
import { Database, type Executor, type Row } from '../../electron/core/db/connection';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations/index';
import { makeTempDir } from './helpers/temp-dir';
import { newPersonKeys, signBytes } from '../../electron/core/vault/person-keys';
import { verifyAuditChain } from '../../electron/core/audit/audit-log';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { rowStateHash } from '../../electron/core/integrity/row-state';

let dir: string;
let remove: () => Promise<void>;
let db: Database;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
  db = await Database.open(join(dir, 'records.db'), randomBytes(32), { create: true });
  // Audit rows are signed since decision 0017; these checks' by one fictional DSL.
  const keys = newPersonKeys();
  db.setSigner({ id: 1, sign: (text) => signBytes(keys, text) });
});

afterEach(async () => {
  await db.close();
  await remove();
});

async function tableNames(source: Pick<Executor, 'all'>): Promise<string[]> {
  const rows = await source.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  return rows.map((row) => String(row.name));
}

const AT = '2026-11-23T09:00:00.000Z';

/** A DSL (id 1) and one incident (id 1) in the version 2 schema, for later migrations' checks. */
async function insertDslAndIncident(tx: Executor): Promise<void> {
  await tx.run(`INSERT INTO staff (id, username, name, roles, created_at) VALUES (1, 'mthistle', 'Marigold Thistlewood', '["dsl"]', ?)`, [AT]);
  await tx.run(
    `INSERT INTO incidents (id, reference, ref_year, ref_number, title, came_to_attention_on, kind, media, sharing,
       created_at, created_by, updated_at, updated_by)
     VALUES (1, 'YPSI-2026-001', 2026, 1, 'Image shared in a group chat', '2026-11-23', 'shared-on', 'photo', 'shared', ?, 1, ?, 1)`,
    [AT, AT],
  );
}
const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * For each migration N: rows written with the schema of N-1 (plain SQL of that version,
 * not today's query modules), and what must hold after N ran. A new migration needs an entry.
 */
const CHECKS: Record<number, { seed: (tx: Executor) => Promise<Row[]>; verify: (db: Database, seeded: Row[]) => Promise<void> }> = {
  1: {
    // Nothing exists before the first migration.
    seed: async (tx) => {
      expect(await tableNames(tx)).toEqual([]);
      return [];
    },
    verify: async (db) => {
      await db.transaction(async (tx) => {
        await tx.run("INSERT INTO settings (key, value) VALUES ('schoolName', 'Quillfeather Academy')");
        await tx.run(
          `INSERT INTO staff (username, name, roles, created_at) VALUES ('mthistle', 'Marigold Thistlewood', '["dsl"]', ?)`,
          [AT],
        );
        // Plain SQL of this version: today's appendAudit writes columns migration 9 adds.
        await tx.run("INSERT INTO audit (seq, at, actor_id, action, details, prev_hash, hash) VALUES (1, ?, 1, 'setup', '{}', ?, ?)", [
          AT,
          '0'.repeat(64),
          hash('setup'),
        ]);
        // Usernames are unique whatever their case; roles must be a JSON array; STRICT types.
        await expect(
          tx.run(`INSERT INTO staff (username, name, roles, created_at) VALUES ('MTHISTLE', 'Someone Else', '["head"]', ?)`, [AT]),
        ).rejects.toThrow(/UNIQUE/);
        await expect(
          tx.run(`INSERT INTO staff (username, name, roles, created_at) VALUES ('bhollow', 'Barnaby Hollowell', 'head', ?)`, [AT]),
        ).rejects.toThrow(/CHECK/);
        await expect(tx.run("INSERT INTO settings (key, value) VALUES ('lockMinutes', ?)", [Buffer.from('x')])).rejects.toThrow();
      });
      expect(await db.all('SELECT username, name, roles, active FROM staff')).toEqual([
        { username: 'mthistle', name: 'Marigold Thistlewood', roles: '["dsl"]', active: 1 },
      ]);
      expect(await db.all('SELECT seq, action, actor_id FROM audit')).toEqual([{ seq: 1, action: 'setup', actor_id: 1 }]);
    },
  },
  2: {
    seed: async (tx) => {
      await tx.run("INSERT INTO settings (key, value) VALUES ('schoolName', 'Quillfeather Academy'), ('lockMinutes', '12')");
      await tx.run(
        `INSERT INTO staff (id, username, name, roles, active, created_at, created_by) VALUES
           (1, 'mthistle', 'Marigold Thistlewood', '["dsl","head"]', 1, ?, NULL),
           (2, 'ofair', 'Odette Fairweather', '["deputy"]', 0, ?, 1)`,
        [AT, AT],
      );
      await tx.run(
        `INSERT INTO audit (seq, at, actor_id, action, subject_type, subject_id, details, prev_hash, hash)
         VALUES (1, ?, 1, 'setup', 'staff', '1', '{}', ?, ?)`,
        [AT, '0'.repeat(64), hash('one')],
      );
      return [
        ...(await tx.all('SELECT * FROM settings ORDER BY key')),
        ...(await tx.all('SELECT * FROM staff ORDER BY id')),
        ...(await tx.all('SELECT * FROM audit ORDER BY seq')),
      ];
    },
    verify: async (db, seeded) => {
      expect([
        ...(await db.all('SELECT * FROM settings ORDER BY key')),
        ...(await db.all('SELECT * FROM staff ORDER BY id')),
        ...(await db.all('SELECT * FROM audit ORDER BY seq')),
      ]).toEqual(seeded);

      const body = JSON.stringify({ account: 'Disclosed to form tutor at break.' });
      const contentHash = hash(body);
      await db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO pupils (id, first_name, last_name, date_of_birth, sex, year_group, sen, looked_after, social_care,
             created_at, created_by, updated_at, updated_by)
           VALUES (1, 'Juniper', 'Ashcombe', '2012-03-14', 'female', 'Year 9', 0, 0, 'none', ?, 1, ?, 1)`,
          [AT, AT],
        );
        await tx.run(
          `INSERT INTO incidents (id, reference, ref_year, ref_number, title, came_to_attention_on, kind, media, sharing,
             created_at, created_by, updated_at, updated_by)
           VALUES (1, 'YP-2026-001', 2026, 1, 'Image shared in a group chat', '2026-11-23', 'shared-on', 'photo', 'shared', ?, 1, ?, 1)`,
          [AT, AT],
        );
        await tx.run(
          `INSERT INTO incident_people (incident_id, pupil_id, roles, added_at, added_by, updated_at, updated_by)
           VALUES (1, 1, '["pictured"]', ?, 1, ?, 1)`,
          [AT, AT],
        );
        await tx.run(
          `INSERT INTO entries (id, entry_key, incident_id, kind, version, occurred_at, recorded_at, author_id, body, content_hash)
           VALUES (1, 'e1', 1, 'disclosure', 1, ?, ?, 1, ?, ?)`,
          [AT, AT, body, contentHash],
        );
        await tx.run(
          `INSERT INTO signatures (entry_id, signer_id, signer_name, signer_role, meaning, signed_at, content_hash, witnessed_by)
           VALUES (1, 1, 'Marigold Thistlewood', 'dsl', 'accurate', ?, ?, 1)`,
          [AT, contentHash],
        );
      });
      // Rows written before the migration are referenced by the new tables.
      expect(await db.all('SELECT p.first_name, s.name FROM pupils p JOIN staff s ON s.id = p.created_by')).toEqual([
        { first_name: 'Juniper', name: 'Marigold Thistlewood' },
      ]);
      // Foreign keys hold, a signed entry cannot change, a signature must cover its version.
      await expect(
        db.transaction((tx) =>
          tx.run(
            `INSERT INTO pupils (first_name, last_name, date_of_birth, sex, year_group, sen, looked_after, social_care,
               created_at, created_by, updated_at, updated_by)
             VALUES ('Rowan', 'Pembridge', '2011-01-01', 'male', 'Year 10', 0, 0, 'none', ?, 99, ?, 99)`,
            [AT, AT],
          ),
        ),
      ).rejects.toThrow(/FOREIGN KEY/);
      await expect(db.transaction((tx) => tx.run("UPDATE entries SET body = '{}' WHERE id = 1"))).rejects.toThrow(/signed_entry_locked/);
      await expect(
        db.transaction((tx) =>
          tx.run(
            `INSERT INTO signatures (entry_id, signer_id, signer_name, signer_role, meaning, signed_at, content_hash, witnessed_by)
             VALUES (1, 2, 'Odette Fairweather', 'deputy', 'present', ?, ?, 1)`,
            [AT, hash('something else')],
          ),
        ),
      ).rejects.toThrow(/signature_mismatch/);
    },
  },
  3: {
    // Entries written before the search index existed are indexed by the migration itself.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      const body = JSON.stringify({
        source: 'young_person',
        toldTo: 'Marigold Thistlewood',
        means: 'in_person',
        whatWasSaid: 'Juniper said the photo was on Snapchat since Tuesday.',
        immediateActions: '',
        when: '2026-11-23',
      });
      await tx.run(
        `INSERT INTO entries (id, entry_key, incident_id, kind, version, occurred_at, recorded_at, author_id, body, content_hash)
         VALUES (1, 'e1', 1, 'disclosure', 1, ?, ?, 1, ?, ?)`,
        [AT, AT, body, hash(body)],
      );
      return tx.all('SELECT * FROM entries ORDER BY id');
    },
    verify: async (db, seeded) => {
      expect(await db.all('SELECT * FROM entries ORDER BY id')).toEqual(seeded);
      // The words of the body, not its stored choices ("young_person", "in_person") or dates.
      expect(await db.all('SELECT entry_id, text FROM entry_text')).toEqual([
        { entry_id: 1, text: 'Marigold Thistlewood Juniper said the photo was on Snapchat since Tuesday.' },
      ]);
      const find = (query: string) => db.all('SELECT rowid AS id FROM entry_search WHERE entry_search MATCH ? ORDER BY rowid', [query]);
      expect(await find('"snap"*')).toEqual([{ id: 1 }]);
      expect(await find('"person"*')).toEqual([]);

      // Entries added after the migration are indexed as they are written.
      const body = JSON.stringify({ withWhom: 'Zoë Ashcombe', byWhom: 'Marigold Thistlewood', summary: 'Talked about the trampoline club.', supportOffered: '' });
      await db.transaction((tx) =>
        tx.run(
          `INSERT INTO entries (id, entry_key, incident_id, kind, version, occurred_at, recorded_at, author_id, body, content_hash)
           VALUES (2, 'e2', 1, 'conversation', 1, ?, ?, 1, ?, ?)`,
          [AT, AT, body, hash(body)],
        ),
      );
      expect(await find('"trampoline"*')).toEqual([{ id: 2 }]);
      expect(await find('"zoe"*')).toEqual([{ id: 2 }]);
      expect(await find('"marigold"*')).toEqual([{ id: 1 }, { id: 2 }]);

      // Like the entries they come from, the indexed words never change.
      await expect(db.transaction((tx) => tx.run("UPDATE entry_text SET text = 'x' WHERE entry_id = 1"))).rejects.toThrow(/entry_immutable/);
      await expect(db.transaction((tx) => tx.run('DELETE FROM entry_text WHERE entry_id = 1'))).rejects.toThrow(/entry_immutable/);
      const plan = await db.all('EXPLAIN QUERY PLAN SELECT id FROM entries ORDER BY occurred_at DESC LIMIT 10');
      expect(plan.map((row) => String(row.detail)).join('\n')).toContain('entries_by_occurred');
    },
  },
  4: {
    // Only an index: the people already recorded are untouched, and are now found by incident without a scan.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      await tx.run(
        `INSERT INTO incident_people (id, incident_id, other_kind, other_name, roles, added_at, added_by, updated_at, updated_by)
         VALUES (1, 1, 'young_person', 'Rowan Pennyfeather', '["received"]', ?, 1, ?, 1)`,
        [AT, AT],
      );
      return tx.all('SELECT * FROM incident_people ORDER BY id');
    },
    verify: async (db, seeded) => {
      expect(await db.all('SELECT * FROM incident_people ORDER BY id')).toEqual(seeded);
      const plan = await db.all('EXPLAIN QUERY PLAN SELECT id FROM incident_people WHERE incident_id = 1 ORDER BY id');
      expect(plan.map((row) => String(row.detail)).join('\n')).toContain('incident_people_by_incident');
    },
  },
  5: {
    // People already recorded stay on their incidents (not removed); a removal keeps the row,
    // and the pupil it removed can be added again.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      await tx.run(
        `INSERT INTO pupils (id, first_name, last_name, date_of_birth, sex, year_group, sen, looked_after, social_care,
           created_at, created_by, updated_at, updated_by)
         VALUES (1, 'Juniper', 'Ashcombe', '2012-03-14', 'female', '9', 0, 0, 'none', ?, 1, ?, 1)`,
        [AT, AT],
      );
      await tx.run(
        `INSERT INTO incident_people (id, incident_id, pupil_id, roles, added_at, added_by, updated_at, updated_by)
         VALUES (1, 1, 1, '["pictured"]', ?, 1, ?, 1)`,
        [AT, AT],
      );
      return tx.all('SELECT * FROM incident_people ORDER BY id');
    },
    verify: async (db, seeded) => {
      expect(await db.all('SELECT * FROM incident_people ORDER BY id')).toEqual(
        seeded.map((row) => ({ ...row, removed_at: null, removed_by: null, removal_reason: null })),
      );
      const addAgain = (tx: Executor) =>
        tx.run(
          `INSERT INTO incident_people (incident_id, pupil_id, roles, added_at, added_by, updated_at, updated_by)
           VALUES (1, 1, '["received"]', ?, 1, ?, 1)`,
          [AT, AT],
        );
      await expect(db.transaction(addAgain)).rejects.toThrow(/UNIQUE/);
      // A removal is all three of when, by whom and why, or nothing.
      await expect(db.transaction((tx) => tx.run('UPDATE incident_people SET removed_at = ? WHERE id = 1', [AT]))).rejects.toThrow(/CHECK/);
      await db.transaction((tx) => tx.run("UPDATE incident_people SET removed_at = ?, removed_by = 1, removal_reason = 'Added in error' WHERE id = 1", [AT]));
      await db.transaction(addAgain);
      expect(await db.all('SELECT pupil_id, removed_at FROM incident_people ORDER BY id')).toEqual([
        { pupil_id: 1, removed_at: AT },
        { pupil_id: 1, removed_at: null },
      ]);
    },
  },
  6: {
    // Incidents keep their rows; one closed before the migration gets its closure in the history.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      await tx.run(
        `INSERT INTO incidents (id, reference, ref_year, ref_number, title, status, came_to_attention_on, kind, media, sharing,
           created_at, created_by, updated_at, updated_by)
         VALUES (2, 'YPSI-2026-002', 2026, 2, 'Photo found on a school laptop', 'closed', '2026-10-02', 'possessed', 'photo', 'not_shared', ?, 1, '2026-10-20T15:00:00.000Z', 1)`,
        [AT],
      );
      return tx.all('SELECT * FROM incidents ORDER BY id');
    },
    verify: async (db, seeded) => {
      expect(await db.all('SELECT * FROM incidents ORDER BY id')).toEqual(seeded.map((row) => ({ ...row, voided: 0 })));
      expect(await db.all('SELECT incident_id, change, changed_at, changed_by, reason FROM incident_status_changes')).toEqual([
        { incident_id: 2, change: 'closed', changed_at: '2026-10-20T15:00:00.000Z', changed_by: 1, reason: '' },
      ]);
      await db.transaction(async (tx) => {
        await tx.run(`INSERT INTO incident_versions (incident_id, changed_at, changed_by, reason, before, after) VALUES (1, ?, 1, 'Typo', '{}', '{}')`, [AT]);
        await tx.run('UPDATE incidents SET voided = 1 WHERE id = 1');
      });
      // The history is append-only, a correction needs a reason, and a voided incident stays voided.
      await expect(db.transaction((tx) => tx.run("UPDATE incident_versions SET reason = 'x'"))).rejects.toThrow(/incident_history_immutable/);
      await expect(db.transaction((tx) => tx.run('DELETE FROM incident_status_changes'))).rejects.toThrow(/incident_history_immutable/);
      await expect(
        db.transaction((tx) => tx.run(`INSERT INTO incident_versions (incident_id, changed_at, changed_by, reason, before, after) VALUES (1, ?, 1, ' ', '{}', '{}')`, [AT])),
      ).rejects.toThrow(/CHECK/);
      await expect(db.transaction((tx) => tx.run('UPDATE incidents SET voided = 0 WHERE id = 1'))).rejects.toThrow(/incident_voided/);
    },
  },
  7: {
    // Entries recorded before search knew word forms are found by any form of their words once migrated.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      const bodies = [
        { withWhom: 'Juniper Ashcombe', byWhom: 'Marigold Thistlewood', summary: 'Juniper said she was blackmailed for more photos.', supportOffered: '' },
        { withWhom: 'Rowan Pennyfeather', byWhom: 'Marigold Thistlewood', summary: 'An older pupil is blackmailing him on Snapchat.', supportOffered: '' },
        { withWhom: 'A parent', byWhom: 'Marigold Thistlewood', summary: 'Worried the sender blackmails other children; threatening messages seen.', supportOffered: '' },
        { withWhom: 'Form tutor', byWhom: 'Marigold Thistlewood', summary: 'No concerns about the trampoline club.', supportOffered: '' },
      ].map((body) => JSON.stringify(body));
      for (const [i, body] of bodies.entries()) {
        await tx.run(
          `INSERT INTO entries (id, entry_key, incident_id, kind, version, occurred_at, recorded_at, author_id, body, content_hash)
           VALUES (?, ?, 1, 'conversation', 1, ?, ?, 1, ?, ?)`,
          [i + 1, `e${i + 1}`, AT, AT, body, hash(body)],
        );
      }
      return [...(await tx.all('SELECT * FROM entries ORDER BY id')), ...(await tx.all('SELECT * FROM entry_text ORDER BY entry_id'))];
    },
    verify: async (db, seeded) => {
      expect([...(await db.all('SELECT * FROM entries ORDER BY id')), ...(await db.all('SELECT * FROM entry_text ORDER BY entry_id'))]).toEqual(seeded);
      const find = async (query: string) => (await db.all('SELECT rowid AS id FROM entry_search WHERE entry_search MATCH ? ORDER BY rowid', [query])).map((r) => r.id);
      // Every form finds every other: the index holds stems, and a search word is stemmed too.
      for (const word of ['blackmail', 'blackmailed', 'blackmailing', 'blackmails']) expect(await find(`"${word}"*`), word).toEqual([1, 2, 3]);
      expect(await find('"threatened"*')).toEqual([3]);
      expect(await find('"trampolines"*')).toEqual([4]);
      expect(await find('"snap"*')).toEqual([2]);
      await db.transaction((tx) => tx.run("INSERT INTO entry_search (entry_search, rank) VALUES ('integrity-check', 1)"));

      // Entries written after the migration are indexed by stem as they are written.
      const body = JSON.stringify({ withWhom: 'Juniper Ashcombe', byWhom: 'Marigold Thistlewood', summary: 'The threats stopped once the police spoke to him.', supportOffered: '' });
      await db.transaction((tx) =>
        tx.run(
          `INSERT INTO entries (id, entry_key, incident_id, kind, version, occurred_at, recorded_at, author_id, body, content_hash)
           VALUES (5, 'e5', 1, 'conversation', 1, ?, ?, 1, ?, ?)`,
          [AT, AT, body, hash(body)],
        ),
      );
      expect(await find('"stopping"*')).toEqual([5]);
      expect(await find('"juniper"*')).toEqual([1, 5]);
    },
  },
  8: {
    // Accounts made before keep their passwords as their own: nobody is recorded as having set them.
    seed: async (tx) => {
      await tx.run(`INSERT INTO staff (id, username, name, roles, created_at) VALUES (1, 'mthistle', 'Marigold Thistlewood', '["dsl"]', ?)`, [AT]);
      await tx.run(`INSERT INTO staff (id, username, name, roles, created_at, created_by) VALUES (2, 'bhollow', 'Barnaby Hollowell', '["head"]', ?, 1)`, [AT]);
      return tx.all('SELECT * FROM staff ORDER BY id');
    },
    verify: async (db, seeded) => {
      const after = await db.all('SELECT * FROM staff ORDER BY id');
      expect(after).toEqual(seeded.map((row) => ({ ...row, password_set_by: null, password_set_at: null })));
      // Who set it and when can be written once the columns exist.
      await db.transaction((tx) => tx.run('UPDATE staff SET password_set_by = 1, password_set_at = ? WHERE id = 2', [AT]));
      expect(await db.get('SELECT password_set_by, password_set_at FROM staff WHERE id = 2')).toEqual({ password_set_by: 1, password_set_at: AT });
    },
  },
  9: {
    // Audit rows written before signing began keep their content and their hashes: the chain
    // verifies as it always did, and the new columns are empty on them.
    seed: async (tx) => {
      await tx.run(`INSERT INTO staff (id, username, name, roles, created_at) VALUES (1, 'mthistle', 'Marigold Thistlewood', '["dsl"]', ?)`, [AT]);
      let prev = '0'.repeat(64);
      for (let seq = 1; seq <= 3; seq += 1) {
        const content = { seq, at: AT, actor_id: 1, action: 'login.success', subject_type: null, subject_id: null, details: '{}' };
        const rowHash = createHash('sha256').update(prev).update('\n').update(canonicalJson(content)).digest('hex');
        await tx.run('INSERT INTO audit (seq, at, actor_id, action, subject_type, subject_id, details, prev_hash, hash) VALUES (?, ?, 1, ?, NULL, NULL, ?, ?, ?)', [
          seq,
          AT,
          'login.success',
          '{}',
          prev,
          rowHash,
        ]);
        prev = rowHash;
      }
      return tx.all('SELECT * FROM audit ORDER BY seq');
    },
    verify: async (db, seeded) => {
      expect(await db.all('SELECT * FROM audit ORDER BY seq')).toEqual(seeded.map((row) => ({ ...row, states: null, signer_id: null, signature: null })));
      expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 3 });
      // A new row follows them, signed and linked.
      await db.transaction((tx) => appendAudit(tx, { action: 'lock', actorId: 1, at: new Date(AT), details: { reason: 'button' } }));
      expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 4 });
      expect(await db.get('SELECT signer_id FROM audit WHERE seq = 4')).toEqual({ signer_id: 1 });
      // The roster is append-only like the audit log.
      expect(await tableNames(db)).toContain('roster');
      await db.transaction((tx) =>
        tx.run("INSERT INTO roster (version, at, signer_id, members, recovery, prev_hash, hash, signature) VALUES (1, ?, 1, '[]', 'null', 'p', 'h', 's')", [AT]),
      );
      await expect(db.transaction((tx) => tx.run("UPDATE roster SET members = '[1]'"))).rejects.toThrow(/roster versions cannot be changed/);
      await expect(db.transaction((tx) => tx.run('DELETE FROM roster'))).rejects.toThrow(/roster versions cannot be deleted/);
    },
  },
  10: {
    // The people table is rebuilt for the new kinds: every row comes across as it was, and
    // hashes as the audit recorded it, so Verify still finds nothing changed (decision 0022).
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      await tx.run(
        `INSERT INTO pupils (id, first_name, last_name, date_of_birth, sex, year_group, sen, looked_after, social_care,
           created_at, created_by, updated_at, updated_by)
         VALUES (1, 'Juniper', 'Ashcombe', '2012-03-14', 'female', '9', 0, 0, 'none', ?, 1, ?, 1)`,
        [AT, AT],
      );
      await tx.run(
        `INSERT INTO incident_people (id, incident_id, pupil_id, roles, added_at, added_by, updated_at, updated_by) VALUES (1, 1, 1, '["pictured"]', ?, 1, ?, 1)`,
        [AT, AT],
      );
      await tx.run(
        `INSERT INTO incident_people (id, incident_id, other_kind, other_name, other_age, other_date_of_birth, other_sex, other_setting,
           other_relationship, roles, added_at, added_by, updated_at, updated_by, removed_at, removed_by, removal_reason)
         VALUES (2, 1, 'young_person', 'Rowan Pennyfeather', 15, '', 'male', 'Larkspur College', '', '["received"]', ?, 1, ?, 1, ?, 1, 'Added in error')`,
        [AT, AT, AT],
      );
      return tx.all('SELECT * FROM incident_people ORDER BY id');
    },
    verify: async (db, seeded) => {
      const after = await db.all('SELECT * FROM incident_people ORDER BY id');
      expect(after).toEqual(seeded.map((row) => ({ ...row, other_group_size: null })));
      expect(after.map((row) => rowStateHash('incident_people', row))).toEqual(seeded.map((row) => rowStateHash('incident_people', row)));
      const add = (kind: string, groupSize: number | null) => (tx: Executor) =>
        tx.run(
          `INSERT INTO incident_people (incident_id, other_kind, other_name, other_group_size, roles, added_at, added_by, updated_at, updated_by)
           VALUES (1, ?, 'someone', ?, '["received"]', ?, 1, ?, 1)`,
          [kind, groupSize, AT, AT],
        );
      await db.transaction(add('online-account', null));
      await db.transaction(add('group', 100));
      // A group has its number; no one else has one.
      await expect(db.transaction(add('group', null))).rejects.toThrow(/CHECK/);
      await expect(db.transaction(add('adult', 3))).rejects.toThrow(/CHECK/);
      await expect(db.transaction(add('alien', null))).rejects.toThrow(/CHECK/);
      // The indexes came across: a pupil once per incident, people found by incident without a scan.
      await expect(
        db.transaction((tx) => tx.run(`INSERT INTO incident_people (incident_id, pupil_id, roles, added_at, added_by, updated_at, updated_by) VALUES (1, 1, '["sent"]', ?, 1, ?, 1)`, [AT, AT])),
      ).rejects.toThrow(/UNIQUE/);
      const plan = await db.all('EXPLAIN QUERY PLAN SELECT id FROM incident_people WHERE incident_id = 1 ORDER BY id');
      expect(plan.map((row) => String(row.detail)).join('\n')).toContain('incident_people_by_incident');
    },
  },
  11: {
    // Incidents opened before keep every fact and reached the school the usual way; only the
    // sources the app knows can be stored.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      return tx.all('SELECT * FROM incidents ORDER BY id');
    },
    verify: async (db, seeded) => {
      const after = await db.all('SELECT * FROM incidents ORDER BY id');
      expect(after).toEqual(seeded.map((row) => ({ ...row, source: 'school', source_agency: '', source_reference: '' })));
      // Incidents recorded before still hash as the audit recorded them (decision 0022).
      expect(after.map((row) => rowStateHash('incidents', row))).toEqual(seeded.map((row) => rowStateHash('incidents', row)));
      await db.transaction((tx) => tx.run("UPDATE incidents SET source = 'police', source_agency = 'PC Fictional', source_reference = 'FIC/1' WHERE id = 1"));
      await expect(db.transaction((tx) => tx.run("UPDATE incidents SET source = 'a rumour' WHERE id = 1"))).rejects.toThrow(/CHECK constraint failed/);
    },
  },
  12: {
    // The incidents table is rebuilt to take the kind 'sexual-extortion' (decision 0021). Every
    // incident, and every row that refers to one, comes across as it was and still hashes as the
    // audit recorded it; the references, the index, the unique references and the voided
    // trigger all still hold.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      await tx.run(
        `INSERT INTO incidents (id, reference, ref_year, ref_number, title, status, came_to_attention_on, imagery_date, kind, media, services,
           sharing, sharing_details, police_matter, created_at, created_by, updated_at, updated_by, voided, source, source_agency, source_reference)
         VALUES (2, 'YPSI-2026-002', 2026, 2, 'Photo sent by a coach', 'closed', '2026-10-02', '2026-09-30', 'adult-shared', 'both', '["Instagram"]',
           'shared', 'To two friends', 1, ?, 1, ?, 1, 1, 'police', 'PC Fictional Brackenbury', 'FIC/26/1')`,
        [AT, AT],
      );
      await tx.run(
        `INSERT INTO pupils (id, first_name, last_name, date_of_birth, sex, year_group, sen, looked_after, social_care,
           created_at, created_by, updated_at, updated_by)
         VALUES (1, 'Juniper', 'Ashcombe', '2012-03-14', 'female', '9', 0, 0, 'none', ?, 1, ?, 1)`,
        [AT, AT],
      );
      await tx.run(`INSERT INTO incident_people (id, incident_id, pupil_id, roles, added_at, added_by, updated_at, updated_by) VALUES (1, 1, 1, '["pictured"]', ?, 1, ?, 1)`, [AT, AT]);
      const body = JSON.stringify({ withWhom: 'Juniper Ashcombe', byWhom: 'Marigold Thistlewood', summary: 'Talked it through.', supportOffered: '' });
      await tx.run(
        `INSERT INTO entries (id, entry_key, incident_id, kind, version, occurred_at, recorded_at, author_id, body, content_hash)
         VALUES (1, 'e1', 2, 'conversation', 1, ?, ?, 1, ?, ?)`,
        [AT, AT, body, hash(body)],
      );
      await tx.run(
        `INSERT INTO signatures (entry_id, signer_id, signer_name, signer_role, meaning, signed_at, content_hash, witnessed_by)
         VALUES (1, 1, 'Marigold Thistlewood', 'dsl', 'accurate', ?, ?, 1)`,
        [AT, hash(body)],
      );
      await tx.run(`INSERT INTO incident_versions (incident_id, changed_at, changed_by, reason, before, after) VALUES (2, ?, 1, 'Typo', '{}', '{}')`, [AT]);
      await tx.run(`INSERT INTO incident_status_changes (incident_id, change, changed_at, changed_by) VALUES (2, 'voided', ?, 1)`, [AT]);
      return tx.all('SELECT * FROM incidents ORDER BY id');
    },
    verify: async (db, seeded) => {
      const after = await db.all('SELECT * FROM incidents ORDER BY id');
      expect(after).toEqual(seeded);
      // Same columns in the same order, so every incident still hashes as the audit recorded it (decision 0017).
      expect(after.map((row) => Object.keys(row))).toEqual(seeded.map((row) => Object.keys(row)));
      expect(after.map((row) => rowStateHash('incidents', row))).toEqual(seeded.map((row) => rowStateHash('incidents', row)));
      expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
      expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
      // The rows that refer to incidents still find them.
      expect(await db.all('SELECT e.id, i.reference FROM entries e JOIN incidents i ON i.id = e.incident_id')).toEqual([{ id: 1, reference: 'YPSI-2026-002' }]);

      await db.transaction((tx) =>
        tx.run(
          `INSERT INTO incidents (id, reference, ref_year, ref_number, title, came_to_attention_on, kind, media, sharing, police_matter,
             created_at, created_by, updated_at, updated_by)
           VALUES (3, 'YPSI-2026-003', 2026, 3, 'Threat to share unless paid', '2026-11-23', 'sexual-extortion', 'photo', 'not_known', 1, ?, 1, ?, 1)`,
          [AT, AT],
        ),
      );
      const incident = (kind: string, number: number) => (tx: Executor) =>
        tx.run(
          `INSERT INTO incidents (reference, ref_year, ref_number, title, came_to_attention_on, kind, media, sharing, created_at, created_by, updated_at, updated_by)
           VALUES (?, 2026, ?, 'Another', '2026-11-23', ?, 'photo', 'shared', ?, 1, ?, 1)`,
          [`YPSI-2026-00${number}`, number, kind, AT, AT],
        );
      await expect(db.transaction(incident('blackmail', 4))).rejects.toThrow(/CHECK/);
      await expect(db.transaction(incident('self-shared', 3))).rejects.toThrow(/UNIQUE/);
      // Foreign keys into incidents are enforced again, and the voided trigger came back.
      await expect(
        db.transaction((tx) => tx.run(`INSERT INTO incident_people (incident_id, pupil_id, roles, added_at, added_by, updated_at, updated_by) VALUES (99, 1, '["sent"]', ?, 1, ?, 1)`, [AT, AT])),
      ).rejects.toThrow(/FOREIGN KEY/);
      await expect(db.transaction((tx) => tx.run('DELETE FROM incidents WHERE id = 1'))).rejects.toThrow(/FOREIGN KEY/);
      await expect(db.transaction((tx) => tx.run('UPDATE incidents SET voided = 0 WHERE id = 2'))).rejects.toThrow(/incident_voided/);
      const plan = await db.all("EXPLAIN QUERY PLAN SELECT id FROM incidents WHERE status = 'open' ORDER BY came_to_attention_on");
      expect(plan.map((row) => String(row.detail)).join('\n')).toContain('incidents_by_status');
    },
  },
  13: {
    // Drafts (decision 0023): nothing to carry over; one per person and form, plain JSON only,
    // and nothing else in the records changes.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      return tx.all('SELECT * FROM incidents ORDER BY id');
    },
    verify: async (db, seeded) => {
      expect(await db.all('SELECT * FROM incidents ORDER BY id')).toEqual(seeded);
      const save = (key: string, json: string) =>
        db.transaction((tx) => tx.run("INSERT INTO drafts (staff_id, form_key, incident_id, description, values_json, saved_at) VALUES (1, ?, 1, 'a disclosure on YPSI-2026-001', ?, '2026-11-23T10:42:00.000Z')", [key, json]));
      await save('entry:disclosure:incident:1', '{"body":{}}');
      await expect(save('entry:disclosure:incident:1', '{"body":{}}')).rejects.toThrow(/UNIQUE constraint failed/);
      await expect(save('incident:new', 'not json')).rejects.toThrow(/CHECK constraint failed/);
    },
  },
  14: {
    // A new table of the school's local contacts: nothing recorded before changes, and only
    // the kinds the app knows can be stored, each kept by a member of staff.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      return tx.all('SELECT * FROM incidents ORDER BY id');
    },
    verify: async (db, seeded) => {
      expect(await db.all('SELECT * FROM incidents ORDER BY id')).toEqual(seeded);
      await db.transaction((tx) =>
        tx.run("INSERT INTO contacts (kind, name, phone, checked_on, updated_at, updated_by) VALUES ('lado', 'Fictional LADO team', '01632 960 000', '2026-11-20', ?, 1)", [AT]),
      );
      await expect(
        db.transaction((tx) => tx.run("INSERT INTO contacts (kind, checked_on, updated_at, updated_by) VALUES ('a friend', '2026-11-20', ?, 1)", [AT])),
      ).rejects.toThrow(/CHECK constraint failed/);
      await expect(
        db.transaction((tx) => tx.run("INSERT INTO contacts (kind, checked_on, updated_at, updated_by) VALUES ('lado', '2026-11-20', ?, 99)", [AT])),
      ).rejects.toThrow(/FOREIGN KEY/);
    },
  },
  15: {
    // Issue 20's tables: every pupil recorded before is still on roll and hashes as before;
    // a leaver's destination is one the app knows; a hold is on exactly one record and is
    // released only with a reason; received files and retention decisions are never changed.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      await tx.run(
        `INSERT INTO pupils (id, first_name, last_name, date_of_birth, sex, year_group, sen, looked_after, social_care, created_at, created_by, updated_at, updated_by)
         VALUES (1, 'Wren', 'Fictional', '2011-03-04', 'female', 'Year 10', 0, 0, 'none', ?, 1, ?, 1)`,
        [AT, AT],
      );
      return tx.all('SELECT * FROM pupils ORDER BY id');
    },
    verify: async (db, seeded) => {
      const pupils = await db.all('SELECT * FROM pupils ORDER BY id');
      expect(pupils).toEqual(seeded.map((row) => ({ ...row, left_on: null, left_destination_kind: null, left_destination: '' })));
      expect(rowStateHash('pupils', pupils[0]!)).toBe(rowStateHash('pupils', seeded[0]!));
      await expect(db.transaction((tx) => tx.run("UPDATE pupils SET left_on = '2026-11-20', left_destination_kind = 'abroad' WHERE id = 1"))).rejects.toThrow(
        /CHECK constraint failed/,
      );
      await db.transaction((tx) =>
        tx.run("INSERT INTO transfers (pupil_id, receiving_school, method, due_on, prepared_at, prepared_by) VALUES (1, 'Fictional Academy', 'secure-email', '2026-11-27', ?, 1)", [AT]),
      );
      await expect(
        db.transaction((tx) => tx.run("INSERT INTO transfers (pupil_id, receiving_school, method, due_on, prepared_at, prepared_by) VALUES (1, ' ', 'post', '2026-11-27', ?, 1)", [AT])),
      ).rejects.toThrow(/CHECK constraint failed/);
      await expect(
        db.transaction((tx) =>
          tx.run("INSERT INTO legal_holds (incident_id, pupil_id, reason_kind, reason, placed_at, placed_by) VALUES (1, 1, 'litigation', 'Claim notified', ?, 1)", [AT]),
        ),
      ).rejects.toThrow(/CHECK constraint failed/);
      await db.transaction((tx) =>
        tx.run("INSERT INTO legal_holds (incident_id, reason_kind, reason, placed_at, placed_by) VALUES (1, 'police-investigation', 'Police asked us to keep it', ?, 1)", [AT]),
      );
      await expect(db.transaction((tx) => tx.run('UPDATE legal_holds SET released_at = ?, released_by = 1 WHERE id = 1', [AT]))).rejects.toThrow(/CHECK constraint failed/);
      await db.transaction((tx) =>
        tx.run(
          `INSERT INTO received_files (pupil_id, package_id, sending_school, sent_at, content, content_hash, receipt_code, imported_at, imported_by)
           VALUES (1, 'pkg-1', 'Fictional High', ?, '{}', 'h', 'ABCD-EFGH', ?, 1)`,
          [AT, AT],
        ),
      );
      await expect(db.transaction((tx) => tx.run("UPDATE received_files SET sending_school = 'Elsewhere' WHERE id = 1"))).rejects.toThrow(/kept as it came/);
      await db.transaction((tx) =>
        tx.run("INSERT INTO retention_reviews (incident_id, reason, next_review_on, decided_at, decided_by) VALUES (1, 'Police still investigating', '2031-11-20', ?, 1)", [AT]),
      );
      await expect(db.transaction((tx) => tx.run("UPDATE retention_reviews SET reason = 'x' WHERE id = 1"))).rejects.toThrow(/never changed/);
    },
  },
  16: {
    // Destruction permits (decision 0030): entries, their words and signatures, corrections and
    // status changes are still never deleted, unless a permit for their incident exists, and then
    // only that incident's.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      await tx.run(
        `INSERT INTO incidents (id, reference, ref_year, ref_number, title, came_to_attention_on, kind, media, sharing, created_at, created_by, updated_at, updated_by)
         VALUES (2, 'YPSI-2026-002', 2026, 2, 'Another fictional incident', '2026-11-23', 'shared-on', 'photo', 'shared', ?, 1, ?, 1)`,
        [AT, AT],
      );
      for (const id of [1, 2]) {
        const body = JSON.stringify({ text: `Fictional entry ${id}` });
        await tx.run(
          `INSERT INTO entries (id, entry_key, incident_id, kind, version, occurred_at, recorded_at, author_id, body, content_hash)
           VALUES (?, ?, ?, 'disclosure', 1, ?, ?, 1, ?, ?)`,
          [id, `e${id}`, id, AT, AT, body, hash(body)],
        );
        await tx.run(
          `INSERT INTO signatures (entry_id, signer_id, signer_name, signer_role, meaning, signed_at, content_hash, witnessed_by)
           VALUES (?, 1, 'Marigold Thistlewood', 'dsl', 'accurate', ?, ?, 1)`,
          [id, AT, hash(body)],
        );
        await tx.run("INSERT INTO incident_status_changes (incident_id, change, changed_at, changed_by, reason) VALUES (?, 'closed', ?, 1, '')", [id, AT]);
      }
      return tx.all('SELECT * FROM entries ORDER BY id');
    },
    verify: async (db, seeded) => {
      expect(await db.all('SELECT * FROM entries ORDER BY id')).toEqual(seeded);
      await expect(db.transaction((tx) => tx.run('DELETE FROM signatures WHERE entry_id = 1'))).rejects.toThrow(/signatures cannot be deleted/);
      await expect(db.transaction((tx) => tx.run('DELETE FROM entry_text WHERE entry_id = 1'))).rejects.toThrow(/entries are never deleted/);
      await expect(db.transaction((tx) => tx.run('DELETE FROM incident_status_changes WHERE incident_id = 1'))).rejects.toThrow(/never deleted/);
      await db.transaction(async (tx) => {
        await tx.run('INSERT INTO destruction_permits (incident_id) VALUES (1)');
        // The permit is for incident 1 only.
        await expect(tx.run('DELETE FROM signatures WHERE entry_id = 2')).rejects.toThrow(/signatures cannot be deleted/);
        await tx.run('DELETE FROM signatures WHERE entry_id = 1');
        await tx.run('DELETE FROM entry_text WHERE entry_id = 1');
        await tx.run('DELETE FROM entries WHERE incident_id = 1');
        await tx.run('DELETE FROM incident_status_changes WHERE incident_id = 1');
        await tx.run('DELETE FROM destruction_permits WHERE incident_id = 1');
      });
      expect((await db.all('SELECT id FROM entries ORDER BY id')).map((r) => r.id)).toEqual([2]);
      await expect(db.transaction((tx) => tx.run('DELETE FROM entries WHERE incident_id = 2'))).rejects.toThrow(/entries are never deleted/);
    },
  },
  17: {
    // Issue 21: every pupil recorded before has no UPN and hashes as before; a UPN is one
    // pupil's only, while any number of pupils may have none.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      await tx.run(
        `INSERT INTO pupils (id, first_name, last_name, date_of_birth, sex, year_group, sen, looked_after, social_care, created_at, created_by, updated_at, updated_by)
         VALUES (1, 'Wren', 'Fictional', '2011-03-04', 'female', '10', 0, 0, 'none', ?, 1, ?, 1),
                (2, 'Rook', 'Fictional', '2011-05-06', 'male', '10', 0, 0, 'none', ?, 1, ?, 1)`,
        [AT, AT, AT, AT],
      );
      return tx.all('SELECT * FROM pupils ORDER BY id');
    },
    verify: async (db, seeded) => {
      const pupils = await db.all('SELECT * FROM pupils ORDER BY id');
      expect(pupils).toEqual(seeded.map((row) => ({ ...row, upn: null, registration_group: '', preferred_first_name: '', preferred_last_name: '' })));
      expect(rowStateHash('pupils', pupils[0]!)).toBe(rowStateHash('pupils', seeded[0]!));
      await db.transaction((tx) => tx.run("UPDATE pupils SET upn = 'B801200005001' WHERE id = 1"));
      await expect(db.transaction((tx) => tx.run("UPDATE pupils SET upn = 'B801200005001' WHERE id = 2"))).rejects.toThrow(/UNIQUE constraint failed/);
      await expect(db.transaction((tx) => tx.run("UPDATE pupils SET upn = 'B80' WHERE id = 2"))).rejects.toThrow(/CHECK constraint failed/);
    },
  },
  18: {
    // Issue 22's training log: a practice session names one incident, once, and a staff member.
    seed: async (tx) => {
      await insertDslAndIncident(tx);
      return [];
    },
    verify: async (db) => {
      await db.transaction((tx) => tx.run("INSERT INTO practice_sessions (scenario_id, incident_id, staff_id, started_at) VALUES ('case-study-6', 1, 1, ?)", [AT]));
      await expect(
        db.transaction((tx) => tx.run("INSERT INTO practice_sessions (scenario_id, incident_id, staff_id, started_at) VALUES ('case-study-a', 1, 1, ?)", [AT])),
      ).rejects.toThrow(/UNIQUE constraint failed/);
      expect(await db.all('SELECT scenario_id, completed_at FROM practice_sessions')).toEqual([{ scenario_id: 'case-study-6', completed_at: null }]);
    },
  },
};

describe('the list of migrations', () => {
  it('numbers them 1, 2, 3 … in order, and the latest is the app’s schema version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('has a before-and-after check in this file for every migration', () => {
    expect(Object.keys(CHECKS).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });
});

describe.each(MIGRATIONS.map((m, i) => [m.version, m.name, MIGRATIONS[i - 1]?.version ?? 0] as const))('migration %i (%s)', (version, _name, before) => {
  it('keeps the rows written before it and leaves a working schema', async () => {
    const check = CHECKS[version];
    if (!check) return expect.fail(`no check for migration ${version}`);
    expect(await migrate(db, before)).toEqual({ from: 0, to: before });
    expect(await schemaVersion(db)).toBe(before);
    const seeded = await db.transaction((tx) => check.seed(tx));
    expect(await migrate(db, version)).toEqual({ from: before, to: version });
    expect(await schemaVersion(db)).toBe(version);
    await check.verify(db, seeded);
  });
});

describe('the fully migrated schema', () => {
  it('matches the snapshot', async () => {
    await migrate(db);
    const schema = await db.all('SELECT type, name, sql FROM sqlite_master ORDER BY type, name');
    expect(schema).toMatchSnapshot();
  });

  it('migrating again does nothing', async () => {
    expect(await migrate(db)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(await migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
  });

  it('refuses to change or delete an audit row', async () => {
    await migrate(db);
    await db.transaction(async (tx) => {
      await tx.run(`INSERT INTO staff (username, name, roles, created_at) VALUES ('mthistle', 'Marigold Thistlewood', '["dsl"]', ?)`, [AT]);
      await appendAudit(tx, { action: 'setup', actorId: 1, at: new Date(AT) });
      await appendAudit(tx, { action: 'lock', actorId: 1, at: new Date(AT), details: { reason: 'button' } });
    });
    const before = await db.all('SELECT * FROM audit ORDER BY seq');
    await expect(db.transaction((tx) => tx.run("UPDATE audit SET action = 'login.success' WHERE seq = 1"))).rejects.toThrow(
      /audit rows cannot be changed/,
    );
    await expect(db.transaction((tx) => tx.run('DELETE FROM audit WHERE seq = 2'))).rejects.toThrow(/audit rows cannot be deleted/);
    await expect(db.transaction((tx) => tx.run('DELETE FROM audit'))).rejects.toThrow(/audit rows cannot be deleted/);
    expect(await db.all('SELECT * FROM audit ORDER BY seq')).toEqual(before);
  });
});

describe('a migration that fails part-way', () => {
  it('leaves the database exactly as it was: same version, none of the earlier steps applied', async () => {
    // A table the newest table-making migration creates, already present, makes its last
    // step fail after every earlier migration (and the earlier tables of this one) have run.
    const newest = MIGRATIONS.findLast((m) => /CREATE TABLE/.test(m.sql))!;
    const created = [...newest.sql.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]!);
    const conflicting = created.at(-1)!;
    await db.transaction((tx) => tx.exec(`CREATE TABLE ${conflicting} (placeholder TEXT)`));

    await expect(migrate(db)).rejects.toThrow(/already exists/);
    expect(await schemaVersion(db)).toBe(0);
    expect(await tableNames(db)).toEqual([conflicting]);

    // Nothing was left half-done: with the obstacle gone, migrating succeeds.
    await db.transaction((tx) => tx.exec(`DROP TABLE ${conflicting}`));
    expect(await migrate(db)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
  });
});
