// Issue 20 items 3 and 4 through the core: the DSL's retention rule, the records due for review,
// keep decisions with a new review date, and legal holds that keep a record off the list until a
// DSL releases them with a reason. Every change is audited (ids and codes, never the DSL's words)
// and Verify vouches for the rows each write left.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../electron/core/db/connection';
import type { Core } from '../../electron/core/index';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { activeHoldsFor } from '../../electron/core/db/legal-hold-queries';
import { destructionBlockedBy } from '../../shared/domain/legal-holds';
import type { Input } from '../../shared/ipc/contract';
import { addStaff, call, createIncident, DEPUTY, DSL, expectError, expectOk, newCore, setUp, TestClock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;
let clock: TestClock;
let dataDir: string;

beforeEach(async () => {
  let dir: string;
  ({ dir, remove } = await makeTempDir('records-retention-'));
  clock = new TestClock(Date.parse('2026-11-23T12:00:00Z'));
  dataDir = join(dir, 'data');
  core = await newCore(dataDir, clock);
  await setUp(core);
}, 60_000);

afterEach(async () => {
  await core.close();
  await remove();
});

const PUPIL: Input<'pupils.create'> = {
  firstName: 'Wrenna',
  lastName: 'Fictitia',
  dateOfBirth: '2012-05-06',
  sex: 'female',
  yearGroup: '9',
  sen: false,
  senDetails: '',
  lookedAfter: false,
  socialCare: 'none',
};

async function incidentWithPupil(): Promise<{ incidentId: number; pupilId: number }> {
  const incidentId = await createIncident(core, '2026-11-20');
  const pupilId = expectOk(await call(core, 'pupils.create', PUPIL)).id;
  expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId, roles: ['pictured'] }));
  return { incidentId, pupilId };
}

async function auditRows(prefix: string) {
  return expectOk(await call(core, 'audit.list', { limit: 30 })).filter((row) => row.action.startsWith(prefix));
}

