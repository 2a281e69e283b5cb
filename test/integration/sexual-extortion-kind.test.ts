// Decision 0021: a sextortion incident is its own kind, 'sexual-extortion', and a police matter.
// Migration 012 rebuilds the incidents table to allow it; a school's records made at schema 11
// (incidents, people, entries, signatures, a correction and a voiding, all vouched for by the
// signed audit) come through it with every row, reference, index and trigger intact, and the
// app's own Verify still finds every signed row as it was. A rebuild that would leave a
// reference broken undoes everything. Every name here is made up.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Migration } from '../../electron/core/db/migrations/types';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations/index';
import type { Input } from '../../shared/ipc/contract';
import { Database, type Row } from '../../electron/core/db/connection';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { call, DSL, expectOk, newCore, setUp, stateDirFor, TestClock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const MIGRATIONS_MODULE = '../../electron/core/db/migrations/index';
type MigrationsModule = typeof import('../../electron/core/db/migrations/index');

/** The app's code with its migrations replaced by `choose(the real ones)`: a fresh module graph, so nothing else is affected. */
async function withMigrations(choose: (real: readonly Migration[]) => Migration[]) {
  vi.resetModules();
  vi.doMock(MIGRATIONS_MODULE, async (importOriginal) => {
    const real = await importOriginal<MigrationsModule>();
    const chosen = choose(real.MIGRATIONS);
    return { MIGRATIONS: chosen, LATEST_SCHEMA_VERSION: chosen.at(-1)!.version };
  });
  const [{ createCore }, { migrate, schemaVersion }, { Database: MockedDatabase }] = await Promise.all([
    import('../../electron/core/index'),
    import('../../electron/core/db/migrate'),
    import('../../electron/core/db/connection'),
  ]);
  return { createCore, migrate, schemaVersion, Database: MockedDatabase };
}

/**
 * Schema 11, run by today's code. That code also reads tables and columns added after 11 (drafts
 * at sign-in, migration 013; contacts, 014; leavers, transfers, holds and retention, 015; UPNs,
 * 017; practice sessions, 018), so they are made here too, left empty, and taken away again
 * before the upgrade (`asAtSchema11`): the file migration 012 meets is exactly schema 11.
 * Migration 016 only replaces triggers, which today's code does not need, so it is left to the
 * upgrade.
 */
const upTo11 = (real: readonly Migration[]) =>
  real.filter((m) => m.version <= 11).map((m) => (m.version === 11 ? { ...m, sql: [m, ...real.filter((later) => LATER_TABLES_FROM.includes(later.version))].map((x) => x.sql).join('\n') } : m));
const LATER_TABLES_FROM = [13, 14, 15, 17, 18];
const LATER_TABLES = ['drafts', 'contacts', 'transfers', 'received_files', 'legal_holds', 'retention_reviews', 'practice_sessions'];
const LATER_PUPIL_COLUMNS = ['left_on', 'left_destination_kind', 'left_destination', 'upn', 'registration_group', 'preferred_first_name', 'preferred_last_name'];

async function asAtSchema11(dataDir: string): Promise<void> {
  await openDirectly(dataDir, async (db) => {
    for (const table of LATER_TABLES) expect(await db.get(`SELECT count(*) AS n FROM ${table}`)).toEqual({ n: 0 });
    await db.transaction(async (tx) => {
      for (const table of LATER_TABLES) await tx.exec(`DROP TABLE ${table}`);
      await tx.exec('DROP INDEX pupils_by_upn');
      for (const column of LATER_PUPIL_COLUMNS) await tx.exec(`ALTER TABLE pupils DROP COLUMN ${column}`);
    });
  });
}


let root: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir: root, remove } = await makeTempDir('records-extortion-kind-'));
});

afterEach(async () => {
  vi.doUnmock(MIGRATIONS_MODULE);
  vi.resetModules();
  await remove();
});

const FACTS: Input<'incidents.create'> = {
  title: 'Photo shared in a Year 9 group chat',
  cameToAttentionOn: '2026-11-16',
  imageryDate: '',
  kind: 'shared-on',
  media: 'photo',
  services: ['Fictogram'],
  sharing: 'shared',
  sharingDetails: 'About 30 pupils in the chat',
};

