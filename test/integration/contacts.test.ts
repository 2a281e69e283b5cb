// Issue 19 item 3 through the core: the DSL (or a deputy) keeps the school's local contacts,
// everyone signed in reads them, every change is audited by the contact's kind and the fields
// changed, never a number or an address, and Verify vouches for each row like any other.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../electron/core/db/connection';
import type { Core } from '../../electron/core/index';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import type { Input } from '../../shared/ipc/contract';
import { addStaff, call, DEPUTY, DSL, expectError, expectOk, HEAD, newCore, setUp, TestClock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let dataDir: string;
let remove: () => Promise<void>;
const clock = () => new TestClock(Date.parse('2026-11-23T12:00:00Z'));

beforeEach(async () => {
  let dir: string;
  ({ dir, remove } = await makeTempDir('records-contacts-'));
  dataDir = join(dir, 'data');
  core = await newCore(dataDir, clock());
  await setUp(core);
}, 60_000);

afterEach(async () => {
  await core.close();
  await remove();
});

const OFFICER: Input<'contacts.save'> = {
  kind: 'safer-schools-officer',
  name: 'PC Fictional Brackenridge',
  organisation: 'Quillshire Police (fictional)',
  phone: '01632 960 123',
  otherPhone: '+44 7700 900 456',
  email: 'brackenridge@police.example',
  notes: 'Works Tuesdays to Fridays',
  checkedOn: '2026-11-20',
};

describe('local contacts', () => {
  it('lets the DSL add and change a contact, which every role then reads', async () => {
    const { contact } = expectOk(await call(core, 'contacts.save', OFFICER));
    expect(contact).toMatchObject({ kind: 'safer-schools-officer', phone: '01632 960 123', otherPhone: '+44 7700 900 456', updatedBy: DSL.name });
    expectOk(await call(core, 'contacts.save', { ...OFFICER, id: contact.id, phone: '01632 960 999' }));

    await addStaff(core, HEAD, ['head']);
    await unlockAs(core, HEAD);
    const { contacts } = expectOk(await call(core, 'contacts.list', {}));
    expect(contacts.map((c) => [c.kind, c.phone])).toEqual([['safer-schools-officer', '01632 960 999']]);
  });

  it('keeps who an “other” contact is only for “other”', async () => {
    const other = expectOk(await call(core, 'contacts.save', { ...OFFICER, kind: 'other', label: 'Early help hub' })).contact;
    expect(other.label).toBe('Early help hub');
    const changed = expectOk(await call(core, 'contacts.save', { ...OFFICER, id: other.id, kind: 'lado', label: 'Early help hub' })).contact;
    expect(changed).toMatchObject({ kind: 'lado', label: '' });
  });

  it('refuses a change by anyone but a DSL or deputy DSL, and changes nothing', async () => {
    const { contact } = expectOk(await call(core, 'contacts.save', OFFICER));
    await addStaff(core, HEAD, ['head']);
    await unlockAs(core, HEAD);
    expectError(await call(core, 'contacts.save', { ...OFFICER, id: contact.id, phone: '01632 960 000' }), 'forbidden');
    expectError(await call(core, 'contacts.remove', { id: contact.id }), 'forbidden');
    expect(expectOk(await call(core, 'contacts.list', {})).contacts).toEqual([contact]);
  });

  it('lets a deputy DSL keep them too', async () => {
    await addStaff(core, DEPUTY, ['deputy']);
    await unlockAs(core, DEPUTY);
    const { contact } = expectOk(await call(core, 'contacts.save', { ...OFFICER, kind: 'lado', name: 'Fictional LADO team' }));
    expect(contact.updatedBy).toBe(DEPUTY.name);
    expectOk(await call(core, 'contacts.remove', { id: contact.id }));
    expect(expectOk(await call(core, 'contacts.list', {})).contacts).toEqual([]);
  });

  it('audits every change by the contact and the fields changed, never a phone number, address or note', async () => {
    const { contact } = expectOk(await call(core, 'contacts.save', OFFICER));
    expectOk(await call(core, 'contacts.save', { ...OFFICER, id: contact.id, phone: '01632 960 999', notes: 'Now Mondays too' }));
    expectOk(await call(core, 'contacts.remove', { id: contact.id }));
    const rows = expectOk(await call(core, 'audit.list', { limit: 10 })).filter((row) => row.action.startsWith('contact.'));
    expect(rows.map((row) => [row.action, row.details])).toEqual([
      ['contact.removed', { contact: 'safer-schools-officer' }],
      ['contact.changed', { contact: 'safer-schools-officer', changed: ['phone', 'notes'] }],
      ['contact.added', { contact: 'safer-schools-officer' }],
    ]);
    expect(rows[1]!.facts).toContainEqual({ label: 'Changed', value: 'Phone; Notes' });
    const text = JSON.stringify(rows);
    for (const secret of ['960', '7700', 'police.example', 'Mondays', 'Brackenridge']) expect(text).not.toContain(secret);
  });

  it('refuses a number with letters and a date still to come, each on its own field', async () => {
    const letters = expectError(await call(core, 'contacts.save', { ...OFFICER, phone: '01632 96O 123' }), 'invalid_input');
    expect(letters.fields?.['phone']).toBe('A phone number has only digits, spaces and +44: take out the letters');
    const future = expectError(await call(core, 'contacts.save', { ...OFFICER, checkedOn: '2026-11-24' }), 'invalid_input');
    expect(future.fields?.['checkedOn']).toBe('The date you checked these details cannot be in the future');
    expect(expectOk(await call(core, 'contacts.list', {})).contacts).toEqual([]);
  });

  it('is vouched for by Verify: a number changed outside the app is found', async () => {
    const { contact } = expectOk(await call(core, 'contacts.save', OFFICER));
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);

    await core.close();
    const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
    if (!slot.ok) return expect.fail('the DSL’s password should open their key slot');
    const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
    try {
      await db.transaction((tx) => tx.run("UPDATE contacts SET phone = '01632 960 666' WHERE id = ?", [contact.id]));
    } finally {
      await db.close();
      slot.dataKey.fill(0);
    }
    core = await newCore(dataDir, clock());
    await unlockAs(core, DSL);
    const tampered = expectOk(await call(core, 'audit.verify', {}));
    expect(tampered.ok).toBe(false);
    expect(tampered.findings).toContainEqual(expect.objectContaining({ kind: 'row-changed', where: `local contact ${contact.id}` }));
  }, 60_000);
});
