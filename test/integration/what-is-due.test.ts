// Issue 19 item 2 through the core: every action and deadline across the open incidents in one
// list (`due.list`), none from a closed incident, filtered for another person, and an action
// marked done by amending it (UKCCIS 2016, section 2: deletion by a deadline, devices secured,
// the decision reviewed throughout).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { filterDue } from '../../shared/domain/due';
import type { Input } from '../../shared/ipc/contract';
import { addStaff, call, DEPUTY, DSL, expectOk, HEAD, newCore, setUp, TestClock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;

beforeEach(async () => {
  let dir: string;
  ({ dir, remove } = await makeTempDir('records-due-'));
  core = await newCore(join(dir, 'data'), new TestClock(Date.parse('2026-11-23T12:00:00Z')));
  await setUp(core);
});

afterEach(async () => {
  await core.close();
  await remove();
});

async function newIncident(title: string): Promise<{ id: number; reference: string }> {
  return expectOk(
    await call(core, 'incidents.create', { title, cameToAttentionOn: '2026-11-20', imageryDate: '', kind: 'shared-on', media: 'photo', services: [], sharing: 'not_known', sharingDetails: '' }),
  );
}

type Content = Omit<Input<'entries.create'>, 'incidentId' | 'occurredOn' | 'occurredTime'>;
async function record(incidentId: number, content: Content) {
  return expectOk(await call(core, 'entries.create', { incidentId, occurredOn: '2026-11-21', occurredTime: '10:00', ...content } as Input<'entries.create'>));
}

const action = (description: string, dueOn: string, owner?: number): Content => ({
  kind: 'action',
  body: { type: 'follow-up', description, dueOn, completedOn: '', ...(owner === undefined ? {} : { owner }) },
});

/** An incident with nothing missing and its closure signed: closed, nothing on it is due. */
async function closedIncident(): Promise<string> {
  const { id, reference } = await newIncident('Closed with an action left open');
  await record(id, { kind: 'disclosure', body: { source: 'young_person', sourceName: '', toldTo: DSL.name, means: 'in_person', whatWasSaid: 'A photo was passed round.', immediateActions: '' } });
  await record(id, {
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
  await record(id, {
    kind: 'social-care',
    body: { alreadyInvolved: 'no', referralMade: 'yes', target: 'childrens-social-care', contact: 'Duty social worker', how: 'Telephone', reference: '', outcome: '' },
  });
  // Neither stops a closure, and both would be due were the incident open.
  await record(id, action('Closed incident’s follow-up', ''));
  await record(id, { kind: 'decision-review', body: { decisionStands: 'stands', reasons: 'Nothing new.', nextReviewBy: '2026-12-20' } });
  const closure = await record(id, { kind: 'closure', body: { outcome: 'Children’s social care took the lead.', lessons: '' } });
  expectOk(await call(core, 'entries.sign', { entryId: closure.id, meaning: 'approve-closure', username: DSL.username, password: DSL.password }));
  expectOk(await call(core, 'incidents.close', { incidentId: id }));
  return reference;
}

describe('what is due across the open incidents', () => {
  it('lists every kind of item with its incident, owner and date, and nothing from a closed incident', async () => {
    const head = await addStaff(core, HEAD, ['head']);
    const deputy = await addStaff(core, DEPUTY, ['deputy']);
    const closedReference = await closedIncident();
    const open = await newIncident('Image shared on a bus');
    const mine = await record(open.id, action('Meet Pupil A’s parents', '2026-11-21', deputy.id));
    await record(open.id, action('Check the group chat is closed', '2026-11-28'));
    await record(open.id, {
      kind: 'deletion',
      body: { mode: 'pupils-asked', pupils: 'Pupil A', where: 'Phone and cloud photos', deadline: '2026-11-25', toldOfLaw: true, confirmedOn: '', confirmedHow: '', otherAgencyAgreed: false },
    });
    await record(open.id, {
      kind: 'deletion',
      body: { mode: 'staff-search', authorisedBy: HEAD.name, searchedBy: DSL.name, devices: 'Pupil B’s phone', found: 'One image', action: 'deleted', why: 'Pupil B would not delete it.', otherAgencyAgreed: false },
    });
    await record(open.id, {
      kind: 'device',
      body: { description: 'Black phone in a red case', owner: 'Pupil B', confiscatedBy: DSL.name, switchedOff: 'yes', storedWhere: 'The office safe', outcome: 'held', handedToOfficer: '', handedOverOn: '', notes: '' },
    });
    await record(open.id, { kind: 'decision-review', body: { decisionStands: 'stands', reasons: 'Nothing new has come to light.', nextReviewBy: '2026-12-01' } });

    const due = expectOk(await call(core, 'due.list', {}));
    expect(due.today).toBe('2026-11-23');
    const rows = due.items.map((i) => [i.kind, i.reference, i.ownerWords, i.dueOn, i.overdue]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['backup', null, 'A DSL', '', true],
        ['action', open.reference, DEPUTY.name, '2026-11-21', true],
        ['action', open.reference, 'Anyone', '2026-11-28', false],
        ['deletion', open.reference, 'Anyone', '2026-11-25', false],
        ['signature', open.reference, 'The headteacher', '', false],
        ['device', open.reference, 'Anyone', '', false],
        ['review', open.reference, 'A DSL', '2026-12-01', false],
      ]),
    );
    expect(due.items).toHaveLength(7);
    expect(due.items.some((i) => i.reference === closedReference)).toBe(false);
    expect(due.items.find((i) => i.entryId === mine.id)?.link).toBe(`/incidents/${open.id}/entries/${mine.id}/amend`);

    // The deputy signed in sees the whole list, and can look at what is the head's.
    await unlockAs(core, DEPUTY);
    const asDeputy = expectOk(await call(core, 'due.list', {}));
    expect(asDeputy.items).toHaveLength(7);
    expect(filterDue(asDeputy.items, { owner: { staffId: head.id } }, asDeputy.staff).map((i) => i.kind)).toEqual(['signature']);
    expect(filterDue(asDeputy.items, { owner: { staffId: deputy.id } }, asDeputy.staff).map((i) => i.what)).toEqual(['Meet Pupil A’s parents']);
  });

  it('marks an action done by amending it with the date and a note, which the incident keeps', async () => {
    const open = await newIncident('Image shared on a bus');
    const made = await record(open.id, action('Meet Pupil A’s parents', '2026-11-21'));
    const item = expectOk(await call(core, 'due.list', {})).items.find((i) => i.entryId === made.id);
    if (!item?.action) throw new Error('the action is not listed as due');

    expectOk(
      await call(core, 'entries.revise', {
        entryId: made.id,
        occurredOn: '2026-11-21',
        occurredTime: '10:00',
        kind: 'action',
        body: { ...item.action.body, completedOn: '2026-11-23' },
        reason: 'Met both parents after school; they will talk to Pupil A tonight.',
      }),
    );
    expect(expectOk(await call(core, 'due.list', {})).items.filter((i) => i.kind === 'action')).toEqual([]);
    const detail = expectOk(await call(core, 'incidents.get', { incidentId: open.id }));
    const latest = detail.entries.find((e) => e.kind === 'action' && e.version === 2);
    expect(latest?.amendmentReason).toBe('Met both parents after school; they will talk to Pupil A tonight.');
  });
});
