// The dashboard is kept between visits while the records are unchanged (issue 9). These
// check it never shows anything stale: after a save, after another connection's commit
// (the command line), on a new school day, and for the next person to sign in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../electron/core/db/connection';
import type { Core } from '../../electron/core/index';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { addStaff, call, createIncident, DSL, expectOk, HEAD, newCore, setUp, TestClock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const MINUTE = 60_000;

let dataDir: string;
let remove: () => Promise<void>;
let core: Core;
let clock: TestClock;

beforeEach(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
  // Late on a school day (GMT in November), so a test can cross midnight without idling out.
  clock = new TestClock(Date.parse('2026-11-23T23:57:00Z'));
  core = await newCore(dataDir, clock);
  await setUp(core);
});

afterEach(async () => {
  await core.close();
  await remove();
});

const dashboard = async () => expectOk(await call(core, 'dashboard.get', {}));

async function recordAction(incidentId: number, dueOn: string): Promise<void> {
  expectOk(
    await call(core, 'entries.create', {
      incidentId,
      occurredOn: '2026-11-23',
      occurredTime: '08:30',
      kind: 'action',
      body: { type: 'follow-up', description: 'Check in with the pupil after the weekend', dueOn, completedOn: '' },
    }),
  );
}

describe('the dashboard between visits', () => {
  it('shows a new incident and a new entry as soon as they are saved', async () => {
    expect((await dashboard()).openIncidents).toHaveLength(0);
    const first = await createIncident(core);
    expect((await dashboard()).openIncidents.map((i) => i.id)).toEqual([first]);
    const second = await createIncident(core, '2026-10-01');
    expect((await dashboard()).openIncidents.map((i) => i.id)).toEqual([first, second]);

    expect((await dashboard()).overdue).toHaveLength(0);
    await recordAction(second, '2026-11-20');
    const after = await dashboard();
    expect(after.overdue.map((o) => [o.incidentId, o.dueOn])).toEqual([[second, '2026-11-20']]);
    expect(after.openIncidents.find((i) => i.id === second)?.entryCount).toBe(1);
  });

  it('is worked out again when the day changes, so a deadline that passes overnight shows as overdue', async () => {
    const incidentId = await createIncident(core);
    await recordAction(incidentId, '2026-11-23');
    expect((await dashboard()).overdue).toHaveLength(0);
    clock.advance(4 * MINUTE);
    expect((await dashboard()).overdue.map((o) => o.dueOn)).toEqual(['2026-11-23']);
  });

  it('sees a change committed by another connection to the same file (the command line, say)', async () => {
    const incidentId = await createIncident(core);
    expect((await dashboard()).openIncidents[0]?.title).toBe('Image shared in a group chat');

    const slot = await new KeyslotStore(`${dataDir}/keyslots.json`).unlockWithPassword(DSL.username, DSL.password);
    if (!slot.ok) throw new Error('the key slot did not open');
    const other = await Database.open(`${dataDir}/records.db`, slot.dataKey);
    try {
      await other.transaction((tx) => tx.run('UPDATE incidents SET title = ? WHERE id = ?', ['Renamed elsewhere', incidentId]));
    } finally {
      await other.close();
    }
    expect((await dashboard()).openIncidents[0]?.title).toBe('Renamed elsewhere');
  });

  it('is not carried over to the next person who signs in', async () => {
    await addStaff(core, HEAD, ['head']);
    const incidentId = await createIncident(core);
    // A closure waits for a DSL's signature: the DSL's to give, not the headteacher's.
    expectOk(
      await call(core, 'entries.create', {
        incidentId,
        occurredOn: '2026-11-23',
        occurredTime: '08:45',
        kind: 'closure',
        body: { outcome: 'Images deleted; both pupils supported by the pastoral team.', lessons: '' },
      }),
    );
    const forDsl = await dashboard();
    expect(forDsl.awaitingSignature.map((a) => [a.meaning, a.forMe])).toEqual([['approve-closure', true]]);

    await unlockAs(core, HEAD);
    const forHead = await dashboard();
    expect(forHead.awaitingSignature.map((a) => [a.meaning, a.forMe])).toEqual([['approve-closure', false]]);
  });
});
