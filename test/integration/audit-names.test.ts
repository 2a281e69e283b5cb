// The Audit screen names what each row is about as a DSL reads it (issue 14, item 14): an
// incident by its reference, an entry by its incident, kind and date, pupils, other people
// and staff by name; never "entry 42" or "incident 7", in the subject or the details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { AuditRowView } from '../../shared/ipc/contract';
import { addStaff, call, DSL, expectOk, HEAD, newCore, setUp } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;
let rows: AuditRowView[];
let reference: string;

const conversation = (summary: string) => ({ withWhom: 'Juniper Ashcombe', byWhom: DSL.name, summary, supportOffered: '' });

beforeAll(async () => {
  const temp = await makeTempDir('records-audit-names-');
  remove = temp.remove;
  core = await newCore(temp.dir);
  await setUp(core);
  await addStaff(core, HEAD, ['head']);
  const pupil = expectOk(
    await call(core, 'pupils.create', {
      firstName: 'Juniper',
      lastName: 'Ashcombe',
      dateOfBirth: '2011-03-04',
      sex: 'female',
      yearGroup: '10',
      sen: false,
      senDetails: '',
      lookedAfter: false,
      socialCare: 'none',
    }),
  );
  const incident = expectOk(
    await call(core, 'incidents.create', {
      title: 'Image shared in a group chat',
      cameToAttentionOn: '2026-09-14',
      imageryDate: '',
      kind: 'shared-on',
      media: 'photo',
      services: [],
      sharing: 'not_known',
      sharingDetails: '',
    }),
  );
  reference = incident.reference;
  expectOk(await call(core, 'incidents.addPupil', { incidentId: incident.id, pupilId: pupil.id, roles: ['pictured'] }));
  const other = expectOk(
    await call(core, 'incidents.addOtherPerson', { incidentId: incident.id, person: { kind: 'young_person', name: 'Rowan Pennyfeather', setting: 'Larkspur College' }, roles: ['received'] }),
  );
  expectOk(await call(core, 'incidents.setRoles', { incidentPersonId: other.id, roles: ['received', 'sent'] }));
  const timing = { occurredOn: '2026-09-15', occurredTime: '10:00' };
  const entry = expectOk(await call(core, 'entries.create', { incidentId: incident.id, ...timing, kind: 'conversation', body: conversation('Talked about the photo.') }));
  const revised = expectOk(
    await call(core, 'entries.revise', { entryId: entry.id, ...timing, reason: 'Added who was there', kind: 'conversation', body: conversation('Talked about the photo with her mother there.') }),
  );
  expectOk(await call(core, 'entries.sign', { entryId: revised.id, meaning: 'record-accurate', username: DSL.username, password: DSL.password }));
  expectOk(await call(core, 'chronology.entry', { entryId: revised.id }));
  rows = expectOk(await call(core, 'audit.list', { limit: 50 }));
}, 60_000);

afterAll(async () => {
  await core?.close();
  await remove?.();
});

const rowFor = (action: string) => rows.find((r) => r.action === action)!;
const facts = (row: AuditRowView) => Object.fromEntries(row.facts.map((f) => [f.label, f.value]));

describe('the audit log as the Audit screen reads it', () => {
  it('names an incident by its reference', () => {
    expect(rowFor('incident.created').subject).toBe(reference);
  });

  it('names an entry by its incident, kind and date, and a later version as such', () => {
    expect(rowFor('entry.created').subject).toBe(`${reference} · Conversation, 15 Sept 2026`);
    const amended = rowFor('entry.amended');
    expect(amended.subject).toBe(`${reference} · Conversation, 15 Sept 2026 (version 2)`);
    expect(facts(amended)).toEqual({ Replaces: `${reference} · Conversation, 15 Sept 2026 (version 1)` });
    const signed = rowFor('entry.signed');
    expect(signed.subject).toBe(`${reference} · Conversation, 15 Sept 2026 (version 2)`);
    expect(facts(signed)).toEqual({ Meaning: 'I made this record and it is accurate' });
    expect(facts(rowFor('entry.created'))).toEqual({});
  });

  it('names pupils, other people and staff', () => {
    const added = rows.filter((r) => r.action === 'person.added');
    expect(added.map((r) => r.subject)).toEqual([reference, reference]);
    expect(added.map(facts)).toEqual([
      { Kind: 'A young person from another school or setting', Person: 'Rowan Pennyfeather', Roles: 'Received it' },
      { Pupil: 'Juniper Ashcombe', Roles: 'Pictured in the imagery' },
    ]);
    expect(facts(rowFor('person.roles-changed'))).toEqual({ Person: 'Rowan Pennyfeather', From: 'Received it', To: 'Received it; Sent or shared it' });
    expect(rowFor('pupil.created').subject).toBe('Juniper Ashcombe');
    const staffAdded = rowFor('staff.added');
    expect(staffAdded.subject).toBe(HEAD.name);
    expect(facts(staffAdded)).toEqual({ Roles: 'Headteacher' });
  });

  it('names the entry an incident was opened at', () => {
    const viewed = rows.find((r) => r.action === 'incident.viewed' && r.details.entryId !== undefined)!;
    expect(viewed.subject).toBe(reference);
    expect(facts(viewed)).toEqual({ Entry: `${reference} · Conversation, 15 Sept 2026 (version 2)`, 'Opened from': 'chronology' });
  });

  it('never shows a bare id or a stored code in what it says', () => {
    for (const row of rows) {
      const said = [row.subject ?? '', ...row.facts.map((f) => `${f.label}: ${f.value}`)].join(' | ');
      expect(said, row.action).not.toMatch(/\b(incident|entry|pupil|staff|person)\s+\d+\b/i);
      expect(said, row.action).not.toMatch(/Id:|entryKey|contentHash|record-accurate|young_person/);
    }
  });
});
