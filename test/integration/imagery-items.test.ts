// Issue 18 item 3 through the core: an incident holding several images, each with its own
// people pictured. Annex F case 5 (UKCCIS 2016): two girls share each other's photos to get
// even, so each is pictured in one image and shared the other's. The app stores no imagery,
// only each image's description, and prints them in the incident report. Fictional people.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { readingText } from '../support/pdf-read';
import { call, createIncident, DSL, expectError, expectOk, setUp, TestClock } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;
let outDir: string;
let incidentId: number;
let ottilie: number;
let persephone: number;

function pupilInput(firstName: string, lastName: string): Input<'pupils.create'> {
  return { firstName, lastName, dateOfBirth: '2011-05-06', sex: 'female', yearGroup: '10', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' };
}

const image = (about: number[], body: Record<string, unknown>): Input<'entries.create'> =>
  ({ incidentId, occurredOn: '2026-11-20', occurredTime: '11:30', kind: 'imagery-item', body: { about, ...body } }) as Input<'entries.create'>;

beforeAll(async () => {
  const temp = await makeTempDir('records-images-');
  remove = temp.remove;
  outDir = join(temp.dir, 'out');
  await mkdir(outDir);
  core = await createCore({
    dataDir: join(temp.dir, 'data'),
    appVersion: '0.0.0-test',
    now: new TestClock().now,
    log: () => undefined,
    chooseSavePath: (suggested) => Promise.resolve(join(outDir, `${Date.now()}-${suggested}`)),
  });
  await setUp(core);
  const o = expectOk(await call(core, 'pupils.create', pupilInput('Ottilie', 'Brackenfold')));
  const p = expectOk(await call(core, 'pupils.create', pupilInput('Persephone', 'Wyndlecombe')));
  incidentId = await createIncident(core, '2026-11-20');
  ottilie = expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId: o.id, roles: ['pictured', 'sent'] })).id;
  persephone = expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId: p.id, roles: ['pictured', 'sent'] })).id;
  expectOk(
    await call(
      core,
      'entries.create',
      image([ottilie], { form: 'photo', nature: 'real', madeOn: '2026-06-14', description: 'A topless selfie she sent to her then friend.', sharedHow: 'Forwarded to a year group chat.' }),
    ),
  );
  expectOk(
    await call(
      core,
      'entries.create',
      image([persephone], { form: 'video', nature: 'altered', madeOnNote: 'During the summer holidays', description: 'A short video with her face edited onto a semi-nude body.', sharedHow: '' }),
    ),
  );
});

afterAll(async () => {
  await core.close();
  await remove();
});

describe('several images on one incident (Annex F case 5)', () => {
  it('keeps each image with the person pictured in it', async () => {
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    const images = detail.entries.filter((e) => e.kind === 'imagery-item' && e.latest);
    expect(images.map((e) => [e.body['about'], e.summary]).sort()).toEqual([
      [[ottilie], 'Photo (real): A topless selfie she sent to her then friend.'],
      [[persephone], 'Video (digitally altered): A short video with her face edited onto a semi-nude body.'],
    ]);
  });

  it('refuses an image picturing someone who is not on this incident, so no other child’s record shows it', async () => {
    const other = await createIncident(core, '2026-11-21');
    const elsewhere = { ...image([ottilie], { form: 'photo', nature: 'real', description: 'A photo.' }), incidentId: other };
    const error = expectError(await call(core, 'entries.create', elsewhere), 'invalid_input');
    expect(error.fields).toEqual({ 'body.about': 'Choose only people on this incident' });
  });

  it('prints each image, who is pictured and what kind it is in the incident report', async () => {
    const result = expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [], preparedFor: '' }));
    if (!result.saved) expect.fail('expected the PDF to be saved');
    const text = readingText(join(outDir, result.fileName));
    expect(text).toMatch(
      /Viewing, searching and deletion Image or video .*Who is pictured\? Pupil A Is it a photo, a video or a live stream\? Photo Is it real, AI-generated or digitally altered\? Real When was it made\? 14 Jun 2026 .*Short description A topless selfie she sent to her then friend\. How was it shared\? Forwarded to a year group chat\./,
    );
    expect(text).toMatch(
      /Who is pictured\? Pupil B .*Is it a photo, a video or a live stream\? Video Is it real, AI-generated or digitally altered\? Digitally altered When was it made\? Not recorded If the date is not known, what is known During the summer holidays Short description A short video with her face edited onto a semi-nude body\./,
    );
    expect(text).toContain('About Pupil A.');
    expect(text).toContain('About Pupil B.');
    expect(text).toContain('Image or video Photo (real): A topless selfie she sent to her then friend.');
    expect(text).not.toContain('Ottilie');
    expect(text).not.toContain('Persephone');
  });
});
