// Issue 14 item 4: whose each entry is. The core keeps "who this is about" to people on the
// entry's own incident (checked inside the write), the pupil chronology marks and can leave out
// entries about other children only (its SQL agreeing with the pure rule), and the PDFs say
// whom each entry is about, withheld children by their labels; a pupil's file includes or
// leaves out the entries about others as chosen, and says so on its cover. Fictional people.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { concernsOnlyOthers, entrySubjectIds } from '../../shared/domain/whose-entry';
import type { ChronologyFiltersInput, ChronologyScope } from '../../shared/domain/chronology';
import type { Input } from '../../shared/ipc/contract';
import type { ChronologyRow } from '../../shared/ipc/contract-chronology';
import { call, createIncident, DSL, expectError, expectOk, setUp, TestClock } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

let core: Core;
let remove: () => Promise<void>;
let outDir: string;
let incidentId: number;
let otherIncidentId: number;
let tamsin: { pupilId: number; personId: number };
let rowan: { pupilId: number; personId: number };
let juniperId: number;
let tamsinOnOtherIncident: number;

function pupilInput(firstName: string, lastName: string): Input<'pupils.create'> {
  return { firstName, lastName, dateOfBirth: '2011-03-04', sex: 'female', yearGroup: '10', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' };
}

const conversation = (about: number[] | undefined, summary: string) => ({
  kind: 'conversation' as const,
  body: { ...(about ? { about } : {}), withWhom: 'A pupil', byWhom: 'The DSL', summary, supportOffered: '' },
});

async function record(content: ReturnType<typeof conversation> | { kind: 'parents'; body: Record<string, unknown> } | { kind: 'device'; body: Record<string, unknown> }, target = incidentId) {
  return call(core, 'entries.create', { incidentId: target, occurredOn: '2026-11-20', occurredTime: '10:15', ...content } as Input<'entries.create'>);
}

beforeAll(async () => {
  const temp = await makeTempDir('records-whose-');
  remove = temp.remove;
  outDir = join(temp.dir, 'out');
  await mkdir(outDir);
  const clock = new TestClock();
  core = await createCore({
    dataDir: join(temp.dir, 'data'),
    appVersion: '0.0.0-test',
    now: clock.now,
    log: () => undefined,
    chooseSavePath: (suggested) => Promise.resolve(join(outDir, `${Date.now()}-${Math.random().toString(36).slice(2)}-${suggested}`)),
  });
  await setUp(core);
  const t = expectOk(await call(core, 'pupils.create', pupilInput('Tamsin', 'Oakridge')));
  const r = expectOk(await call(core, 'pupils.create', pupilInput('Rowan', 'Ashcombe')));
  incidentId = await createIncident(core);
  otherIncidentId = await createIncident(core);
  tamsin = { pupilId: t.id, personId: expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId: t.id, roles: ['pictured'] })).id };
  rowan = { pupilId: r.id, personId: expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId: r.id, roles: ['sent'] })).id };
  juniperId = expectOk(
    await call(core, 'incidents.addOtherPerson', {
      incidentId,
      person: { kind: 'young_person', name: 'Juniper Fallowmere', age: 15, dateOfBirth: '', sex: 'female', setting: 'Harrowgate School', relationship: '' },
      roles: ['received'],
    }),
  ).id;
  tamsinOnOtherIncident = expectOk(await call(core, 'incidents.addPupil', { incidentId: otherIncidentId, pupilId: t.id, roles: ['received'] })).id;

  expectOk(await record({ kind: 'parents', body: { pupilPersonId: rowan.personId, informed: 'no', reasons: 'Advice from children’s social care.', decidedBy: 'The DSL with the social worker', notes: '' } }));
  expectOk(await record(conversation([rowan.personId], 'First conversation about the group chat.')));
  expectOk(await record(conversation([tamsin.personId, rowan.personId], 'Joint conversation with both pupils.')));
  expectOk(await record(conversation(undefined, 'Conversation about the whole incident.')));
  expectOk(
    await record({
      kind: 'device',
      body: { about: [juniperId], description: 'Green phone', owner: 'Juniper', confiscatedBy: 'The DSL', switchedOff: 'yes', storedWhere: 'The safe', outcome: 'held', handedToOfficer: '', handedOverOn: '', notes: '' },
    }),
  );
}, 60_000);

afterAll(async () => {
  await core?.close();
  await remove?.();
});

