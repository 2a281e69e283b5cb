// Issue 14 items 6, 8 and 9: an incident's facts corrected (versioned, with the reason), an
// incident opened by mistake voided (gone from every list and count, still readable to DSLs,
// never changed again), and a closed incident reopened (completeness applies again). The
// demo data (fictional) supplies open and closed incidents with pupils and signed entries.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { generateDemoData } from '../../scripts/demo/generate';
import type { Input, IncidentDetail, IncidentSummary } from '../../shared/ipc/contract';
import { addStaff, call, createIncident, DSL, expectError, expectOk, newCore, unlockAs, type Person } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;
let incidents: IncidentSummary[];
// The demo's own deputy and head have no sign-in; these (fictional) can sign in.
const DEPUTY: Person = { name: 'Wilhelmina Ashdown', username: 'washdown', password: 'lantern biscuit orbit meadow' };
const HEAD: Person = { name: 'Thaddeus Brindlecombe', username: 'tbrindle', password: 'violet tractor pudding moon' };

beforeAll(async () => {
  const temp = await makeTempDir('records-lifecycle-');
  remove = temp.remove;
  const dataDir = join(temp.dir, 'data');
  // A seed whose school has several open incidents as well as closed ones (seed 7 has none open since the generator writes a signed history).
  await generateDemoData({ dataDir, pupils: 20, incidents: 12, entries: 150, seed: 11 });
  core = await newCore(dataDir);
  await unlockAs(core, DSL);
  await addStaff(core, DEPUTY, ['deputy']);
  await addStaff(core, HEAD, ['head']);
  incidents = expectOk(await call(core, 'incidents.list', { status: 'all' }));
}, 60_000);

afterAll(async () => {
  await core?.close();
  await remove?.();
});

async function as(person: Person): Promise<void> {
  expectOk(await call(core, 'session.lock', { reason: 'button' }));
  await unlockAs(core, person);
}

const get = async (incidentId: number): Promise<IncidentDetail> => expectOk(await call(core, 'incidents.get', { incidentId }));

function factsOf(detail: IncidentDetail): Omit<Input<'incidents.correct'>, 'incidentId' | 'reason'> {
  const { title, cameToAttentionOn, imageryDate, kind, media, services, sharing, sharingDetails } = detail.incident;
  return { title, cameToAttentionOn, imageryDate, kind, media, services, sharing, sharingDetails };
}

async function auditActions(): Promise<string[]> {
  return expectOk(await call(core, 'audit.list', { limit: 20 })).map((row) => row.action);
}

