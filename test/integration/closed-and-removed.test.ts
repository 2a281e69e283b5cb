// Issue 14, items 2 and 7: a closed incident changes in no way, the checks that allow a write
// run inside the write's own transaction, and a person added in error is removed (never
// deleted) with who, when and why. Every name here is made up.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { Database } from '../../electron/core/db/connection';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import type { Input } from '../../shared/ipc/contract';
import { addStaff, call, DSL, expectError, expectOk, HEAD, SCHOOL, setUp, TestClock, unlockAs } from './helpers/core';
import { snapshotDatabase } from './helpers/db-snapshot';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let dataDir: string;
let outDir: string;
let remove: () => Promise<void>;
const clock = new TestClock(Date.parse('2026-11-23T09:00:00Z'));

const PUPIL: Input<'pupils.create'> = {
  firstName: 'Juniper',
  lastName: 'Ashcombe',
  dateOfBirth: '2011-05-02',
  sex: 'female',
  yearGroup: '10',
  sen: false,
  senDetails: '',
  lookedAfter: false,
  socialCare: 'none',
};
const OTHER: Input<'incidents.addOtherPerson'>['person'] = {
  kind: 'young_person',
  name: 'Rowan Pennyfeather',
  age: 15,
  dateOfBirth: '',
  sex: 'male',
  setting: 'Larkspur College',
  relationship: '',
};

beforeAll(async () => {
  const temp = await makeTempDir('records-lifecycle-');
  remove = temp.remove;
  dataDir = join(temp.dir, 'data');
  outDir = join(temp.dir, 'out');
  await mkdir(outDir);
  core = await createCore({ dataDir, appVersion: '0.0.0-test', now: clock.now, log: () => undefined, chooseSavePath: (name) => Promise.resolve(join(outDir, name)) });
  await setUp(core, { school: SCHOOL });
  await addStaff(core, HEAD, ['head']);
}, 60_000);

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await core?.close();
  await remove?.();
});

async function newIncident(title = 'Image shared in a group chat'): Promise<number> {
  return expectOk(
    await call(core, 'incidents.create', {
      title,
      cameToAttentionOn: '2026-11-20',
      imageryDate: '',
      kind: 'shared-on',
      media: 'photo',
      services: [],
      sharing: 'not_known',
      sharingDetails: '',
    }),
  ).id;
}

async function record(incidentId: number, content: Omit<Input<'entries.create'>, 'incidentId' | 'occurredOn' | 'occurredTime'>) {
  return expectOk(await call(core, 'entries.create', { incidentId, occurredOn: '2026-11-21', occurredTime: '10:00', ...content } as Input<'entries.create'>));
}

const DISCLOSURE = {
  kind: 'disclosure',
  body: { source: 'young_person', sourceName: '', toldTo: DSL.name, means: 'in_person', whatWasSaid: 'A photo was passed round the group chat.', immediateActions: '' },
} as const;

const CLOSURE = { kind: 'closure', body: { outcome: 'Referred; children’s social care took the lead.', lessons: '' } } as const;

/**
 * An incident with nothing missing and its closure signed by the DSL: disclosure, a review
 * that refers to children's social care, the referral, and the closure. It has someone from
 * outside the school on it, so there is a person to change.
 */