async function rows(scope: ChronologyScope, filters: ChronologyFiltersInput = {}): Promise<{ rows: ChronologyRow[]; total: number | null }> {
  return expectOk(await call(core, 'chronology.page', { scope, filters: { q: '', ...filters }, offset: 0, limit: 200 }));
}

describe('recording whom an entry is about', () => {
  it('refuses people who are not on this incident, inside the write, and records nothing', async () => {
    const before = expectOk(await call(core, 'incidents.get', { incidentId })).entries.length;
    const error = expectError(await record(conversation([tamsinOnOtherIncident], 'Should not be saved.')), 'invalid_input');
    expect(error.fields).toEqual({ 'body.about': 'Choose only people on this incident' });
    expectError(await record(conversation([999_999], 'Should not be saved.')), 'invalid_input');
    expect(expectOk(await call(core, 'incidents.get', { incidentId })).entries.length).toBe(before);
  });

  it('refuses an amendment that names someone from another incident', async () => {
    const entry = expectOk(await record(conversation([tamsinOnOtherIncident], 'To be amended.'), otherIncidentId));
    const { incidentId: _id, ...content } = { incidentId, occurredOn: '2026-11-20', occurredTime: '10:15', ...conversation([rowan.personId], 'Amended.') };
    const error = expectError(await call(core, 'entries.revise', { entryId: entry.id, ...content }), 'invalid_input');
    expect(error.fields?.['body.about']).toBe('Choose only people on this incident');
  });

  it('refuses naming someone removed from the incident anew, and lets an amendment keep an earlier mention', async () => {
    const thirdIncident = await createIncident(core);
    const wren = expectOk(await call(core, 'pupils.create', pupilInput('Wren', 'Halloway'))).id;
    const person = expectOk(await call(core, 'incidents.addPupil', { incidentId: thirdIncident, pupilId: wren, roles: ['received'] })).id;
    const earlier = expectOk(await record(conversation([person], 'Spoke to him before we found he was added in error.'), thirdIncident));
    expectOk(await call(core, 'incidents.removePerson', { incidentPersonId: person, reason: 'Added in error: a different pupil' }));
    const error = expectError(await record(conversation([person], 'Should not be saved.'), thirdIncident), 'invalid_input');
    expect(error.fields).toEqual({ 'body.about': 'Choose only people on this incident' });
    const amended = { occurredOn: '2026-11-20', occurredTime: '10:20', ...conversation([person], 'Spoke to him before we found he was added in error (time corrected).') };
    expectOk(await call(core, 'entries.revise', { entryId: earlier.id, ...amended }));

    // Added again (the right pupil after all): entries about the new row are his own on his chronology.
    const again = expectOk(await call(core, 'incidents.addPupil', { incidentId: thirdIncident, pupilId: wren, roles: ['received'] })).id;
    const current = expectOk(await record(conversation([again], 'Spoke to him again, now he is on the incident.'), thirdIncident));
    const own = (await rows({ type: 'pupil', pupilId: wren })).rows.find((r) => r.id === current.id);
    expect(own?.concernsOnlyOthers).toBe(false);
    expect((await rows({ type: 'pupil', pupilId: wren }, { leaveOutOthers: true })).rows.map((r) => r.id)).toContain(current.id);
  });

  it('keeps whom it is about in the signed content (an optional field, so old entries still read)', async () => {
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    const joint = detail.entries.find((e) => e.body['summary'] === 'Joint conversation with both pupils.')!;
    expect(joint.body['about']).toEqual([tamsin.personId, rowan.personId]);
    const whole = detail.entries.find((e) => e.body['summary'] === 'Conversation about the whole incident.')!;
    expect(whole.body['about']).toBeUndefined();
  });
});