describe('correcting an incident’s facts (item 6)', () => {
  it('keeps the earlier facts with who, when and why; the reference never changes; police matter follows the kind', async () => {
    const incidentId = await createIncident(core, '2026-09-14');
    const before = await get(incidentId);
    const reference = before.incident.reference;
    expect(reference).toMatch(/^YPSI-2026-/);
    expect(before.incident.policeMatter).toBe(false);

    await as(DEPUTY);
    const result = expectOk(
      await call(core, 'incidents.correct', {
        ...factsOf(before),
        incidentId,
        title: 'Image shared by a sports coach',
        kind: 'adult-shared',
        cameToAttentionOn: '2025-12-30',
        reason: 'The date was typed a year out, and it was a coach who shared it',
      }),
    );
    expect(result).toEqual({ id: incidentId, reference, changed: 3 });

    const after = await get(incidentId);
    expect(after.incident).toMatchObject({ reference, title: 'Image shared by a sports coach', kind: 'adult-shared', cameToAttentionOn: '2025-12-30', policeMatter: true });
    expect(after.history).toHaveLength(1);
    const [event] = after.history;
    expect(event).toMatchObject({ kind: 'corrected', byName: DEPUTY.name, reason: 'The date was typed a year out, and it was a coach who shared it' });
    expect(event!.changes.map((c) => [c.label, c.from, c.to])).toEqual([
      ['Title', 'Image shared in a group chat', 'Image shared by a sports coach'],
      ['Date it came to the school’s attention', '14 Sept 2026', '30 Dec 2025'],
      ['What kind of incident', 'A young person under 18 shared imagery made by another under-18 with a peer or an adult', 'An adult shared nudes or semi-nudes of someone under 18'],
    ]);

    // Back to a peer: police matter follows the kind again.
    expectOk(await call(core, 'incidents.correct', { ...factsOf(after), incidentId, kind: 'self-shared', reason: 'Police confirmed the sender is 15' }));
    const again = await get(incidentId);
    expect(again.incident.policeMatter).toBe(false);
    expect(again.history.map((e) => e.kind)).toEqual(['corrected', 'corrected']);
    await as(DSL);
    expect((await auditActions()).slice(0, 5)).toContain('incident.corrected');
  });

  it('refuses a correction without a reason, with no change, or dated in the future, and changes nothing', async () => {
    const incidentId = await createIncident(core);
    const detail = await get(incidentId);
    const noReason = expectError(await call(core, 'incidents.correct', { ...factsOf(detail), incidentId, title: 'Changed', reason: ' ' }), 'invalid_input');
    expect(noReason.fields?.reason).toBe('Give the reason for the correction');
    const nothing = expectError(await call(core, 'incidents.correct', { ...factsOf(detail), incidentId, reason: 'Checking' }), 'invalid_input');
    expect(nothing.message).toBe('Nothing has been changed: correct at least one of the details, or cancel.');
    const future = expectError(await call(core, 'incidents.correct', { ...factsOf(detail), incidentId, cameToAttentionOn: '2099-01-01', reason: 'Typo' }), 'invalid_input');
    expect(future.fields?.cameToAttentionOn).toBe('The date it came to the school’s attention cannot be in the future');
    // A field the contract does not know is refused, not silently dropped.
    const unknown = { ...factsOf(detail), incidentId, title: 'Changed', reason: 'Typo', reference: 'YPSI-1999-001' };
    expectError(await call(core, 'incidents.correct', unknown as Parameters<typeof call<'incidents.correct'>>[2]), 'invalid_input');
    const unchanged = await get(incidentId);
    expect(unchanged.incident).toEqual(detail.incident);
    expect(unchanged.history).toEqual([]);
  });

  it('is for a DSL or deputy only, and never on a closed incident', async () => {
    const closed = incidents.find((i) => i.status === 'closed')!;
    const detail = await get(closed.id);
    const refused = expectError(await call(core, 'incidents.correct', { ...factsOf(detail), incidentId: closed.id, title: 'Changed after closing', reason: 'Typo' }), 'conflict');
    expect(refused.message).toBe(`${closed.reference} is closed, so nothing on it can be added, signed or changed. A DSL can reopen it, giving the reason.`);
    expect((await get(closed.id)).incident.title).toBe(detail.incident.title);

    await as(HEAD);
    expectError(await call(core, 'incidents.correct', { ...factsOf(detail), incidentId: closed.id, title: 'Changed', reason: 'Typo' }), 'forbidden');
    await as(DSL);
  });
});

