// The demo data generator (issue 6): a set-up folder that signs in, with valid entries of
// every kind, the same for the same seed, sizes and clock; since issue 16 with the signed
// history a real school would have, so Verify finds nothing to report.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Row } from '../../electron/core/db/connection';
import { generateDemoData, type DemoOptions, type DemoSummary } from '../../scripts/demo/generate';
import { entryContentHash } from '../../electron/core/records/content-hash';
import { verifyRecords } from '../../electron/core/integrity/verify-records';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { isBackdated } from '../../shared/domain/dates';
import { ENTRY_BODY_SCHEMAS, ENTRY_KINDS, type EntryKind } from '../../shared/domain/entries/kinds';
import { call, DSL, expectOk, newCore, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const NOW = new Date('2026-06-15T10:30:00Z');
const SIZES = { pupils: 30, incidents: 40, entries: 700 } as const;

let root: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, remove } = await makeTempDir('records-demo-'));
});

afterAll(async () => {
  await remove();
});

async function generate(name: string, options: Partial<DemoOptions> = {}): Promise<DemoSummary> {
  return generateDemoData({ dataDir: join(root, name), ...SIZES, seed: 42, now: NOW, ...options });
}

async function withDb<T>(dataDir: string, body: (db: Database) => Promise<T>): Promise<T> {
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!unlocked.ok) throw new Error('the demo account should open its key slot');
  const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
  try {
    return await body(db);
  } finally {
    await db.close();
  }
}

const TABLES = ['staff', 'settings', 'pupils', 'incidents', 'incident_people', 'incident_status_changes', 'entries', 'signatures', 'entry_text', 'audit', 'roster'] as const;

async function dump(dataDir: string): Promise<Record<string, Row[]>> {
  return withDb(dataDir, async (db) => {
    const tables: Record<string, Row[]> = {};
    for (const table of TABLES) tables[table] = await db.all(`SELECT * FROM ${table} ORDER BY rowid`);
    return tables;
  });
}

/**
 * What stays the same for the same seed. The DSL's keys are made at set-up (random, as for
 * any school: the demo signs as the DSL with the keys from their slot), so the roster's copy
 * of their public keys differs from folder to folder, and with it every roster version's hash
 * and signature, the state the audit records for each roster version, and, since each audit
 * row's hash covers the one before, every audit row's hash and signature. Everything else,
 * the other staff's seeded keys included, is compared as it is.
 */
function comparable(tables: Record<string, Row[]>): Record<string, unknown[]> {
  const dslKeys = new Set<unknown>();
  const roster = tables.roster!.map(({ hash: _hash, prev_hash: _prev, signature: _signature, ...version }) => {
    const members = (JSON.parse(String(version.members)) as { id: number; sign: string | null; box: string | null }[]).map((m) => {
      if (m.id !== 1) return m;
      dslKeys.add(m.sign);
      return { ...m, sign: 'the DSL’s', box: 'the DSL’s' };
    });
    return { ...version, members, recovery: 'made at set-up' };
  });
  const audit = tables.audit!.map(({ hash: _hash, prev_hash: _prev, signature: _signature, ...row }) => {
    const states = typeof row.states === 'string' ? (JSON.parse(row.states) as Record<string, string>) : null;
    if (states) for (const key of Object.keys(states)) if (key.startsWith('roster:')) states[key] = 'signed by the DSL';
    return { ...row, states };
  });
  expect(dslKeys.size).toBe(1);
  return { ...tables, roster, audit };
}

