// Issue 18 item 4 through the core: an incident that reached the school from the police or
// another agency (UKCCIS 2016, Annex F case 14 begins with the police), opened and corrected
// like the other facts, shown on the page and in print, and the police involved from the start.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { call, createIncident, DSL, expectError, expectOk, newCore, setUp, TestClock } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('records-source-'));
  core = await newCore(join(dir, 'data'), new TestClock(Date.parse('2026-11-23T12:00:00Z')));
  await setUp(core);
});

afterEach(async () => {
  await core.close();
  await remove();
});

const FACTS: Input<'incidents.create'> = {
  title: 'Images found on a pupil’s phone by the police',
  cameToAttentionOn: '2026-11-20',
  imageryDate: '',
  kind: 'possessed',
  media: 'photo',
  services: [],
  sharing: 'not_known',
  sharingDetails: '',
};

describe('how an incident reached the school', () => {
  it('opens one the police told the school of, with who told it and their reference, and the police involved from the outset', async () => {
    const { id } = expectOk(
      await call(core, 'incidents.create', { ...FACTS, source: 'police', sourceAgency: 'PC Fictional Brackenridge, safer schools team', sourceReference: 'FIC/2026/0042' }),
    );
    const detail = expectOk(await call(core, 'incidents.get', { incidentId: id }));
    expect(detail.incident).toMatchObject({ source: 'police', sourceAgency: 'PC Fictional Brackenridge, safer schools team', sourceReference: 'FIC/2026/0042' });
    expect(detail.police).toEqual({ involved: true, words: 'Yes, from the outset: the police told the school (their reference FIC/2026/0042).' });
    expect(detail.otherAgencies).toEqual(['police']);
  });

  it('refuses one from another agency without saying who told the school, on that question', async () => {
    const error = expectError(await call(core, 'incidents.create', { ...FACTS, source: 'childrens-social-care', sourceAgency: '' }), 'invalid_input');
    expect(error.fields?.['sourceAgency']).toBe('Enter who told the school: the agency, and the person there');
  });

  it('counts children’s social care as involved when they told the school', async () => {
    const { id } = expectOk(await call(core, 'incidents.create', { ...FACTS, source: 'childrens-social-care', sourceAgency: 'Duty social worker (fictional)' }));
    const detail = expectOk(await call(core, 'incidents.get', { incidentId: id }));
    expect(detail.otherAgencies).toEqual(['childrens-social-care']);
    expect(detail.police.involved).toBe(false);
  });

  it('keeps an incident found out in school as before, and drops an agency typed before “the school found out itself” was chosen', async () => {
    const { id } = expectOk(await call(core, 'incidents.create', { ...FACTS, source: 'school', sourceAgency: 'Typed then changed', sourceReference: 'X1' }));
    const detail = expectOk(await call(core, 'incidents.get', { incidentId: id }));
    expect(detail.incident).toMatchObject({ source: 'school', sourceAgency: '', sourceReference: '' });
    expect(detail.police).toEqual({ involved: false, words: 'No' });
  });

  it('corrects the source like the other facts, the change kept in the incident’s history', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const { incident } = expectOk(await call(core, 'incidents.get', { incidentId }));
    const { title, cameToAttentionOn, imageryDate, kind, media, services, sharing, sharingDetails } = incident;
    expectOk(
      await call(core, 'incidents.correct', {
        incidentId,
        title,
        cameToAttentionOn,
        imageryDate,
        kind,
        media,
        services,
        sharing,
        sharingDetails,
        source: 'police',
        sourceAgency: 'PC Fictional Brackenridge',
        sourceReference: '',
        reason: 'The police rang the school before the disclosure was made',
      }),
    );
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(detail.police.involved).toBe(true);
    const correction = detail.history.find((e) => e.kind === 'corrected');
    expect(correction?.changes.map((c) => [c.label, c.from, c.to])).toEqual([
      ['How it reached the school', 'The school found out itself (a disclosure, a member of staff, a parent or carer)', 'The police told the school'],
      ['Who told the school', 'None recorded', 'PC Fictional Brackenridge'],
    ]);
  });

  it('prints who told the school and the police involved from the outset in the incident report', async () => {
    const saved = join(dir, 'report.pdf');
    await core.close();
    const { createCore } = await import('../../electron/core/index');
    core = await createCore({ dataDir: join(dir, 'data'), appVersion: '0.0.0-test', log: () => undefined, now: () => new Date('2026-11-23T12:00:00Z'), chooseSavePath: () => Promise.resolve(saved) });
    expectOk(await call(core, 'session.unlock', { username: DSL.username, password: DSL.password }));
    const { id } = expectOk(await call(core, 'incidents.create', { ...FACTS, source: 'police', sourceAgency: 'PC Fictional Brackenridge', sourceReference: 'FIC/2026/0042' }));
    expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId: id }, namedChildren: [] }));
    const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('How it reached the school The police told the school: PC Fictional Brackenridge (their reference FIC/2026/0042)');
    expect(text).toContain('Police involved Yes, from the outset: the police told the school (their reference FIC/2026/0042).');
  });
});