async function readyToClose(): Promise<{ incidentId: number; closureId: number; disclosureId: number; personId: number }> {
  const incidentId = await newIncident('Ready to close');
  const personId = expectOk(await call(core, 'incidents.addOtherPerson', { incidentId, person: OTHER, roles: ['received'] })).id;
  const disclosureId = (await record(incidentId, DISCLOSURE)).id;
  await record(incidentId, {
    kind: 'initial-review',
    body: {
      attendees: DSL.name,
      considerations: { immediateRisk: '', viewingNeeded: '', furtherInformation: '', sharing: '', deletion: '', relevantFacts: '', otherSettings: '', parents: '' },
      points: { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' },
      pointNotes: { adultInvolved: '', coercionOrGrooming: '', unusualOrViolent: '', sexualActs: '', immediateRisk: '' },
      decision: 'refer',
      referTo: ['social-care'],
      reasons: 'Children’s social care asked to be told of any such incident.',
      overrideReasons: '',
    },
  });
  await record(incidentId, {
    kind: 'social-care',
    body: { alreadyInvolved: 'no', referralMade: 'yes', target: 'childrens-social-care', contact: 'Duty social worker', how: 'Telephone', reference: '', outcome: '' },
  });
  const closureId = (await record(incidentId, CLOSURE)).id;
  expectOk(await call(core, 'entries.sign', { entryId: closureId, meaning: 'approve-closure', username: DSL.username, password: DSL.password }));
  const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
  expect(detail.gaps).toEqual([]);
  expect(detail.closureSigned).toBe(true);
  return { incidentId, closureId, disclosureId, personId };
}

/** The rows a write about an incident could touch. */
async function recordRows() {
  const snapshot = await snapshotDatabase(dataDir, DSL);
  return { people: snapshot.incident_people, entries: snapshot.entries, signatures: snapshot.signatures, audit: snapshot.audit };
}

describe('a closed incident changes nothing', () => {
  it('refuses people, roles, removals, entries, amendments and signatures with `conflict`, and no row or audit line changes', async () => {
    const { incidentId, disclosureId, personId } = await readyToClose();
    const pupil = expectOk(await call(core, 'pupils.create', PUPIL));
    expectOk(await call(core, 'incidents.close', { incidentId }));
    const reference = expectOk(await call(core, 'incidents.get', { incidentId })).incident.reference;

    const before = await recordRows();
    const refusals = [
      await call(core, 'incidents.addPupil', { incidentId, pupilId: pupil.id, roles: ['received'] }),
      await call(core, 'incidents.addOtherPerson', { incidentId, person: OTHER, roles: ['holds'] }),
      await call(core, 'incidents.setRoles', { incidentPersonId: personId, roles: ['received', 'holds'] }),
      await call(core, 'incidents.removePerson', { incidentPersonId: personId, reason: 'Added to the wrong incident' }),
      await call(core, 'entries.create', { incidentId, occurredOn: '2026-11-22', occurredTime: '09:00', ...DISCLOSURE }),
      await call(core, 'entries.revise', { entryId: disclosureId, occurredOn: '2026-11-21', occurredTime: '10:05', reason: 'Time corrected', ...DISCLOSURE }),
      await call(core, 'entries.sign', { entryId: disclosureId, meaning: 'record-accurate', username: DSL.username, password: DSL.password }),
      await call(core, 'entries.sign', { entryId: disclosureId, meaning: 'record-accurate', username: HEAD.username, password: HEAD.password }),
    ];
    for (const result of refusals) expect(expectError(result, 'conflict').message).toBe(`${reference} is closed, so nothing on it can be added, signed or changed. A DSL can reopen it, giving the reason.`);
    expect(await recordRows()).toEqual(before);
  });
});

describe('the checks that allow a write run inside its transaction', () => {
  it('refuses a signature on a version amended while the signer’s password was being checked', async () => {
    const incidentId = await newIncident();
    const entry = await record(incidentId, DISCLOSURE);
    // Another desk amends the entry in the moment between the signer's first check and the write.
    const spy = vi.spyOn(KeyslotStore.prototype, 'unlockWithPassword');
    spy.mockImplementationOnce(async function (this: KeyslotStore, username, password) {
      expectOk(await call(core, 'entries.revise', { entryId: entry.id, occurredOn: '2026-11-21', occurredTime: '10:05', ...DISCLOSURE }));
      spy.mockRestore();
      return this.unlockWithPassword(username, password);
    });
    const result = await call(core, 'entries.sign', { entryId: entry.id, meaning: 'record-accurate', username: DSL.username, password: DSL.password });
    expect(expectError(result, 'conflict').message).toBe('A newer version of this entry exists. Open the latest version and work on that.');
    const entries = expectOk(await call(core, 'incidents.get', { incidentId })).entries;
    expect(entries.map((e) => [e.version, e.latest, e.signatures.length])).toEqual([
      [1, false, 0],
      [2, true, 0],
    ]);
  });

  it('refuses to sign, amend or add to a version that is no longer the latest', async () => {
    const incidentId = await newIncident();
    const first = await record(incidentId, DISCLOSURE);
    expectOk(await call(core, 'entries.revise', { entryId: first.id, occurredOn: '2026-11-21', occurredTime: '10:05', ...DISCLOSURE }));
    expectError(await call(core, 'entries.sign', { entryId: first.id, meaning: 'record-accurate', username: DSL.username, password: DSL.password }), 'conflict');
    expectError(await call(core, 'entries.revise', { entryId: first.id, occurredOn: '2026-11-21', occurredTime: '10:10', ...DISCLOSURE }), 'conflict');
  });

  it('re-reads whether the incident is ready to close inside the closing transaction', async () => {
    const { incidentId, closureId } = await readyToClose();
    // Just as the close begins, another desk amends the signed closure: the new version is unsigned.
    const spy = vi.spyOn(Database.prototype, 'transaction');
    spy.mockImplementationOnce(async function <T>(this: Database, body: Parameters<Database['transaction']>[0], options?: Parameters<Database['transaction']>[1]): Promise<T> {
      spy.mockRestore();
      expectOk(await call(core, 'entries.revise', { entryId: closureId, occurredOn: '2026-11-21', occurredTime: '10:00', reason: 'Outcome reworded', ...CLOSURE }));
      return this.transaction(body, options) as Promise<T>;
    });
    const result = await call(core, 'incidents.close', { incidentId });
    expect(expectError(result, 'conflict').message).toBe('Record the review and closure, and have a DSL sign it, before closing the incident.');
    expect(expectOk(await call(core, 'incidents.get', { incidentId })).incident.status).toBe('open');
  });
});

describe('removing a person added in error', () => {
  it('keeps them, marked removed with who, when and why; they no longer count for the record, the pupil’s incidents or search', async () => {
    const pupil = expectOk(await call(core, 'pupils.create', { ...PUPIL, firstName: 'Thaddeus', lastName: 'Quillon' }));
    const incidentId = await newIncident('Wrong pupil added');
    const added = expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId: pupil.id, roles: ['pictured'] }));
    // An entry about them: it must stay readable after they are removed.
    const parents = await record(incidentId, {
      kind: 'parents',
      body: { pupilPersonId: added.id, informed: 'no', reasons: 'They were not involved after all.', decidedBy: DSL.name, notes: '' },
    });
    expect(expectOk(await call(core, 'pupils.get', { pupilId: pupil.id })).incidents.map((i) => i.id)).toEqual([incidentId]);

    expect(expectError(await call(core, 'incidents.removePerson', { incidentPersonId: added.id, reason: '   ' }), 'invalid_input').fields).toEqual({
      reason: 'Give the reason for removing them',
    });
    clock.advance(60_000);
    const removed = expectOk(await call(core, 'incidents.removePerson', { incidentPersonId: added.id, reason: 'Added in error: a different Year 10 pupil' }));
    expect(removed.removal).toEqual({ at: clock.now().toISOString(), byName: DSL.name, reason: 'Added in error: a different Year 10 pupil' });
    expect(removed.roles).toEqual(['pictured']);

    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(detail.people).toEqual([]);
    expect(detail.removedPeople.map((p) => [p.pupil?.lastName, p.addedByName, p.removal?.reason])).toEqual([['Quillon', DSL.name, 'Added in error: a different Year 10 pupil']]);
    expect(detail.entries.find((e) => e.id === parents.id)?.latest).toBe(true);
    expect(detail.gaps.some((g) => g.message.includes('Thaddeus'))).toBe(false);

    const audit = expectOk(await call(core, 'audit.list', { limit: 5 }));
    expect(audit.find((row) => row.action === 'person.removed')?.details).toMatchObject({ incidentPersonId: added.id, reason: 'Added in error: a different Year 10 pupil' });

    expect(expectOk(await call(core, 'pupils.get', { pupilId: pupil.id })).incidents).toEqual([]);
    expect(expectOk(await call(core, 'pupils.list', {})).find((p) => p.id === pupil.id)?.incidentCount).toBe(0);
    expect(expectOk(await call(core, 'incidents.list', { status: 'open' })).find((i) => i.id === incidentId)?.peopleCount).toBe(0);
    const pupilChronology = expectOk(await call(core, 'chronology.page', { scope: { type: 'pupil', pupilId: pupil.id }, filters: { q: '', backdated: false }, offset: 0, limit: 10, count: true }));
    expect(pupilChronology.total).toBe(0);

    // The incident's chronology shows the removal, and the entry about them still names them.
    const header = expectOk(await call(core, 'chronology.header', { scope: { type: 'incident', incidentId } }));
    expect(header.incidentHistory).toEqual([
      {
        kind: 'person-removed',
        at: clock.now().toISOString(),
        byName: DSL.name,
        what: `Thaddeus Quillon was removed from this incident. They had been added on 23 Nov 2026, 09:00 by ${DSL.name}, as: pictured in the imagery.`,
        reason: 'Added in error: a different Year 10 pupil',
        changes: [],
      },
    ]);
    const entry = expectOk(await call(core, 'chronology.entry', { entryId: parents.id }));
    expect(entry.removedPeople.map((p) => p.id)).toEqual([added.id]);

    // Removed once only; their roles cannot change; they can be added again, as a new row.
    expectError(await call(core, 'incidents.removePerson', { incidentPersonId: added.id, reason: 'Again' }), 'conflict');
    expectError(await call(core, 'incidents.setRoles', { incidentPersonId: added.id, roles: ['received'] }), 'conflict');
    const again = expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId: pupil.id, roles: ['received'] }));
    expect(again.id).not.toBe(added.id);
  });

  it('prints them under “Removed from this incident” in the incident report, with who, when and why', async () => {
    const incidentId = await newIncident('Printed removal');
    const person = expectOk(await call(core, 'incidents.addOtherPerson', { incidentId, person: { ...OTHER, name: 'Ottoline Marchbank' }, roles: ['holds'] }));
    expectOk(await call(core, 'incidents.removePerson', { incidentPersonId: person.id, reason: 'Confused with another pupil at Larkspur' }));
    const result = expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [] }));
    if (!result.saved) return expect.fail('expected a saved PDF');
    const text = execFileSync('pdftotext', [join(outDir, result.fileName), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Removed from this incident (added in error)');
    expect(text).toContain('Confused with another pupil at Larkspur');
    expect(text).toContain(`by ${DSL.name}`);
    // A child's name is redacted here as everywhere: the young person is a label, not a name.
    expect(text).not.toContain('Ottoline');
  });

  it('is for a DSL or deputy only', async () => {
    const incidentId = await newIncident();
    const person = expectOk(await call(core, 'incidents.addOtherPerson', { incidentId, person: OTHER, roles: ['holds'] }));
    await unlockAs(core, HEAD);
    expectError(await call(core, 'incidents.removePerson', { incidentPersonId: person.id, reason: 'Added in error' }), 'forbidden');
    await unlockAs(core, DSL);
  });
});