describe('retention review', () => {
  it('reviews an incident 75 years after it was recorded by default, and follows the rule the DSL sets', async () => {
    const { incidentId } = await incidentWithPupil();
    const byDefault = expectOk(await call(core, 'retention.of', { target: { incidentId } }));
    expect(byDefault).toMatchObject({ reviewOn: '2101-11-23', due: false, held: false });
    expect(expectOk(await call(core, 'retention.rule', {}))).toEqual({ rule: { kind: 'recorded-plus', years: 75 }, isDefault: true });

    expectOk(await call(core, 'retention.setRule', { rule: { kind: 'dob-plus', years: 25 } }));
    expect(expectOk(await call(core, 'retention.of', { target: { incidentId } })).reviewOn).toBe('2037-05-06');
    const [changed] = await auditRows('retention.rule-changed');
    expect(changed?.details).toEqual({ rule: { from: 'recorded-plus', to: 'dob-plus' }, years: { from: 75, to: 25 } });
  });

  it('proposes a due incident, and a keep decision takes it off the list until its new date, audited', async () => {
    const { incidentId } = await incidentWithPupil();
    expect(expectOk(await call(core, 'retention.list', {})).due).toEqual([]);
    expectOk(await call(core, 'retention.setRule', { rule: { kind: 'recorded-plus', years: 0 } }));
    const { due } = expectOk(await call(core, 'retention.list', {}));
    expect(due.map((d) => [d.kind, d.id, d.reviewOn])).toEqual([['incident', incidentId, '2026-11-23']]);

    expectOk(await call(core, 'retention.keep', { target: { incidentId }, reason: 'Police case still open (fictional)', nextReviewOn: '2031-11-23' }));
    expect(expectOk(await call(core, 'retention.list', {})).due).toEqual([]);
    const within = expectOk(await call(core, 'retention.list', { withinMonths: 60 })).due;
    expect(within.map((d) => [d.id, d.reviewOn])).toEqual([[incidentId, '2031-11-23']]);
    expect(within[0]?.why).toContain('Police case still open (fictional)');

    const [kept] = await auditRows('retention.kept');
    expect(kept?.details).toEqual({ nextReviewOn: '2031-11-23' });
    expect(JSON.stringify(kept)).not.toContain('Police case');
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('refuses a keep with no reason, or a next review that is not after today, and records nothing', async () => {
    const incidentId = await createIncident(core);
    expectError(await call(core, 'retention.keep', { target: { incidentId }, reason: '  ', nextReviewOn: '2030-01-01' }), 'invalid_input');
    const today = expectError(await call(core, 'retention.keep', { target: { incidentId }, reason: 'Still needed', nextReviewOn: '2026-11-23' }), 'invalid_input');
    expect(today.fields?.['nextReviewOn']).toBe('The next review must be after today');
    expect(await auditRows('retention.kept')).toEqual([]);
  });

  it('reviews a pupil with no incidents left on its own, and one with incidents with them', async () => {
    const { pupilId } = await incidentWithPupil();
    const alone = expectOk(await call(core, 'pupils.create', { ...PUPIL, firstName: 'Tamsin', dateOfBirth: '2001-01-01' })).id;
    expectOk(await call(core, 'retention.setRule', { rule: { kind: 'dob-plus', years: 25 } }));
    expect(expectOk(await call(core, 'retention.of', { target: { pupilId } }))).toMatchObject({ reviewOn: null, due: false });
    const lone = expectOk(await call(core, 'retention.of', { target: { pupilId: alone } }));
    expect(lone).toMatchObject({ reviewOn: '2026-01-01', due: true });
    const { due } = expectOk(await call(core, 'retention.list', {}));
    expect(due.map((d) => [d.kind, d.label])).toEqual([['pupil', 'Tamsin Fictitia']]);
  });
});

describe('legal holds', () => {
  it('keeps a held incident off the review list, and lists it on hold, through its pupil too', async () => {
    const { incidentId, pupilId } = await incidentWithPupil();
    const other = await createIncident(core);
    expectOk(await call(core, 'retention.setRule', { rule: { kind: 'recorded-plus', years: 0 } }));

    const { hold } = expectOk(await call(core, 'holds.place', { target: { pupilId }, reasonKind: 'police-investigation', reason: 'Operation Fictional Heron' }));
    expect(hold).toMatchObject({ pupilId, on: 'Wrenna Fictitia', placedBy: 'Marigold Thistlewood', releasedAt: null });
    const list = expectOk(await call(core, 'retention.list', {}));
    expect(list.due.map((d) => d.id)).toEqual([other]);
    expect(list.onHold.map((d) => [d.kind, d.id])).toEqual([
      ['incident', incidentId],
      ['pupil', pupilId],
    ]);
    expect(expectOk(await call(core, 'retention.of', { target: { incidentId } }))).toMatchObject({ held: true, due: false });
    expect(expectOk(await call(core, 'holds.list', { target: { incidentId } })).holds.map((h) => h.id)).toEqual([hold.id]);
  });

  it('gives destruction the holds that apply, inside its own transaction, and the refusal in words', { timeout: 60_000 }, async () => {
    const { incidentId, pupilId } = await incidentWithPupil();
    expectOk(await call(core, 'holds.place', { target: { incidentId }, reasonKind: 'litigation', reason: 'Claim by a fictional family' }));
    await core.close();
    const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
    if (!slot.ok) return expect.fail('the DSL’s password should open their key slot');
    const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
    let viaPupil: Awaited<ReturnType<typeof activeHoldsFor>>;
    try {
      viaPupil = await db.transaction((tx) => activeHoldsFor(tx, { pupilId }));
      expect(await db.transaction((tx) => activeHoldsFor(tx, { incidentId: incidentId + 1 }))).toEqual([]);
    } finally {
      await db.close();
      slot.dataKey.fill(0);
    }
    core = await newCore(dataDir, clock);
    expect(viaPupil.map((h) => h.incidentId)).toEqual([incidentId]);
    expect(destructionBlockedBy(viaPupil)).toBe('This incident is on legal hold (litigation) since 23 Nov 2026, so it cannot be destroyed: a DSL must first release the hold, with a reason.');
  });

  it('releases a hold only with a reason, audits both by id and kind, and the record is proposed again', async () => {
    const incidentId = await createIncident(core);
    expectOk(await call(core, 'retention.setRule', { rule: { kind: 'recorded-plus', years: 0 } }));
    const { hold } = expectOk(await call(core, 'holds.place', { target: { incidentId }, reasonKind: 'statutory-inquiry', reason: 'Inquiry letter (fictional)' }));
    expect(expectOk(await call(core, 'retention.list', {})).due).toEqual([]);

    expectError(await call(core, 'holds.release', { holdId: hold.id, reason: '' }), 'invalid_input');
    expect(expectOk(await call(core, 'holds.list', {})).holds.map((h) => h.id)).toEqual([hold.id]);
    clock.advance(60_000);
    const released = expectOk(await call(core, 'holds.release', { holdId: hold.id, reason: 'Inquiry closed (fictional)' })).hold;
    expect(released).toMatchObject({ releasedBy: 'Marigold Thistlewood', releaseReason: 'Inquiry closed (fictional)' });
    expectError(await call(core, 'holds.release', { holdId: hold.id, reason: 'Again' }), 'conflict');
    expect(expectOk(await call(core, 'holds.list', {})).holds).toEqual([]);
    expect(expectOk(await call(core, 'retention.list', {})).due.map((d) => d.id)).toEqual([incidentId]);

    const rows = await auditRows('hold.');
    expect(rows.map((r) => [r.action, r.details])).toEqual([
      ['hold.released', { holdId: hold.id, reasonKind: 'statutory-inquiry' }],
      ['hold.placed', { holdId: hold.id, reasonKind: 'statutory-inquiry' }],
    ]);
    expect(JSON.stringify(rows)).not.toContain('fictional');
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('refuses anyone but the DSL, and changes nothing', async () => {
    const incidentId = await createIncident(core);
    await addStaff(core, DEPUTY, ['deputy']);
    await unlockAs(core, DEPUTY);
    expectError(await call(core, 'holds.place', { target: { incidentId }, reasonKind: 'other', reason: 'Asked by a parent' }), 'forbidden');
    expectError(await call(core, 'retention.keep', { target: { incidentId }, reason: 'Keep', nextReviewOn: '2030-01-01' }), 'forbidden');
    expectError(await call(core, 'retention.list', {}), 'forbidden');
    await unlockAs(core, DSL);
    expect(await auditRows('hold.')).toEqual([]);
    expect(await auditRows('retention.')).toEqual([]);
  });
});
