// Issue 22 items 2–4 through the core: a practice scenario opens a practice incident linked to
// it, worked through the real forms; it is marked complete only after an initial review and
// then appears in the training log; and on the school's own records every practice channel
// refuses, except the incident page's question, which answers null.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { readingText } from '../support/pdf-read';
import { call, DSL, expectError, expectOk, setUp, stateDirFor, TestClock } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;
let outDir: string;
/** Where the save dialog "chooses" to save; '' stands for Cancel. */
let nextPath = '';

beforeEach(async () => {
  let dir: string;
  ({ dir, remove } = await makeTempDir('records-practice-'));
  outDir = dir;
  nextPath = '';
  const dataDir = join(dir, 'data');
  core = await createCore({
    dataDir,
    stateDir: stateDirFor(dataDir),
    appVersion: '0.0.0-test',
    now: new TestClock(Date.parse('2026-11-23T12:00:00Z')).now,
    log: () => undefined,
    chooseSavePath: () => Promise.resolve(nextPath === '' ? null : nextPath),
  });
  await setUp(core);
  // Everything here happens in practice mode, as a person would reach it: the real switch.
  expectOk(await call(core, 'practice.open', { currentPassword: DSL.password }));
}, 60_000);

afterEach(async () => {
  await core.close();
  await remove();
});

function review(incidentId: number): Input<'entries.create'> {
  return {
    incidentId,
    occurredOn: '2026-11-23',
    occurredTime: '09:30',
    kind: 'initial-review',
    body: {
      attendees: 'DSL (practice)',
      considerations: {},
      // Case study 6's blackmail answered "no": the feedback should point it out.
      points: { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' },
      maliciousSharing: 'yes',
      pointNotes: {},
      decision: 'refer',
      referTo: ['police'],
      reasons: 'Fictional practice reasons.',
    },
  };
}

describe('practice scenarios', () => {
  it('opens case study 6 as a practice incident linked to it, which the incident page can find', async () => {
    const { incidentId, practiceSessionId } = expectOk(await call(core, 'practice.startScenario', { scenarioId: 'case-study-6' }));
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(detail.incident).toMatchObject({ title: 'Practice: case study 6', kind: 'shared-on', sharing: 'shared', cameToAttentionOn: '2026-11-23' });
    expect(detail.people).toEqual([]);
    const { session } = expectOk(await call(core, 'practice.forIncident', { incidentId }));
    expect(session).toMatchObject({ id: practiceSessionId, scenarioId: 'case-study-6', staffName: DSL.name, completedAt: null });
  });

  it('refuses an unknown scenario', async () => {
    expectError(await call(core, 'practice.startScenario', { scenarioId: 'case-study-16' }), 'not_found');
    expectError(await call(core, 'practice.startScenario', { scenarioId: 'Case study 6' }), 'invalid_input');
  });

  it('is marked complete only after an initial review, and then appears in the training log', async () => {
    const { incidentId, practiceSessionId } = expectOk(await call(core, 'practice.startScenario', { scenarioId: 'case-study-6' }));
    const early = expectError(await call(core, 'practice.complete', { practiceSessionId }), 'invalid_input');
    expect(early.message).toMatch(/initial review first/);
    expect(expectOk(await call(core, 'practice.log', {})).sessions).toEqual([]);

    expectOk(await call(core, 'entries.create', review(incidentId)));
    expectOk(await call(core, 'practice.complete', { practiceSessionId }));
    const { sessions } = expectOk(await call(core, 'practice.log', {}));
    expect(sessions).toEqual([expect.objectContaining({ scenarioId: 'case-study-6', staffName: DSL.name, completedAt: '2026-11-23T12:00:00.000Z' })]);
    expectError(await call(core, 'practice.complete', { practiceSessionId }), 'conflict');

    const audit = expectOk(await call(core, 'audit.list', {}));
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['practice.started', 'practice.completed']));
    // The training log is a protected table: Verify vouches for each row's state as audited.
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('on the school’s own records refuses to start, complete or list, and the incident page’s question answers null', async () => {
    const { incidentId, practiceSessionId } = expectOk(await call(core, 'practice.startScenario', { scenarioId: 'case-study-a' }));
    expectOk(await call(core, 'practice.close', {}));
    expect(expectError(await call(core, 'practice.startScenario', { scenarioId: 'case-study-6' }), 'forbidden').message).toMatch(/only available in practice mode/);
    expectError(await call(core, 'practice.complete', { practiceSessionId }), 'forbidden');
    expectError(await call(core, 'practice.log', {}), 'forbidden');
    expectError(await call(core, 'practice.logPdf', {}), 'forbidden');
    expect(expectOk(await call(core, 'practice.forIncident', { incidentId }))).toEqual({ session: null });
  });

  it('saves the training log as a PDF naming the person, the scenario and the date completed, and audits the print', async () => {
    const { incidentId, practiceSessionId } = expectOk(await call(core, 'practice.startScenario', { scenarioId: 'case-study-6' }));
    expectOk(await call(core, 'entries.create', review(incidentId)));
    expectOk(await call(core, 'practice.complete', { practiceSessionId }));

    expect(expectOk(await call(core, 'practice.logPdf', {}))).toEqual({ saved: false });
    nextPath = join(outDir, 'training-log');
    expect(expectOk(await call(core, 'practice.logPdf', {}))).toEqual({ saved: true, fileName: 'training-log.pdf', pages: 1 });
    const text = readingText(`${nextPath}.pdf`);
    expect(text).toContain('Training log — practice scenarios');
    expect(text).toMatch(new RegExp(`${DSL.name}\\s+Case study 6\\s+23 Nov 2026`));
    const audit = expectOk(await call(core, 'audit.list', {}));
    expect(audit.find((row) => row.action === 'print')?.details).toMatchObject({ document: 'Training log (practice scenarios)', file: 'training-log.pdf' });
  });
});
