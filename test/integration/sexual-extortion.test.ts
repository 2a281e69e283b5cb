// Issue 18 item 5 through the core: a financially motivated sexual extortion recorded as the
// NCA-CEOP alert of 29 April 2024 describes it (docs/guidance-2024.md, S3) — an offender
// known only as an online account, a money demand, what was paid and what was kept — and the
// young person's own report through Take It Down (S5), both printed in the incident report.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { readingText } from '../support/pdf-read';
import { call, DSL, expectError, expectOk, setUp } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const NOW = new Date('2026-11-23T12:00:00Z');
let core: Core;
let dir: string;
let remove: () => Promise<void>;
const saved = () => join(dir, 'report.pdf');

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('records-extortion-'));
  const { createCore } = await import('../../electron/core/index');
  core = await createCore({ dataDir: join(dir, 'data'), appVersion: '0.0.0-test', log: () => undefined, now: () => NOW, chooseSavePath: () => Promise.resolve(saved()) });
  await setUp(core);
  expectOk(await call(core, 'session.unlock', { username: DSL.username, password: DSL.password }));
});

afterEach(async () => {
  await core.close();
  await remove();
});

// An offender threatening a pupil's image is its own kind of incident, a police matter (decision 0021).
const FACTS: Input<'incidents.create'> = {
  title: 'Pupil threatened by an unknown account demanding money',
  cameToAttentionOn: '2026-11-20',
  imageryDate: '',
  kind: 'sexual-extortion',
  media: 'photo',
  services: ['Fictogram', 'Chatterbox'],
  sharing: 'not_known',
  sharingDetails: '',
};

const EXTORTION = {
  firstContactWhere: 'Fictogram, from an account that looked like a girl at another school',
  movedTo: 'Chatterbox',
  threatOn: '2026-11-19',
  demands: ['money', 'gift-cards'],
  demandDetails: '',
  amount: '£200',
  paymentMethod: 'Gift card codes sent in the chat',
  paidOrSent: 'yes',
  paidOrSentDetails: 'One £50 gift card before he told his parents',
  imageShared: 'unknown',
  blockedAndReported: 'yes',
  evidenceKept: ['chat-screenshots', 'usernames'],
  evidenceWhere: 'On the pupil’s phone, kept for the police',
  notes: '',
};

const entry = (kind: 'extortion' | 'online-report', body: Record<string, unknown>, incidentId: number): Input<'entries.create'> =>
  ({ incidentId, occurredOn: '2026-11-20', occurredTime: '10:30', kind, body }) as Input<'entries.create'>;

describe('sexual extortion (sextortion)', () => {
  it('records the threat and the demand, refuses an unexplained "something else", and prints both with the Take It Down report', async () => {
    const { id } = expectOk(await call(core, 'incidents.create', FACTS));
    const refused = expectError(await call(core, 'entries.create', entry('extortion', { ...EXTORTION, demands: ['other'] }, id)), 'invalid_input');
    expect(JSON.stringify(refused)).toContain('Say what else was demanded');

    expectOk(await call(core, 'entries.create', entry('extortion', EXTORTION, id)));
    expectOk(
      await call(core, 'entries.create', entry('online-report', { service: 'Fictogram', reportedBy: 'The pupil, with his father', route: 'take-it-down', outcome: '' }, id)),
    );

    const detail = expectOk(await call(core, 'incidents.get', { incidentId: id }));
    expect(detail.entries.map((e) => e.kind).sort()).toEqual(['extortion', 'online-report']);

    expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId: id }, namedChildren: [] }));
    const text = readingText(saved());
    // The incident's kind and why the police knew from the outset.
    expect(text).toContain('Someone threatened to share nudes or semi-nudes of a young person unless they paid or sent more (financially motivated sexual extortion, ‘sextortion’)');
    expect(text).toContain('Yes, from the outset: this is sexual extortion (‘sextortion’), so the police must be told.');
    // The entry question by question, under the referrals step, then its line in the chronology.
    expect(text).toContain('Police and children’s social care Sexual extortion: the threat and demand');
    expect(text).toContain('What was demanded? Money; Pre-paid gift cards How much? £200 How was payment asked for? Gift card codes sent in the chat');
    expect(text).toContain('Was anything paid or sent? Yes What was paid or sent? One £50 gift card before he told his parents');
    expect(text).toContain('What was kept? Screenshots of the chat (not of any image); The offender’s usernames or account links');
    expect(text).toContain('How was it reported? Take It Down (NCMEC): for an image of someone under 18, used by the young person on their own device');
    // A table cell may break "pre-paid" at its hyphen, which pdftotext then joins.
    expect(text).toMatch(/Sexual extortion: demanded money, pre-?paid gift cards \(£200\); something was paid or sent\./u);
    expect(text).toContain('Fictogram reported through Take It Down (NCMEC) by The pupil, with his father.');
  });

  it('makes point 2 met at the initial review: "no" on point 2 is refused with why, "yes" refers now', async () => {
    // A shared-on incident, so that it is the extortion entry, not the kind, that decides.
    const { id } = expectOk(await call(core, 'incidents.create', { ...FACTS, kind: 'shared-on' }));
    const points = { adultInvolved: 'unknown', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' };
    const review = (coercionOrGrooming: string): Input<'entries.create'> =>
      ({
        incidentId: id,
        occurredOn: '2026-11-20',
        occurredTime: '12:00',
        kind: 'initial-review',
        body: { attendees: 'DSL', considerations: {}, points: { ...points, coercionOrGrooming }, pointNotes: {}, maliciousSharing: 'no', decision: 'refer', referTo: ['police', 'social-care'], reasons: 'Fictional reasons.', overrideReasons: '' },
      }) as Input<'entries.create'>;
    // Before anything says extortion, "no" is the DSL's to give.
    expectOk(await call(core, 'entries.create', review('no')));

    expectOk(await call(core, 'entries.create', entry('extortion', EXTORTION, id)));
    const refused = expectError(await call(core, 'entries.create', review('no')), 'invalid_input');
    expect(refused.fields?.['body.points.coercionOrGrooming']).toBe(
      'Sexual extortion is recorded on this incident: a threat to share nudes or semi-nudes unless demands are met is blackmail, so point 2 is met. Answer “Yes”.',
    );
    expectError(await call(core, 'entries.create', review('unknown')), 'invalid_input');
    expectOk(await call(core, 'entries.create', review('yes')));
  });
});