describe('generateDemoData', () => {
  let summary: DemoSummary;
  let tables: Record<string, Row[]>;

  beforeAll(async () => {
    summary = await generate('a');
    tables = await dump(summary.dataDir);
  }, 60_000);

  it('is the same every time for the same seed, sizes and clock, and different for another seed', async () => {
    const again = await generate('b');
    expect({ ...again, dataDir: '', recoveryCode: '' }).toEqual({ ...summary, dataDir: '', recoveryCode: '' });
    expect(comparable(await dump(again.dataDir))).toEqual(comparable(tables));
    const other = await generate('c', { seed: 43 });
    const otherTables = await dump(other.dataDir);
    expect(otherTables.entries).not.toEqual(tables.entries);
    expect(otherTables.pupils).not.toEqual(tables.pupils);
    // The other staff's keys come from the seed: another seed, other keys.
    const keysOf = (t: Record<string, Row[]>) => JSON.parse(String(t.roster!.at(-1)!.members)) as { id: number; sign: string }[];
    expect(keysOf(otherTables).find((m) => m.id === 2)!.sign).not.toBe(keysOf(tables).find((m) => m.id === 2)!.sign);
  }, 60_000);

  it('makes the sizes asked for, counted as the chronologies count them', () => {
    const entries = tables.entries!;
    const superseded = new Set<unknown>(entries.map((e) => e.supersedes).filter((id) => id !== null));
    expect(summary).toMatchObject({ pupils: 30, incidents: 40, entries: 700, versions: entries.length, signatures: tables.signatures!.length });
    expect(tables.pupils).toHaveLength(30);
    expect(tables.incidents).toHaveLength(40);
    expect(entries.filter((e) => !superseded.has(e.id))).toHaveLength(700);
    expect(entries.length).toBeGreaterThan(700);
  });

  it('writes a valid body for every kind of entry, each sealed with its content hash', () => {
    const kinds = new Set<string>();
    for (const entry of tables.entries!) {
      const kind = entry.kind as EntryKind;
      kinds.add(kind);
      const body: unknown = JSON.parse(String(entry.body));
      const parsed = ENTRY_BODY_SCHEMAS[kind].safeParse(body);
      expect(parsed.success, `${kind} ${String(entry.id)}`).toBe(true);
      // Stored as the schema outputs it, defaults filled in, as the core stores input.
      expect(parsed.data).toEqual(body);
      const hash = entryContentHash({
        entryKey: String(entry.entry_key),
        incidentId: Number(entry.incident_id),
        kind,
        version: Number(entry.version),
        supersedesId: entry.supersedes === null ? null : Number(entry.supersedes),
        occurredAt: String(entry.occurred_at),
        recordedAt: String(entry.recorded_at),
        authorId: Number(entry.author_id),
        body: body as Record<string, unknown>,
        amendmentReason: typeof entry.amendment_reason === 'string' ? entry.amendment_reason : null,
      });
      expect(entry.content_hash).toBe(hash);
    }
    expect([...kinds].sort()).toEqual([...ENTRY_KINDS].sort());
  });

  it('keeps time straight: nothing after `now`, recorded after it happened, some backdated, some amended, some signed', () => {
    const entries = tables.entries!;
    for (const e of entries) {
      expect(String(e.occurred_at) <= NOW.toISOString()).toBe(true);
      expect(String(e.recorded_at) <= NOW.toISOString()).toBe(true);
      expect(String(e.recorded_at) >= String(e.occurred_at)).toBe(true);
    }
    for (const s of tables.signatures!) expect(String(s.signed_at) <= NOW.toISOString()).toBe(true);
    const backdated = entries.filter((e) => isBackdated(String(e.occurred_at), String(e.recorded_at)));
    expect(backdated.length).toBeGreaterThan(entries.length * 0.02);
    expect(backdated.length).toBeLessThan(entries.length * 0.2);
    expect(entries.filter((e) => e.version === 2 && e.amendment_reason !== null).length).toBeGreaterThan(5);
    expect(new Set(tables.signatures!.map((s) => s.meaning))).toEqual(
      new Set(['viewed-accurate', 'present-accurate', 'authorise-no-referral', 'authorised-search', 'record-accurate', 'approve-closure', 'authorise-escalation']),
    );
  });

  it('gives pupils several incidents, people real roles, and closes only incidents with a signed closure', () => {
    const byPupil = new Map<unknown, number>();
    for (const p of tables.incident_people!) if (p.pupil_id !== null) byPupil.set(p.pupil_id, (byPupil.get(p.pupil_id) ?? 0) + 1);
    expect(byPupil.get(1)).toBeGreaterThanOrEqual(2);
    expect([...byPupil.values()].filter((n) => n >= 2).length).toBeGreaterThan(3);

    const closed = tables.incidents!.filter((i) => i.status === 'closed');
    expect(closed.length).toBeGreaterThan(5);
    for (const incident of closed) {
      const closure = tables.entries!.find((e) => e.incident_id === incident.id && e.kind === 'closure');
      expect(closure, String(incident.reference)).toBeDefined();
      expect(tables.signatures!.some((s) => s.entry_id === closure!.id && s.meaning === 'approve-closure')).toBe(true);
    }
    // "Parents" entries name a pupil on their own incident.
    for (const e of tables.entries!.filter((x) => x.kind === 'parents')) {
      const { pupilPersonId } = JSON.parse(String(e.body)) as { pupilPersonId: number };
      const person = tables.incident_people!.find((p) => p.id === pupilPersonId);
      expect(person?.incident_id).toBe(e.incident_id);
      expect(person?.pupil_id).not.toBeNull();
    }
  });

  it('makes a sexual extortion incident now and then, a police matter whose offender is an online account (decision 0021)', () => {
    const sextortion = tables.incidents!.filter((i) => i.kind === 'sexual-extortion');
    expect(sextortion.length).toBeGreaterThan(0);
    expect(sextortion.length).toBeLessThan(tables.incidents!.length / 5);
    for (const incident of sextortion) {
      expect(incident.police_matter, String(incident.reference)).toBe(1);
      const offender = tables.incident_people!.find((p) => p.incident_id === incident.id && p.pupil_id === null);
      expect(offender).toMatchObject({ other_kind: 'online-account', roles: '["requested"]' });
    }
  });

  it('leaves a folder the app opens and signs in to, with an intact audit log and invented people', async () => {
    const core = await newCore(summary.dataDir);
    try {
      const status = await unlockAs(core, DSL);
      expect(status).toMatchObject({ state: 'unlocked', schoolName: 'Quillfeather Academy', user: { username: DSL.username } });
      expect(expectOk(await call(core, 'audit.verify', {}))).toMatchObject({ ok: true });
      const pupils = expectOk(await call(core, 'pupils.list', {}));
      expect(pupils).toHaveLength(30);
      const page = expectOk(await call(core, 'chronology.page', { scope: { type: 'school' }, filters: {}, offset: 0 }));
      expect(page.total).toBe(700);
    } finally {
      await core.close();
    }
    expect(summary.staff.map((s) => s.name)).toEqual(['Marigold Thistlewood', 'Barnaby Hollowell', 'Odette Fairweather', 'Cassius Wrenfield', 'Ptolemy Ashgrove']);
    expect(summary.staff.filter((s) => !s.active).map((s) => s.name)).toEqual(['Ptolemy Ashgrove']);
  });

  it('has a signed history Verify finds nothing wrong with: every change in time order, by the person who made it', async () => {
    const report = await withDb(summary.dataDir, (db) => verifyRecords(db));
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, signed: true });
    // The rows of the sign-in above are checked too.
    expect(report.auditRows).toBeGreaterThanOrEqual(tables.audit!.length);

    const audit = tables.audit!;
    // One chain in time order, every row signed by whoever it says acted.
    for (const [i, row] of audit.entries()) {
      if (i > 0) expect(String(row.at) >= String(audit[i - 1]!.at), `audit row ${String(row.seq)}`).toBe(true);
      expect(row.signature).toEqual(expect.any(String));
      expect(row.signer_id).toBe(row.actor_id);
    }
    const count = (action: string) => audit.filter((r) => r.action === action).length;
    expect(count('pupil.created')).toBe(30);
    expect(count('incident.created')).toBe(40);
    expect(count('person.added')).toBe(tables.incident_people!.length);
    expect(count('entry.created') + count('entry.amended')).toBe(tables.entries!.length);
    expect(count('entry.amended')).toBe(tables.entries!.filter((e) => e.version === 2).length);
    expect(count('entry.signed')).toBe(tables.signatures!.length);
    expect(count('incident.closed')).toBe(tables.incident_status_changes!.length);
    // Written by the head and the deputies as well as the DSL, each with their own key.
    const signers = new Set(audit.map((r) => r.signer_id));
    expect([...signers].sort()).toEqual([1, 2, 3, 4, 5]);

    // A roster version for set-up and for each change of staff: four added, one leaving.
    expect(tables.roster!.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(count('staff.added')).toBe(4);
    const left = audit.find((r) => r.action === 'staff.deactivated')!;
    expect(left.subject_id).toBe('5');
    // The leaver left after the last thing they did, so nothing is signed by a deactivated account.
    const theirs = audit.filter((r) => r.signer_id === 5);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((r) => Number(r.seq) < Number(left.seq))).toBe(true);
  });

  it('refuses a folder that is already set up', async () => {
    await expect(generate('a')).rejects.toThrow(/already set up/);
  });
});
