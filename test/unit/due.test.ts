import { describe, expect, it } from 'vitest';
import type { LatestEntry } from '../../shared/domain/completeness';
import { addDays, backupDue, dueOfIncident, dueWithin, dueWords, filterDue, overdueFor, sortDue } from '../../shared/domain/due';
import { actionBody } from '../../shared/domain/entries/action';
import { decisionReviewBody } from '../../shared/domain/entries/decision-review';
import { deletionBody } from '../../shared/domain/entries/deletion';
import { deviceBody } from '../../shared/domain/entries/device';
import type { DueItem } from '../../shared/domain/read-models/due';
import { entryDetailRows } from '../../shared/forms/entry-details';

const TODAY = '2026-11-20';
const at = '2026-11-10T10:00:00.000Z';
const incident = { id: 7, reference: 'YPSI-2026-007' };
const MS_PEBBLE = 3;
const MR_QUILL = 4;
const staff = [
  { id: 1, roles: ['dsl' as const] },
  { id: 2, roles: ['head' as const] },
  { id: MS_PEBBLE, roles: [] },
  { id: MR_QUILL, roles: [] },
];
const names: Record<number, string> = { 1: 'Ada Lantern', 2: 'Hal Brook', [MS_PEBBLE]: 'Mina Pebble', [MR_QUILL]: 'Otto Quill' };
const staffName = (id: number) => names[id];

function action(entryId: number, fields: Record<string, unknown>): LatestEntry & { entryId: number } {
  return { entryId, kind: 'action', occurredAt: at, signatures: [], body: actionBody.parse({ type: 'follow-up', description: 'Check in with the pupil', ...fields }) };
}

function dueOf(entries: (LatestEntry & { entryId: number })[]) {
  return dueOfIncident(incident, entries, staffName, TODAY);
}

describe('what counts as due (issue 19 item 2)', () => {
  it('lists an action not yet done with its owner and date, and drops it once done', () => {
    const [item] = dueOf([action(10, { owner: MS_PEBBLE, dueOn: '2026-11-25' })]);
    expect(item).toMatchObject({ kind: 'action', reference: 'YPSI-2026-007', ownerStaffId: MS_PEBBLE, ownerWords: 'Mina Pebble', dueOn: '2026-11-25', overdue: false });
    expect(item?.link).toBe('/incidents/7/entries/10/amend');
    expect(dueOf([action(10, { dueOn: '2026-11-25', completedOn: '2026-11-19' })])).toEqual([]);
  });

  it('says an action with no owner is anyone’s, and one past its date is overdue', () => {
    const [item] = dueOf([action(10, { dueOn: '2026-11-19' })]);
    expect(item).toMatchObject({ ownerStaffId: null, ownerRole: null, ownerWords: 'Anyone', overdue: true });
  });

  it('lists pupils’ deletion still to be confirmed by its deadline (section 2, deletion of images), not a staff search', () => {
    const asked = deletionBody.parse({ mode: 'pupils-asked', pupils: 'Pupil A and Pupil B', where: 'Phones', deadline: '2026-11-18', toldOfLaw: true });
    const confirmed = { ...asked, confirmedOn: '2026-11-17' };
    const items = dueOf([
      { entryId: 11, kind: 'deletion', occurredAt: at, signatures: [], body: asked },
      { entryId: 12, kind: 'deletion', occurredAt: at, signatures: [], body: confirmed },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'deletion', entryId: 11, dueOn: '2026-11-18', overdue: true, what: 'Confirm deletion by Pupil A and Pupil B' });
  });

  it('lists a device still held, with no date, and not one handed to the police', () => {
    const held = deviceBody.parse({ description: 'Blue tablet', owner: 'Pupil A', confiscatedBy: 'Form tutor', switchedOff: 'yes', storedWhere: 'Safe', outcome: 'held' });
    const returned = { ...held, outcome: 'returned' as const };
    const items = dueOf([
      { entryId: 13, kind: 'device', occurredAt: at, signatures: [], body: held },
      { entryId: 14, kind: 'device', occurredAt: at, signatures: [], body: returned },
    ]);
    expect(items.map((i) => [i.kind, i.entryId, i.dueOn, i.overdue])).toEqual([['device', 13, '', false]]);
  });

  it('takes the review date from the latest look at the decision only, owned by a DSL', () => {
    const review = (nextReviewBy: string) => decisionReviewBody.parse({ decisionStands: 'stands', reasons: 'Still right', nextReviewBy });
    const items = dueOf([
      { entryId: 15, kind: 'decision-review', occurredAt: '2026-11-01T09:00:00.000Z', signatures: [], body: review('2026-11-05') },
      { entryId: 16, kind: 'decision-review', occurredAt: '2026-11-12T09:00:00.000Z', signatures: [], body: review('2026-12-01') },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'review', entryId: 16, dueOn: '2026-12-01', overdue: false, ownerRole: 'dsl', ownerWords: 'A DSL' });
  });

  it('lists each signature still awaited, from the person named or the role, due now', () => {
    const items = dueOf([
      {
        entryId: 17,
        kind: 'closure',
        occurredAt: at,
        signatures: [],
        body: { outcome: 'Managed in school', lessons: '' },
      },
    ]);
    expect(items).toEqual([expect.objectContaining({ kind: 'signature', ownerRole: 'dsl', now: true, dueOn: '', link: '/incidents/7' })]);
    const signed = dueOf([{ entryId: 17, kind: 'closure', occurredAt: at, signatures: [{ meaning: 'approve-closure', signerId: 1 }], body: { outcome: 'Managed in school', lessons: '' } }]);
    expect(signed).toEqual([]);
  });

  it('asks for a backup when none good was made in seven days, due a week after the last one', () => {
    expect(backupDue({ at: '2026-11-01T18:00:00.000Z', folderChosen: true, recent: true })).toBeNull();
    expect(backupDue({ at: '2026-11-01T18:00:00.000Z', folderChosen: true, recent: false })).toMatchObject({ dueOn: '2026-11-08', overdue: true, ownerRole: 'dsl', link: '/backups' });
    expect(backupDue({ at: null, folderChosen: false, recent: false })).toMatchObject({ dueOn: '', now: true, overdue: true });
  });
});