describe('voiding an incident opened by mistake (item 8)', () => {
  let voided: IncidentSummary;
  let pupilId: number;

  beforeAll(async () => {
    const dashboard = expectOk(await call(core, 'dashboard.get', {}));
    // An open incident with a pupil on it and something on the dashboard, so every list has something to lose.
    const candidates = incidents.filter((i) => i.status === 'open' && i.peopleCount > 0 && dashboard.openIncidents.some((o) => o.id === i.id));
    voided = candidates[0]!;
    pupilId = (await get(voided.id)).people.find((p) => p.pupil)!.pupil!.id;
  });

  it('is for a DSL only, with a reason', async () => {
    await as(DEPUTY);
    expectError(await call(core, 'incidents.void', { incidentId: voided.id, reason: 'Duplicate' }), 'forbidden');
    await as(DSL);
    const noReason = expectError(await call(core, 'incidents.void', { incidentId: voided.id, reason: '' }), 'invalid_input');
    expect(noReason.fields?.reason).toMatch(/^Give the reason for voiding this incident/);
    expect((await get(voided.id)).incident.voided).toBe(false);
  });

  it('leaves every list and count, and the DSL finds it on the voided list with who, when and why', async () => {
    const countsBefore = {
      list: expectOk(await call(core, 'incidents.list', { status: 'all' })).length,
      school: expectOk(await call(core, 'chronology.page', { scope: { type: 'school' }, filters: {}, offset: 0, limit: 5, count: true })).total,
      pupilIncidents: expectOk(await call(core, 'pupils.get', { pupilId })).incidents.length,
      pupilCount: expectOk(await call(core, 'pupils.list', {})).find((p) => p.id === pupilId)!.incidentCount,
    };
    const ownEntries = (await get(voided.id)).entries.filter((e) => e.latest).length;
    expect(ownEntries).toBeGreaterThan(0);

    expectOk(await call(core, 'incidents.void', { incidentId: voided.id, reason: `Duplicate of another incident, opened twice by mistake` }));
    expect((await auditActions())[0]).toBe('incident.voided');

    expect(expectOk(await call(core, 'incidents.list', { status: 'all' })).map((i) => i.id)).not.toContain(voided.id);
    expect(expectOk(await call(core, 'incidents.list', { status: 'all' }))).toHaveLength(countsBefore.list - 1);
    const dashboard = expectOk(await call(core, 'dashboard.get', {}));
    expect(dashboard.openIncidents.map((i) => i.id)).not.toContain(voided.id);
    expect(dashboard.overdue.concat().map((o) => o.incidentId)).not.toContain(voided.id);
    expect(dashboard.awaitingSignature.map((o) => o.incidentId)).not.toContain(voided.id);
    const pupil = expectOk(await call(core, 'pupils.get', { pupilId }));
    expect(pupil.incidents.map((i) => i.id)).not.toContain(voided.id);
    expect(pupil.incidents).toHaveLength(countsBefore.pupilIncidents - 1);
    expect(expectOk(await call(core, 'pupils.list', {})).find((p) => p.id === pupilId)!.incidentCount).toBe(countsBefore.pupilCount - 1);
    const school = expectOk(await call(core, 'chronology.page', { scope: { type: 'school' }, filters: {}, offset: 0, limit: 100, count: true }));
    expect(school.total).toBe(countsBefore.school! - ownEntries);
    expect(school.rows.map((r) => r.incidentId)).not.toContain(voided.id);
    const pupilChronology = expectOk(await call(core, 'chronology.page', { scope: { type: 'pupil', pupilId }, filters: {}, offset: 0, limit: 100, count: true }));
    expect(pupilChronology.rows.map((r) => r.incidentId)).not.toContain(voided.id);
    const header = expectOk(await call(core, 'chronology.header', { scope: { type: 'pupil', pupilId } }));
    expect(header.pupilIncidents.map((i) => i.id)).not.toContain(voided.id);
    // Searching by its reference finds nothing.
    const search = expectOk(await call(core, 'chronology.page', { scope: { type: 'school' }, filters: { q: voided.reference }, offset: 0, limit: 50, count: true }));
    expect(search.total).toBe(0);

    const list = expectOk(await call(core, 'incidents.listVoided', {}));
    expect(list).toEqual([
      expect.objectContaining({ id: voided.id, reference: voided.reference, voidedByName: DSL.name, reason: 'Duplicate of another incident, opened twice by mistake' }),
    ]);
  });

  it('stays readable to a DSL, marked voided with who and why; other staff cannot open it', async () => {
    const detail = await get(voided.id);
    expect(detail.incident.voided).toBe(true);
    expect(detail.history.at(-1)).toMatchObject({ kind: 'voided', byName: DSL.name, reason: 'Duplicate of another incident, opened twice by mistake' });
    await as(DEPUTY);
    expect(expectError(await call(core, 'incidents.get', { incidentId: voided.id }), 'forbidden').message).toBe(`${voided.reference} was voided; only a DSL can open it.`);
    expectError(await call(core, 'incidents.listVoided', {}), 'forbidden');
    expectError(await call(core, 'chronology.header', { scope: { type: 'incident', incidentId: voided.id } }), 'forbidden');
    expectError(await call(core, 'exports.options', { document: { type: 'incident-report', incidentId: voided.id } }), 'forbidden');
    // Nor through its chronology, page by page or entry by entry.
    expectError(await call(core, 'chronology.page', { scope: { type: 'incident', incidentId: voided.id }, filters: { q: '' }, offset: 0, limit: 10, count: true }), 'forbidden');
    expect(detail.entries.length).toBeGreaterThan(0);
    expectError(await call(core, 'chronology.entry', { entryId: detail.entries[0]!.id }), 'forbidden');
    await as(DSL);
  });

  it('refuses every change to it', async () => {
    const detail = await get(voided.id);
    const message = `${voided.reference} was voided, so nothing on it can be added, signed or changed.`;
    expect(expectError(await call(core, 'incidents.correct', { ...factsOf(detail), incidentId: voided.id, title: 'Changed', reason: 'Typo' }), 'conflict').message).toBe(message);
    expect(
      expectError(
        await call(core, 'incidents.addOtherPerson', {
          incidentId: voided.id,
          person: { kind: 'young_person', name: 'A pupil at another school', age: 14, dateOfBirth: '', sex: 'not_known', setting: 'Not known', relationship: '' },
          roles: ['received'],
        }),
        'conflict',
      ).message,
    ).toBe(message);
    const person = detail.people[0]!;
    expect(expectError(await call(core, 'incidents.setRoles', { incidentPersonId: person.id, roles: ['holds'] }), 'conflict').message).toBe(message);
    expectError(
      await call(core, 'entries.create', {
        incidentId: voided.id,
        occurredOn: '2026-11-20',
        occurredTime: '10:00',
        kind: 'conversation',
        body: { withWhom: 'A pupil', byWhom: DSL.name, summary: 'Talked it through.', supportOffered: '' },
      }),
      'conflict',
    );
    expectError(await call(core, 'incidents.void', { incidentId: voided.id, reason: 'Again' }), 'conflict');
    expectError(await call(core, 'incidents.reopen', { incidentId: voided.id, reason: 'Again' }), 'conflict');
    expectError(await call(core, 'incidents.close', { incidentId: voided.id }), 'conflict');
    const after = await get(voided.id);
    expect(after.people).toEqual(detail.people);
    expect(after.entries).toEqual(detail.entries);
  });
});