describe('chronologies', () => {
  it('say whom each entry is about, on the incident’s chronology and the school log', async () => {
    for (const scope of [{ type: 'incident', incidentId }, { type: 'school' }] as const) {
      const page = await rows(scope);
      const parents = page.rows.find((r) => r.kind === 'parents')!;
      expect(parents.about).toEqual([{ personId: rowan.personId, name: 'Rowan Ashcombe', child: true }]);
      expect(page.rows.find((r) => r.kind === 'device')!.about).toEqual([{ personId: juniperId, name: 'Juniper Fallowmere', child: true }]);
      expect(page.rows.every((r) => !r.concernsOnlyOthers)).toBe(true);
    }
  });

  it('on a pupil’s chronology, mark the entries about other children only, and leave them out when asked', async () => {
    const scope = { type: 'pupil', pupilId: tamsin.pupilId } as const;
    const all = await rows(scope);
    const marked = all.rows.filter((r) => r.concernsOnlyOthers).map((r) => r.kind).sort();
    expect(marked).toEqual(['conversation', 'device', 'parents']);
    const without = await rows(scope, { leaveOutOthers: true });
    expect(without.total).toBe(all.total! - 3);
    expect(without.rows.map((r) => r.id).sort()).toEqual(all.rows.filter((r) => !r.concernsOnlyOthers).map((r) => r.id).sort());
    // Seen from Rowan's record, the same entries are the other way round.
    const rowans = await rows({ type: 'pupil', pupilId: rowan.pupilId });
    expect(rowans.rows.filter((r) => r.concernsOnlyOthers).map((r) => r.kind)).toEqual(['device']);
  });

  it('filter in SQL exactly as the pure rule decides, for every pupil', async () => {
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    for (const pupil of [tamsin, rowan]) {
      const kept = (await rows({ type: 'pupil', pupilId: pupil.pupilId }, { leaveOutOthers: true })).rows.map((r) => r.id);
      const expected = detail.entries.filter((e) => e.latest && !concernsOnlyOthers(entrySubjectIds(e.kind, e.body), [pupil.personId])).map((e) => e.id);
      expect(kept.filter((id) => detail.entries.some((e) => e.id === id)).sort()).toEqual(expected.sort());
    }
  });
});

async function exportText(input: Omit<Input<'exports.pdf'>, 'currentPassword'>): Promise<string> {
  const result = expectOk(await call(core, 'exports.pdf', { ...input, currentPassword: DSL.password }));
  if (!result.saved) expect.fail('expected the PDF to be saved');
  return pdfText(join(outDir, result.fileName));
}

describe('PDFs', () => {
  it('print whom each entry is about, with children not named shown by their labels', async () => {
    const text = await exportText({ document: { type: 'incident-report', incidentId }, namedChildren: [], preparedFor: '' });
    expect(text).not.toContain('Rowan');
    expect(text).not.toContain('Juniper');
    expect(text).toContain('About Pupil A and Pupil B.');
    expect(text).toMatch(/Parents or carers not informed; reasons recorded\. About Pupil [AB]\./);
    expect(text).toMatch(/About Young person A\./);
    expect(text).toContain('Who is this about?');
  });

  it('a pupil’s file includes the entries about other children by default, and says so on the cover', async () => {
    const options = expectOk(await call(core, 'exports.options', { document: { type: 'pupil-file', pupilId: tamsin.pupilId } }));
    expect(options.aboutOthersCount).toBe(3);
    const text = await exportText({ document: { type: 'pupil-file', pupilId: tamsin.pupilId }, namedChildren: [`pupil:${tamsin.pupilId}`], preparedFor: '' });
    expect(text).toContain('Entries about other children only Included, as chosen: 3 entries that concern only other children or people are in this copy');
    expect(text).toContain('First conversation about the group chat.');
    expect(text).toContain('About Pupil A.');
    expect(text).toContain('About Tamsin Oakridge and Pupil A.');
    expect(text).not.toContain('Rowan Ashcombe');
  });

  it('a pupil’s file leaves them out when the DSL chooses, and says so', async () => {
    const text = await exportText({ document: { type: 'pupil-file', pupilId: tamsin.pupilId }, namedChildren: [`pupil:${tamsin.pupilId}`], preparedFor: '', otherEntries: 'leave-out' });
    expect(text).toContain('Entries about other children only Left out, as chosen: 3 entries that concern only other children or people are not in this copy.');
    expect(text).not.toContain('First conversation about the group chat');
    // The device entry is gone (the completeness gaps, about the incident's record as a whole, stay).
    expect(text).not.toContain('Device secured');
    expect(text).not.toContain('The safe');
    expect(text).not.toContain('Parents or carers not informed');
    expect(text).toContain('Joint conversation with both pupils.');
    expect(text).toContain('Conversation about the whole incident.');
  });

  it('a pupil’s chronology honours the same choice; an incident’s documents refuse it', async () => {
    const text = await exportText({ document: { type: 'pupil-chronology', pupilId: tamsin.pupilId }, namedChildren: [], preparedFor: '', otherEntries: 'leave-out' });
    expect(text).toContain('Left out, as chosen: 3 entries');
    expect(text).not.toContain('Parents or carers not informed');
    const error = expectError(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [], preparedFor: '', otherEntries: 'leave-out' }), 'invalid_input');
    expect(error.fields?.['otherEntries']).toBe('Only a pupil’s documents can leave out entries about other children');
  });
});
