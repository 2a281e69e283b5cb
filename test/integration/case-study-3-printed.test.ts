// Issue 18's "Must show": the incident report prints the images, each person's part and
// setting, and the decision with its aggravating factor. UKCCIS 2016 Annex F case 3: a
// 13-year-old's boyfriend at another school forwards her photo to about 200 pupils; the school
// finds out from a parent. Fictional people and school names.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { readingText } from '../support/pdf-read';
import { call, DSL, expectOk, setUp, TestClock } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;
let text: string;

beforeAll(async () => {
  const temp = await makeTempDir('records-case-3-printed-');
  remove = temp.remove;
  const outDir = join(temp.dir, 'out');
  await mkdir(outDir);
  const file = join(outDir, 'case-3.pdf');
  core = await createCore({
    dataDir: join(temp.dir, 'data'),
    appVersion: '0.0.0-test',
    now: new TestClock(Date.parse('2026-11-23T12:00:00Z')).now,
    log: () => undefined,
    chooseSavePath: () => Promise.resolve(file),
  });
  await setUp(core);
  const pupil = expectOk(
    await call(core, 'pupils.create', { firstName: 'Wren', lastName: 'Fablethorpe', dateOfBirth: '2013-04-02', sex: 'female', yearGroup: '9', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' }),
  );
  const { id: incidentId } = expectOk(
    await call(core, 'incidents.create', {
      title: 'Photo forwarded to about 200 pupils',
      cameToAttentionOn: '2026-11-20',
      imageryDate: '2026-11-14',
      kind: 'shared-on',
      media: 'photo',
      services: ['Fictogram'],
      sharing: 'shared',
      sharingDetails: 'Forwarded to about 200 pupils',
    }),
  );
  const wren = expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId: pupil.id, roles: ['pictured', 'made', 'sent'] })).id;
  const addOther = async (person: Input<'incidents.addOtherPerson'>['person'], roles: Input<'incidents.addOtherPerson'>['roles']) =>
    expectOk(await call(core, 'incidents.addOtherPerson', { incidentId, person, roles }));
  await addOther({ kind: 'young_person', name: 'Corin Ashdowne', age: 15, dateOfBirth: '', sex: 'male', setting: 'Larkspur Vale School', relationship: '' }, ['received', 'sent']);
  await addOther({ kind: 'group', name: 'Pupils who received it', groupSize: 200 }, ['received']);
  await addOther({ kind: 'adult', name: 'Juniper Oakhollow', age: null, dateOfBirth: '', sex: 'female', setting: '', relationship: 'Parent of a pupil who received it' }, ['reported']);
  expectOk(
    await call(core, 'entries.create', {
      incidentId,
      occurredOn: '2026-11-20',
      occurredTime: '10:00',
      kind: 'imagery-item',
      body: { about: [wren], form: 'photo', nature: 'real', madeOn: '2026-11-14', madeOnNote: '', description: 'A topless photo she sent to her boyfriend.', sharedHow: 'He forwarded it to a group chat.' },
    }),
  );
  expectOk(
    await call(core, 'entries.create', {
      incidentId,
      occurredOn: '2026-11-20',
      occurredTime: '12:00',
      kind: 'initial-review',
      body: {
        attendees: 'DSL and head of year',
        considerations: {},
        points: { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' },
        pointNotes: {},
        maliciousSharing: 'yes',
        decision: 'refer',
        referTo: ['police', 'social-care'],
        reasons: 'He shared her photo without consent to humiliate her.',
        overrideReasons: '',
      },
    }),
  );
  expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [`pupil:${pupil.id}`] }));
  text = readingText(file);
}, 120_000);

afterAll(async () => {
  await core?.close();
  await remove?.();
});

describe('Annex F case 3, printed as an incident report', () => {
  it('shows each person’s part, the other school, the group’s size and the reporting parent', () => {
    expect(text).toContain('Wren Fablethorpe');
    expect(text).toContain('Larkspur Vale School');
    expect(text).toMatch(/about 200/i);
    expect(text).toContain('Parent of a pupil who received it');
    expect(text).toMatch(/Reported it|reported it/);
  });

  it('shows the image: what it is, whether real, when made and who is pictured', () => {
    expect(text).toContain('A topless photo she sent to her boyfriend.');
    expect(text).toContain('He forwarded it to a group chat.');
    expect(text).toMatch(/Real/);
  });

  it('shows the decision with its aggravating factor in the guidance’s words', () => {
    expect(text).toContain('Aggravating factor');
    expect(text).toContain('A young person shared someone else’s imagery without consent and with malicious intent');
    expect(text).toContain('He shared her photo without consent to humiliate her.');
  });
});
