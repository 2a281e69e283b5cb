// Issue 18 item 2 through the core: a decision to manage in school against "should refer"
// (malicious sharing, UKCCIS 2016 section 2) needs override reasons and stays awaiting the
// headteacher's signature; a parent who only reported it does not make point 1 met.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { addStaff, call, createIncident, expectError, expectOk, HEAD, newCore, setUp, TestClock } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;

beforeEach(async () => {
  let dir: string;
  ({ dir, remove } = await makeTempDir('records-should-refer-'));
  core = await newCore(join(dir, 'data'), new TestClock(Date.parse('2026-11-23T12:00:00Z')));
  await setUp(core);
  await addStaff(core, HEAD, ['head']);
});

afterEach(async () => {
  await core.close();
  await remove();
});

type Answer = 'yes' | 'no' | 'unknown';

function manageInSchool(incidentId: number, body: { maliciousSharing?: Answer; overrideReasons: string; points?: Record<'adultInvolved' | 'coercionOrGrooming' | 'unusualOrViolent' | 'sexualActs' | 'immediateRisk', Answer> }): Input<'entries.create'> {
  return {
    incidentId,
    occurredOn: '2026-11-23',
    occurredTime: '09:30',
    kind: 'initial-review',
    body: {
      attendees: 'DSL and head of year',
      considerations: {},
      points: { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' },
      pointNotes: {},
      decision: 'manage-in-school',
      referTo: [],
      reasons: 'Fictional reasons for the test.',
      ...body,
    },
  };
}

async function initialReviewGap(incidentId: number) {
  const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
  return detail.gaps.filter((g) => g.step === 'initial-review').map((g) => g.kind);
}

describe('managing in school against should-refer', () => {
  it('is refused without override reasons, with a message on the field, and nothing is written', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const error = expectError(await call(core, 'entries.create', manageInSchool(incidentId, { maliciousSharing: 'yes', overrideReasons: '' })), 'invalid_input');
    expect(error.fields?.['body.overrideReasons']).toMatch(/malicious sharing should generally be referred.*the headteacher must sign it/);
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(detail.entries.filter((e) => e.kind === 'initial-review')).toEqual([]);
  });

  it('with reasons it is saved and stays awaiting the headteacher’s signature until the head signs', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const entry = expectOk(
      await call(core, 'entries.create', manageInSchool(incidentId, { maliciousSharing: 'yes', overrideReasons: 'Fictional: both families and children’s social care agree.' })),
    );
    expect(await initialReviewGap(incidentId)).toEqual(['awaiting-signature']);
    expectOk(await call(core, 'entries.sign', { entryId: entry.id, meaning: 'authorise-no-referral', username: HEAD.username, password: HEAD.password }));
    expect(await initialReviewGap(incidentId)).toEqual([]);
  });

  it('a review stored without the question (before it was asked) is still accepted when no point is met', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    expectOk(await call(core, 'entries.create', manageInSchool(incidentId, { overrideReasons: '' })));
  });

  it('a parent added as the person who reported it does not make point 1 met; an adult who sent it does', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const adult = (name: string) => ({ kind: 'adult' as const, name, age: null, dateOfBirth: '', sex: 'not_known' as const, setting: '', relationship: 'Fictional relation' });
    expectOk(await call(core, 'incidents.addOtherPerson', { incidentId, person: adult('Parent Placeholder'), roles: ['reported'] }));
    expectOk(await call(core, 'entries.create', manageInSchool(incidentId, { maliciousSharing: 'no', overrideReasons: '' })));

    expectOk(await call(core, 'incidents.addOtherPerson', { incidentId, person: adult('Sender Placeholder'), roles: ['sent'] }));
    const error = expectError(await call(core, 'entries.create', manageInSchool(incidentId, { maliciousSharing: 'no', overrideReasons: '' })), 'invalid_input');
    expect(error.fields?.['body.overrideReasons']).toMatch(/The five points say refer now/);
  });

  it('an image recorded as made before a pupil turned 13 makes point 4 met, though the incident’s date is not known and they are 13 now', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const pupil = expectOk(
      await call(core, 'pupils.create', { firstName: 'Dov', lastName: 'Placeholder', dateOfBirth: '2013-10-01', sex: 'male', yearGroup: '8', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' }),
    );
    const person = expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId: pupil.id, roles: ['made', 'sent'] }));
    const points = { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'yes', immediateRisk: 'no' } as const;
    const review = manageInSchool(incidentId, { maliciousSharing: 'no', overrideReasons: '', points });
    // 13 the day the school found out and the imagery's date not known: point 4 is not ruled out, and not met.
    expectOk(await call(core, 'entries.create', review));

    const image = { incidentId, occurredOn: '2026-11-20', occurredTime: '10:00', kind: 'imagery-item', body: { about: [person.id], form: 'video', nature: 'real', madeOn: '2026-09-05', madeOnNote: '', description: 'A fictional video described for the test.', sharedHow: '' } } as Input<'entries.create'>;
    expectOk(await call(core, 'entries.create', image));
    const error = expectError(await call(core, 'entries.create', review), 'invalid_input');
    expect(error.fields?.['body.overrideReasons']).toMatch(/The five points say refer now/);
  });
});