describe('reopening a closed incident (item 9)', () => {
  it('is for a DSL, with a reason; status back to open; an earlier closure approval no longer counts until the closure is signed again', async () => {
    const closed = incidents.find((i) => i.status === 'closed')!;
    const before = await get(closed.id);
    expect(before.closureSigned).toBe(true);

    await as(DEPUTY);
    expectError(await call(core, 'incidents.reopen', { incidentId: closed.id, reason: 'New information' }), 'forbidden');
    await as(DSL);
    expect(expectError(await call(core, 'incidents.reopen', { incidentId: closed.id, reason: '' }), 'invalid_input').fields?.reason).toBe(
      'Give the reason for reopening, for example new information or an escalation',
    );

    expectOk(await call(core, 'incidents.reopen', { incidentId: closed.id, reason: 'The police passed on new information about a second image' }));
    expect((await auditActions())[0]).toBe('incident.reopened');
    const reopened = await get(closed.id);
    expect(reopened.incident.status).toBe('open');
    expect(reopened.incident.reopenedAt).not.toBeNull();
    expect(reopened.history.at(-1)).toMatchObject({ kind: 'reopened', byName: DSL.name, reason: 'The police passed on new information about a second image' });
    expect(reopened.closureSigned).toBe(false);
    const header = expectOk(await call(core, 'chronology.header', { scope: { type: 'incident', incidentId: closed.id } }));
    expect(header.incidentHistory.at(-1)).toMatchObject({ kind: 'reopened', reason: 'The police passed on new information about a second image' });
    expect(expectOk(await call(core, 'incidents.list', { status: 'open' })).map((i) => i.id)).toContain(closed.id);
    expectError(await call(core, 'incidents.reopen', { incidentId: closed.id, reason: 'Twice' }), 'conflict');
    // The dashboard now awaits a DSL's approval of the closure again.
    const dashboard = expectOk(await call(core, 'dashboard.get', {}));
    expect(dashboard.awaitingSignature.filter((a) => a.incidentId === closed.id).map((a) => a.meaning)).toContain('approve-closure');
    // Not as "for me" for a DSL who approved that version before the reopening: they cannot sign it twice.
    const closureEntry = reopened.entries.find((e) => e.kind === 'closure' && e.latest)!;
    const approvedBefore = closureEntry.signatures.some((sig) => sig.signerId === reopened.staff.find((m) => m.name === DSL.name)?.id);
    const awaitedClosure = dashboard.awaitingSignature.find((a) => a.entryId === closureEntry.id);
    expect(awaitedClosure?.forMe).toBe(!approvedBefore);
    // So do the chronology's "awaiting a signature" filter and its row.
    const scope = { type: 'incident', incidentId: closed.id } as const;
    const awaitingPage = expectOk(await call(core, 'chronology.page', { scope, filters: { signatures: 'awaiting' }, offset: 0, limit: 50, count: true }));
    const closureRow = awaitingPage.rows.find((r) => r.kind === 'closure');
    expect(closureRow?.awaiting.map((a) => a.meaning)).toEqual(['approve-closure']);
    const refused = expectError(await call(core, 'incidents.close', { incidentId: closed.id }), 'conflict');
    expect(refused.message).not.toBe(`${closed.reference} is already closed.`);

    // Amend the closure (a new version, with the reason) and sign it: the closure counts again and it closes.
    const closure = reopened.entries.find((e) => e.kind === 'closure' && e.latest)!;
    const [occurredOn, occurredTime] = ['2026-11-22', '15:00'];
    const amended = expectOk(
      await call(core, 'entries.revise', {
        entryId: closure.id,
        occurredOn,
        occurredTime,
        kind: 'closure',
        body: { ...closure.body, outcome: 'Reviewed again after the new information; no further action.' },
        reason: 'Reviewed again after the incident was reopened',
      }),
    );
    expectOk(await call(core, 'entries.sign', { entryId: amended.id, meaning: 'approve-closure', username: DSL.username, password: DSL.password }));
    const signed = await get(closed.id);
    expect(signed.closureSigned).toBe(true);
    if (signed.gaps.length === 0) {
      expectOk(await call(core, 'incidents.close', { incidentId: closed.id }));
      const again = await get(closed.id);
      expect(again.incident.status).toBe('closed');
      expect(again.history.slice(-2).map((e) => e.kind)).toEqual(['reopened', 'closed']);
    }
  });
});
