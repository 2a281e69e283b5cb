// Issue 18 item 4 through the core: the decision reviewed while the incident stays open
// (UKCCIS 2016, section 2, "Initial review meeting": "The decision should be reviewed
// throughout the process of responding to the incident"), with the dashboard chasing the date.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { call, createIncident, DSL, expectOk, newCore, setUp, TestClock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const DAY = 24 * 60 * 60_000;
let core: Core;
let clock: TestClock;
let remove: () => Promise<void>;

beforeEach(async () => {
  let dir: string;
  ({ dir, remove } = await makeTempDir('records-review-'));
  clock = new TestClock(Date.parse('2026-11-23T12:00:00Z'));
  core = await newCore(join(dir, 'data'), clock);
  await setUp(core);
});

afterEach(async () => {
  await core.close();
  await remove();
});

const decisionReview = (incidentId: number, occurredOn: string, nextReviewBy: string): Input<'entries.create'> => ({
  incidentId,
  occurredOn,
  occurredTime: '09:00',
  kind: 'decision-review',
  body: { decisionStands: 'stands', reasons: 'Both pupils seen again; nothing new has come to light.', nextReviewBy },
});

const REVIEW_GAP = 'The decision was due to be reviewed by 30 Nov 2026: record the review.';

describe('review dates while an incident stays open', () => {
  it('chases a passed review date on the dashboard and the incident page, until a review moves it on', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    expectOk(await call(core, 'entries.create', decisionReview(incidentId, '2026-11-23', '2026-11-30')));
    const overdue = async () => expectOk(await call(core, 'dashboard.get', {})).overdue.filter((o) => o.what === 'Review the decision');
    const gaps = async () => expectOk(await call(core, 'incidents.get', { incidentId })).gaps.map((g) => g.message);

    // Days pass, and the records lock while nobody is at the desk.
    const later = async (days: number) => {
      clock.advance(days * DAY);
      await unlockAs(core, DSL);
    };
    await later(7); // 30 November: due today, not yet overdue
    expect(await overdue()).toEqual([]);
    expect(await gaps()).not.toContain(REVIEW_GAP);

    await later(1); // 1 December
    expect(await overdue()).toEqual([expect.objectContaining({ incidentId, dueOn: '2026-11-30' })]);
    expect(await gaps()).toContain(REVIEW_GAP);

    expectOk(await call(core, 'entries.create', decisionReview(incidentId, '2026-12-01', '2026-12-14')));
    expect(await overdue()).toEqual([]);
    expect(await gaps()).not.toContain(REVIEW_GAP);
  });
});