const SEXTORTION: Input<'incidents.create'> = {
  title: 'Pupil threatened by an unknown account demanding money',
  cameToAttentionOn: '2026-11-20',
  imageryDate: '',
  kind: 'sexual-extortion',
  media: 'photo',
  services: ['Fictogram', 'Chatterbox'],
  sharing: 'not_known',
  sharingDetails: '',
};

/** A school's records as the app kept them at schema 11: every protected table holds rows the audit vouches for. */
async function recordsAtSchema11(dataDir: string): Promise<void> {
  const { createCore } = await withMigrations(upTo11);
  const core: Core = await createCore({ dataDir, stateDir: stateDirFor(dataDir), appVersion: '0.0.0-test', now: new TestClock().now, log: () => undefined });
  try {
    await setUp(core);
    const pupil = expectOk(
      await call(core, 'pupils.create', { firstName: 'Juniper', lastName: 'Ashcombe', dateOfBirth: '2012-03-14', sex: 'female', yearGroup: '9', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' }),
    );
    const kept = expectOk(await call(core, 'incidents.create', FACTS));
    const voided = expectOk(await call(core, 'incidents.create', { ...FACTS, title: 'The same photo, opened twice' }));
    expectOk(await call(core, 'incidents.addPupil', { incidentId: kept.id, pupilId: pupil.id, roles: ['pictured'] }));
    expectOk(await call(core, 'incidents.addOtherPerson', { incidentId: kept.id, person: { kind: 'online-account', name: '@quill.moth.41', setting: 'Fictogram' }, roles: ['received'] }));
    const body = { withWhom: 'Juniper Ashcombe', byWhom: DSL.name, summary: 'Talked about the photo and who has it.', supportOffered: '' };
    const entry = expectOk(await call(core, 'entries.create', { incidentId: kept.id, occurredOn: '2026-11-17', occurredTime: '10:00', kind: 'conversation', body }));
    expectOk(await call(core, 'entries.sign', { entryId: entry.id, meaning: 'record-accurate', username: DSL.username, password: DSL.password }));
    expectOk(await call(core, 'incidents.correct', { ...FACTS, incidentId: kept.id, title: 'Photo shared in a Year 9 group chat on Fictogram', reason: 'Named the service' }));
    expectOk(await call(core, 'incidents.void', { incidentId: voided.id, reason: 'Duplicate of another incident, opened twice by mistake' }));
    expect(expectOk(await call(core, 'audit.verify', {}))).toMatchObject({ ok: true, findings: [] });
  } finally {
    await core.close();
  }
  vi.doUnmock(MIGRATIONS_MODULE);
  vi.resetModules();
}

/** The records database itself, opened with the DSL's key, for what only SQL can see. */
async function openDirectly<T>(dataDir: string, read: (db: Database) => Promise<T>): Promise<T> {
  const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!slot.ok) throw new Error('the DSL’s password should open their key slot');
  const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
  try {
    return await read(db);
  } finally {
    await db.close();
    slot.dataKey.fill(0);
  }
}

const schemaOf = (db: Pick<Database, 'all'>) => db.all("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name");

describe('migration 012 on a school’s records at schema 11', () => {
  it('keeps every row, reference, index and trigger, and Verify still finds every signed row as it was', async () => {
    const dataDir = join(root, 'data');
    await recordsAtSchema11(dataDir);
    await asAtSchema11(dataDir);
    const before = await openDirectly(dataDir, async (db) => ({
      version: await db.get('PRAGMA user_version'),
      schema: await schemaOf(db),
      rows: await Promise.all(['incidents', 'incident_people', 'entries', 'signatures', 'incident_versions', 'incident_status_changes'].map((t) => db.all(`SELECT * FROM ${t} ORDER BY 1`))),
    }));
    expect(before.version).toEqual({ user_version: 11 });

    // Today's app: signing in migrates the records to 12 and on to the latest.
    const core = await newCore(dataDir, new TestClock(Date.parse('2026-11-23T09:00:00Z')));
    try {
      const status = await unlockAs(core, DSL);
      expect(status.state === 'unlocked' ? status.problems : status.state).toEqual([]);
      expect(expectOk(await call(core, 'audit.verify', {}))).toMatchObject({ ok: true, signed: true, findings: [] });
    } finally {
      await core.close();
    }

    await openDirectly(dataDir, async (db) => {
      expect(db.health).toEqual({ ok: true });
      expect(await db.get('PRAGMA user_version')).toEqual({ user_version: LATEST_SCHEMA_VERSION });
      expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
      // The same tables, indexes (incidents_by_status and the two unique ones) and triggers (incidents_are_never_unvoided).
      // (Less what the later migrations add: their tables, destruction's permits (016) and the UPN index (017).)
      const later = (o: Row) => LATER_TABLES.includes(String(o.tbl_name)) || ['destruction_permits', 'pupils_by_upn'].includes(String(o.name));
      expect((await schemaOf(db)).filter((o) => !later(o))).toEqual(before.schema);
      const rows = await Promise.all(['incidents', 'incident_people', 'entries', 'signatures', 'incident_versions', 'incident_status_changes'].map((t) => db.all(`SELECT * FROM ${t} ORDER BY 1`)));
      expect(rows).toEqual(before.rows);
      expect(rows.map((r) => r.length)).toEqual([2, 2, 1, 1, 1, 1]);
    });
  }, 120_000);

  it('opens a sexual extortion incident afterwards as a police matter that needs the report to the police', async () => {
    const core = await newCore(join(root, 'data'), new TestClock(Date.parse('2026-11-23T09:00:00Z')));
    try {
      await setUp(core);
      const { id } = expectOk(await call(core, 'incidents.create', SEXTORTION));
      const detail = expectOk(await call(core, 'incidents.get', { incidentId: id }));
      expect(detail.incident).toMatchObject({ kind: 'sexual-extortion', policeMatter: true });
      expect(detail.police).toEqual({
        involved: true,
        words: 'Yes, from the outset: this is sexual extortion (‘sextortion’), so the police must be told. The report to them is not yet recorded.',
      });
      expect(detail.gaps.map((g) => g.message)).toContain('The report to the police has not been recorded.');
    } finally {
      await core.close();
    }
  }, 60_000);
});

describe('a rebuild that would leave a reference broken', () => {
  it('is undone completely: schema 11, every incident still there, foreign keys on again', async () => {
    // A faulty later step deletes an incident that entries and people still refer to.
    const faulty: Migration = { version: 13, name: 'a faulty rebuild', rebuildsTables: true, sql: 'DELETE FROM incidents WHERE id = 1;' };
    const { migrate, schemaVersion, Database: MockedDatabase } = await withMigrations((real) => [...real, faulty]);
    const db = await MockedDatabase.open(join(root, 'records.db'), randomBytes(32), { create: true });
    try {
      await migrate(db, 11);
      const at = '2026-11-23T09:00:00.000Z';
      await db.transaction(async (tx) => {
        await tx.run(`INSERT INTO staff (id, username, name, roles, created_at) VALUES (1, 'mthistle', 'Marigold Thistlewood', '["dsl"]', ?)`, [at]);
        await tx.run(
          `INSERT INTO incidents (id, reference, ref_year, ref_number, title, came_to_attention_on, kind, media, sharing, created_at, created_by, updated_at, updated_by)
           VALUES (1, 'YPSI-2026-001', 2026, 1, 'Image shared in a group chat', '2026-11-23', 'shared-on', 'photo', 'shared', ?, 1, ?, 1)`,
          [at, at],
        );
        await tx.run(`INSERT INTO incident_people (incident_id, other_kind, other_name, roles, added_at, added_by, updated_at, updated_by) VALUES (1, 'young_person', 'Rowan Pennyfeather', '["received"]', ?, 1, ?, 1)`, [at, at]);
      });
      const before = await db.all('SELECT type, name, sql FROM sqlite_master ORDER BY type, name');

      await expect(migrate(db)).rejects.toThrow(/Migration 13 would leave 1 broken reference\(s\) \(incident_people row 1 → incidents\)/);
      expect(await schemaVersion(db)).toBe(11);
      expect(await db.all('SELECT type, name, sql FROM sqlite_master ORDER BY type, name')).toEqual(before);
      expect(await db.all('SELECT id, kind FROM incidents')).toEqual([{ id: 1, kind: 'shared-on' }]);
      expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
      await expect(db.transaction((tx) => tx.run('DELETE FROM incidents WHERE id = 1'))).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await db.close();
    }
  });
});
