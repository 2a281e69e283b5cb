// Issue 19 item 1 through the core: drafts are their author's own, a saved record takes its
// draft with it in the same commit, and drafts older than the school keeps them are deleted
// at sign-in with one audit line giving the count (decision 0023).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { Database } from '../../electron/core/db/connection';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import type { Input } from '../../shared/ipc/contract';
import { addStaff, call, createIncident, DEPUTY, DSL, expectError, expectOk, newCore, setUp, TestClock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const DAY = 24 * 60 * 60_000;
let core: Core;
let clock: TestClock;
let dataDir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  let dir: string;
  ({ dir, remove } = await makeTempDir('records-drafts-'));
  dataDir = join(dir, 'data');
  clock = new TestClock(Date.parse('2026-11-23T10:42:00Z'));
  core = await newCore(dataDir, clock);
  await setUp(core);
});

afterEach(async () => {
  await core.close();
  await remove();
});

const conversation = (incidentId: number): Input<'entries.create'> => ({
  incidentId,
  occurredOn: '2026-11-23',
  occurredTime: '10:30',
  kind: 'conversation',
  body: { withWhom: 'Pupil A (fictional)', byWhom: 'Marigold Thistlewood', summary: 'Spoke about the photo in the group chat.', supportOffered: '' },
});

function draftOf(formKey: string, summary: string): Input<'drafts.save'> {
  return { formKey, incidentId: null, description: 'a conversation on QFA-2026-001', values: { summary } };
}

describe('drafts', () => {
  it('are seen, read and discarded only by the person who typed them', async () => {
    await addStaff(core, DEPUTY, ['deputy']);
    const saved = expectOk(await call(core, 'drafts.save', draftOf('entry:conversation:incident:1', 'Spoke about')));
    expect(expectOk(await call(core, 'drafts.mine', {}))).toEqual([{ id: saved.id, formKey: 'entry:conversation:incident:1', incidentId: null, description: 'a conversation on QFA-2026-001', savedAt: '2026-11-23T10:42:00.000Z' }]);

    await unlockAs(core, DEPUTY);
    expect(expectOk(await call(core, 'drafts.mine', {}))).toEqual([]);
    expect(expectError(await call(core, 'drafts.get', { id: saved.id }), 'not_found').message).toMatch(/no draft of yours/);
    expectError(await call(core, 'drafts.discard', { id: saved.id }), 'not_found');
    // The deputy's own draft of the same form is theirs, beside the DSL's.
    expectOk(await call(core, 'drafts.save', draftOf('entry:conversation:incident:1', 'Deputy typing')));

    await unlockAs(core, DSL);
    expect(expectOk(await call(core, 'drafts.get', { id: saved.id })).values).toEqual({ summary: 'Spoke about' });
    expect(expectOk(await call(core, 'drafts.mine', {}))).toHaveLength(1);
    expectOk(await call(core, 'drafts.discard', { id: saved.id }));
    expect(expectOk(await call(core, 'drafts.mine', {}))).toEqual([]);
  });

  it('saving again replaces the draft of that form', async () => {
    const first = expectOk(await call(core, 'drafts.save', draftOf('incident:new', 'Image')));
    clock.advance(2000);
    const second = expectOk(await call(core, 'drafts.save', draftOf('incident:new', 'Image shared')));
    expect(second.id).toBe(first.id);
    expect(expectOk(await call(core, 'drafts.get', { id: first.id }))).toMatchObject({ values: { summary: 'Image shared' }, savedAt: '2026-11-23T10:42:02.000Z' });
  });

  it('refuses a form key the app does not have', async () => {
    expectError(await call(core, 'drafts.save', draftOf('localStorage', 'x')), 'invalid_input');
  });

  it('a saved entry deletes its draft in the same commit, and leaves the drafts of other forms', async () => {
    const incidentId = await createIncident(core);
    expectOk(await call(core, 'drafts.save', draftOf(`entry:conversation:incident:${incidentId}`, 'Spoke about')));
    expectOk(await call(core, 'drafts.save', draftOf(`entry:disclosure:incident:${incidentId}`, 'She said')));
    const entry = expectOk(await call(core, 'entries.create', conversation(incidentId)));
    expect(expectOk(await call(core, 'drafts.mine', {})).map((d) => d.formKey)).toEqual([`entry:disclosure:incident:${incidentId}`]);

    expectOk(await call(core, 'drafts.save', draftOf(`amend:${entry.id}`, 'Spoke again')));
    expectOk(await call(core, 'entries.revise', { ...conversation(incidentId), entryId: entry.id }));
    expect(expectOk(await call(core, 'drafts.mine', {})).map((d) => d.formKey)).toEqual([`entry:disclosure:incident:${incidentId}`]);
  });

  it('a refused save keeps the draft', async () => {
    const incidentId = await createIncident(core);
    expectOk(await call(core, 'drafts.save', draftOf(`entry:conversation:incident:${incidentId}`, 'Spoke about')));
    expectError(await call(core, 'entries.create', { ...conversation(incidentId), occurredOn: '2027-01-01' }), 'invalid_input');
    expect(expectOk(await call(core, 'drafts.mine', {}))).toHaveLength(1);
  });

  it('drafts older than the school keeps them go at sign-in, with one audit line that counts them', async () => {
    await addStaff(core, DEPUTY, ['deputy']);
    expectError(await call(core, 'drafts.setRetention', { days: 0 }), 'invalid_input');
    expectOk(await call(core, 'drafts.setRetention', { days: 7 }));
    expectOk(await call(core, 'drafts.save', draftOf('incident:new', 'Old one')));
    await unlockAs(core, DEPUTY);
    expectError(await call(core, 'drafts.setRetention', { days: 30 }), 'forbidden');
    expectOk(await call(core, 'drafts.save', draftOf('incident:new', 'Deputy old one')));
    clock.advance(6 * DAY);
    // Six days on, nothing is old enough yet.
    await unlockAs(core, DEPUTY);
    expect(expectOk(await call(core, 'drafts.mine', {}))).toHaveLength(1);
    expectOk(await call(core, 'drafts.save', draftOf('incident:1:correct', 'Newer')));

    clock.advance(2 * DAY);
    await unlockAs(core, DSL);
    expect(expectOk(await call(core, 'drafts.mine', {}))).toEqual([]);
    await unlockAs(core, DEPUTY);
    expect(expectOk(await call(core, 'drafts.mine', {})).map((d) => d.formKey)).toEqual(['incident:1:correct']);

    await core.close();
    const store = new KeyslotStore(join(dataDir, 'keyslots.json'));
    const opened = await store.unlockWithPassword(DSL.username, DSL.password);
    if (!opened.ok) throw new Error('the DSL should open their slot');
    const db = await Database.open(join(dataDir, 'records.db'), opened.dataKey);
    try {
      const rows = await db.all("SELECT details FROM audit WHERE action = 'drafts.expired'");
      // One line, the count and the setting: never what the drafts held or whose they were.
      expect(rows.map((row) => JSON.parse(String(row.details)) as unknown)).toEqual([{ count: 2, days: 7 }]);
    } finally {
      await db.close();
    }
    core = await newCore(dataDir, clock);
  });
});