function item(key: string, fields: Partial<DueItem>): DueItem {
  return { key, kind: 'action', what: key, incidentId: 1, reference: 'YPSI-2026-001', entryId: 1, ownerStaffId: null, ownerRole: null, ownerWords: 'Anyone', dueOn: '', now: false, overdue: false, link: '/', action: null, ...fields };
}

const later = item('later', { dueOn: '2026-12-10' });
const soon = item('soon', { dueOn: '2026-11-22', ownerStaffId: MS_PEBBLE });
const overdueOld = item('overdue-old', { dueOn: '2026-11-01', overdue: true, ownerStaffId: MR_QUILL });
const overdueNew = item('overdue-new', { dueOn: '2026-11-15', overdue: true, ownerRole: 'dsl', incidentId: 2 });
const signNow = item('sign-now', { now: true, ownerRole: 'head' });
const deviceHeld = item('device', { kind: 'device' });

describe('the order, the filters and the reminders', () => {
  it('puts what is overdue first (oldest first), then what is due now, then dates to come, then undated', () => {
    const all = [deviceHeld, later, soon, signNow, overdueNew, overdueOld];
    expect(sortDue(all).map((i) => i.key)).toEqual(['overdue-old', 'overdue-new', 'sign-now', 'soon', 'later', 'device']);
    expect(sortDue(all, 'latest').map((i) => i.key)).toEqual(['device', 'later', 'soon', 'sign-now', 'overdue-new', 'overdue-old']);
  });

  it('filters by owner: what a person owns by name or by a role they hold; or what anyone may do', () => {
    const all = [later, soon, overdueOld, overdueNew, signNow];
    expect(filterDue(all, { owner: { staffId: MS_PEBBLE } }, staff).map((i) => i.key)).toEqual(['soon']);
    expect(filterDue(all, { owner: { staffId: 1 } }, staff).map((i) => i.key)).toEqual(['overdue-new']);
    expect(filterDue(all, { owner: { staffId: 2 } }, staff).map((i) => i.key)).toEqual(['sign-now']);
    expect(filterDue(all, { owner: 'anyone' }, staff).map((i) => i.key)).toEqual(['later']);
    expect(filterDue(all, { incidentId: 2 }, staff).map((i) => i.key)).toEqual(['overdue-new']);
    expect(filterDue(all, {}, staff)).toHaveLength(5);
  });

  it('shows on the dashboard what is overdue, due now, or due within seven days', () => {
    expect(dueWithin([later, soon, overdueOld, signNow, deviceHeld, item('edge', { dueOn: '2026-11-27' })], TODAY, 7).map((i) => i.key)).toEqual(['overdue-old', 'sign-now', 'soon', 'edge']);
  });

  it('reminds a person at sign-in only of what is overdue and theirs', () => {
    expect(overdueFor([later, soon, overdueOld, overdueNew], { id: MR_QUILL, roles: [] }).map((i) => i.key)).toEqual(['overdue-old']);
    expect(overdueFor([later, soon, overdueOld, overdueNew], { id: 1, roles: ['dsl'] }).map((i) => i.key)).toEqual(['overdue-new']);
    expect(overdueFor([later, soon], { id: MS_PEBBLE, roles: [] })).toEqual([]);
  });

  it('counts days on the calendar and says "now" for what is overdue with no date', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-27', 7)).toBe('2026-04-03');
    expect(dueWords(item('x', { now: true }), (d) => d)).toBe('now');
    expect(dueWords(deviceHeld, (d) => d)).toBe('no date');
    expect(dueWords(soon, (d) => `on ${d}`)).toBe('on 2026-11-22');
  });
});

describe('an action’s owner in words (the incident page and the PDFs)', () => {
  it('names the member of staff who is to do it, or says anyone', () => {
    const context = { people: [], staff: [{ id: MS_PEBBLE, name: 'Mina Pebble' }] };
    const owned = entryDetailRows('action', actionBody.parse({ type: 'follow-up', description: 'Check in', owner: MS_PEBBLE }), context);
    expect(owned?.rows).toContainEqual({ label: 'Who is to do it', value: 'Mina Pebble' });
    const anyone = entryDetailRows('action', actionBody.parse({ type: 'follow-up', description: 'Check in' }), context);
    expect(anyone?.rows).toContainEqual({ label: 'Who is to do it', value: 'Anyone' });
  });
});
