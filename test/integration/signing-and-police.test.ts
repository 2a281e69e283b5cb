// Issue 14, items 1 and 5 through the core: a signature's meaning must fit what it signs, and
// the record says truly whether the police are involved and why there is no crime reference.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { addStaff, call, createIncident, DSL, expectError, expectOk, HEAD, newCore, setUp, TestClock } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('records-signing-'));
  core = await newCore(join(dir, 'data'), new TestClock(Date.parse('2026-11-23T12:00:00Z')));
  await setUp(core);
  await addStaff(core, HEAD, ['head']);
});

afterEach(async () => {
  await core.close();
  await remove();
});

function review(incidentId: number, decision: 'refer' | 'manage-in-school'): Input<'entries.create'> {
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
      decision,
      referTo: decision === 'refer' ? ['police'] : [],
      reasons: 'Fictional reasons for the test.',
      overrideReasons: '',
    },
  };
}

describe('a signature means what the version says', () => {
  it('refuses the head’s “I authorise the decision not to refer” on a decision to refer, and writes nothing', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const entry = expectOk(await call(core, 'entries.create', review(incidentId, 'refer')));
    const error = expectError(
      await call(core, 'entries.sign', { entryId: entry.id, meaning: 'authorise-no-referral', username: HEAD.username, password: HEAD.password }),
      'invalid_input',
    );
    expect(error.message).toBe('This review decided to refer, so there is no decision not to refer to authorise.');
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(detail.entries.find((e) => e.id === entry.id)?.signatures).toEqual([]);
  });

  it('accepts it on a decision to manage in school', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const entry = expectOk(await call(core, 'entries.create', review(incidentId, 'manage-in-school')));
    const signature = expectOk(
      await call(core, 'entries.sign', { entryId: entry.id, meaning: 'authorise-no-referral', username: HEAD.username, password: HEAD.password }),
    );
    expect(signature.meaning).toBe('authorise-no-referral');
  });

  it('refuses “I authorised this search” on pupils asked to delete', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const entry = expectOk(
      await call(core, 'entries.create', {
        incidentId,
        occurredOn: '2026-11-23',
        occurredTime: '10:00',
        kind: 'deletion',
        body: { mode: 'pupils-asked', pupils: 'Pupil A and Pupil B', where: 'Phones', deadline: '2026-11-24', toldOfLaw: true, confirmedOn: '', confirmedHow: '' },
      }),
    );
    expectError(await call(core, 'entries.sign', { entryId: entry.id, meaning: 'authorised-search', username: HEAD.username, password: HEAD.password }), 'invalid_input');
  });
});

describe('the police, as they really are involved', () => {
  it('says “by referral” once a report is recorded, and accepts “no crime reference was given” with a reason', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    expect(expectOk(await call(core, 'incidents.get', { incidentId })).police).toEqual({ involved: false, words: 'No' });
    expectOk(await call(core, 'entries.create', review(incidentId, 'refer')));
    expect(expectOk(await call(core, 'incidents.get', { incidentId })).police.words).toBe(
      'Not yet: the school decided to refer to the police, but the report to them is not yet recorded.',
    );
    const report = {
      incidentId,
      occurredOn: '2026-11-23',
      occurredTime: '11:00',
      kind: 'police-report',
      body: { route: 'safer-schools-officer', toWhom: 'PC Rowan Ashby', crimeReference: '', advice: '', outcome: '' },
    } as const;
    const created = expectOk(await call(core, 'entries.create', report));
    let detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(detail.police).toEqual({ involved: true, words: 'Yes, by referral: reported to the police on 23 Nov 2026.' });
    expect(detail.gaps.map((g) => g.message)).toContain('The report to the police has no crime reference number, and no reason is recorded for there being none.');

    const both = await call(core, 'entries.revise', { ...report, entryId: created.id, body: { ...report.body, crimeReference: 'CR/1', noCrimeReference: true, noCrimeReferenceReason: 'x' } });
    expect(expectError(both, 'invalid_input').fields?.['body.crimeReference']).toBeTruthy();

    expectOk(
      await call(core, 'entries.revise', {
        ...report,
        entryId: created.id,
        body: { ...report.body, noCrimeReference: true, noCrimeReferenceReason: 'Advice only: the officer recorded no crime.' },
      }),
    );
    detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(detail.gaps.map((g) => g.message).filter((m) => m.includes('crime reference'))).toEqual([]);
    expect(detail.entries.find((e) => e.latest && e.kind === 'police-report')?.summary).toBe(
      'Reported to PC Rowan Ashby through the safer schools officer. No crime reference was given: Advice only: the officer recorded no crime.',
    );
  });

  it('prints the truth in the incident report, never “Police matter from the outset: No” on a referred incident', async () => {
    const saved = join(dir, 'report.pdf');
    await core.close();
    const { createCore } = await import('../../electron/core/index');
    core = await createCore({ dataDir: join(dir, 'data'), appVersion: '0.0.0-test', log: () => undefined, now: () => new Date('2026-11-23T12:00:00Z'), chooseSavePath: () => Promise.resolve(saved) });
    expectOk(await call(core, 'session.unlock', { username: DSL.username, password: DSL.password }));
    const incidentId = await createIncident(core, '2026-11-20');
    expectOk(await call(core, 'entries.create', review(incidentId, 'refer')));
    expectOk(
      await call(core, 'entries.create', {
        incidentId,
        occurredOn: '2026-11-23',
        occurredTime: '11:00',
        kind: 'police-report',
        body: { route: '101', toWhom: 'Call handler', crimeReference: 'CR/2026/0042', advice: '', outcome: '' },
      }),
    );
    expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [] }));
    const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Police involved Yes, by referral: reported to the police on 23 Nov 2026.');
    expect(text).not.toContain('from the outset');
    expect(text).toContain('Refer to the police (review on');
  });
});
