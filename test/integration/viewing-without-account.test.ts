// Issue 18 item 3 through the core: a member of staff without an account in the app can be
// named as the person present at a viewing (guidance section 2, "Viewing the imagery"); the
// record then awaits a DSL's signature attesting it, and is complete once it has one.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { addStaff, call, createIncident, DSL, expectError, expectOk, HEAD, setUp, stateDirFor, TestClock } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('records-viewing-'));
  const dataDir = join(dir, 'data');
  const clock = new TestClock(Date.parse('2026-11-23T12:00:00Z'));
  // As newCore, with a save dialog that puts the printed record in the test's folder.
  core = await createCore({ dataDir, stateDir: stateDirFor(dataDir), appVersion: '0.0.0-test', now: clock.now, log: () => undefined, chooseSavePath: (suggested) => Promise.resolve(join(dir, suggested)) });
  await setUp(core);
  await addStaff(core, HEAD, ['head']);
});

afterEach(async () => {
  await core.close();
  await remove();
});

async function staffId(name: string): Promise<number> {
  const staff = expectOk(await call(core, 'staff.list', {}));
  const member = staff.find((s) => s.name === name);
  if (!member) throw new Error(`no staff member called ${name}`);
  return member.id;
}

function viewing(incidentId: number, body: Record<string, unknown>): Input<'entries.create'> {
  return {
    incidentId,
    occurredOn: '2026-11-23',
    occurredTime: '10:15',
    kind: 'viewing-log',
    body: {
      place: 'Headteacher’s office',
      onPremises: 'yes',
      viewerAuthority: 'dsl',
      presentAlsoViewed: false,
      sameSex: 'yes',
      notSameSexReason: '',
      reason: 'unavoidable',
      reasonFacts: 'Found on a school laptop by the IT technician during a routine check.',
      headConsulted: 'yes',
      nothingCopied: true,
      subsequentActions: '',
      staffSupport: 'offered',
      ...body,
    },
  } as Input<'entries.create'>;
}

const IMAGERY_STEP_AWAITING = (gaps: { step: string; kind: string; message: string }[]) =>
  gaps.filter((g) => g.step === 'imagery' && g.kind === 'awaiting-signature').map((g) => g.message);

describe('a viewing log naming someone without an account', () => {
  it('saves, awaits a DSL’s signature (not the absent person’s), and is complete after it', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const dslId = await staffId(DSL.name);
    const entry = expectOk(
      await call(core, 'entries.create', viewing(incidentId, { viewerStaffId: dslId, presentStaffId: 'no-account', presentName: 'Ezra Quillfeather', presentRole: 'IT technician' })),
    );

    // The viewer signs for themselves; the IT technician cannot, so a DSL's attestation is awaited.
    expectOk(await call(core, 'entries.sign', { entryId: entry.id, meaning: 'viewed-accurate', username: DSL.username, password: DSL.password }));
    let detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(IMAGERY_STEP_AWAITING(detail.gaps)).toEqual(['Viewing of the imagery on 23 Nov 2026: awaiting the signature of a DSL.']);
    const scope = { type: 'incident', incidentId } as const;
    let awaiting = expectOk(await call(core, 'chronology.page', { scope, filters: { signatures: 'awaiting' }, offset: 0, limit: 50, count: true }));
    expect(awaiting.rows.find((r) => r.kind === 'viewing-log')?.awaiting.map((a) => a.meaning)).toEqual(['attest-no-account']);
    // The dashboard puts it before the signed-in DSL as theirs to sign.
    const dashboard = expectOk(await call(core, 'dashboard.get', {}));
    expect(dashboard.awaitingSignature.filter((a) => a.entryId === entry.id).map((a) => [a.meaning, a.from, a.forMe])).toEqual([['attest-no-account', 'a DSL', true]]);

    // The headteacher is not a DSL, so cannot attest it; nobody can sign as the person present.
    const byHead = expectError(await call(core, 'entries.sign', { entryId: entry.id, meaning: 'attest-no-account', username: HEAD.username, password: HEAD.password }), 'forbidden');
    expect(byHead.message).toBe('Only a Designated Safeguarding Lead can sign with this meaning.');
    expect(expectError(await call(core, 'entries.sign', { entryId: entry.id, meaning: 'present-accurate', username: HEAD.username, password: HEAD.password }), 'invalid_input').message).toBe('The person recorded as present has no account in the app, so nobody can sign as present.');

    expectOk(await call(core, 'entries.sign', { entryId: entry.id, meaning: 'attest-no-account', username: DSL.username, password: DSL.password }));
    detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(IMAGERY_STEP_AWAITING(detail.gaps)).toEqual([]);
    awaiting = expectOk(await call(core, 'chronology.page', { scope, filters: { signatures: 'awaiting' }, offset: 0, limit: 50, count: true }));
    expect(awaiting.rows.filter((r) => r.kind === 'viewing-log')).toEqual([]);
    const saved = detail.entries.find((e) => e.id === entry.id);
    expect(saved?.body).toMatchObject({ presentStaffId: 'no-account', presentName: 'Ezra Quillfeather', presentRole: 'IT technician' });

    // The printed incident report says who they were and who attested them.
    const printed = expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [] }));
    if (!printed.saved) expect.fail('expected the PDF to be saved');
    const text = execFileSync('pdftotext', [join(dir, printed.fileName), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Ezra Quillfeather, IT technician (no account in the app; did not view)');
    expect(text).toContain(`No account in the app Attested by ${DSL.name}`);
  });

  it('needs only the DSL’s attestation when the viewer has no account and no one else was present', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const entry = expectOk(
      await call(core, 'entries.create', viewing(incidentId, { viewerStaffId: 'no-account', viewerName: 'Sam Ortiz', viewerRole: 'class teacher', viewerAuthority: 'saw-it-unavoidably', presentStaffId: 'none' })),
    );
    let detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(IMAGERY_STEP_AWAITING(detail.gaps)).toEqual(['Viewing of the imagery on 23 Nov 2026: awaiting the signature of a DSL.']);
    expectOk(await call(core, 'entries.sign', { entryId: entry.id, meaning: 'attest-no-account', username: DSL.username, password: DSL.password }));
    detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(IMAGERY_STEP_AWAITING(detail.gaps)).toEqual([]);
  });

  it('refuses someone without an account with no name or role, saying which is missing', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const dslId = await staffId(DSL.name);
    const error = expectError(await call(core, 'entries.create', viewing(incidentId, { viewerStaffId: dslId, presentStaffId: 'no-account', presentName: '  ' })), 'invalid_input');
    expect(error.fields).toMatchObject({
      'body.presentName': 'Enter the name of the person who was present',
      'body.presentRole': 'Enter their role, for example “class teacher” or “IT technician”',
    });
    expect(expectOk(await call(core, 'incidents.get', { incidentId })).entries).toEqual([]);
  });

  it('still saves and requires signatures as before for staff with accounts', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const [dslId, headId] = [await staffId(DSL.name), await staffId(HEAD.name)];
    expectOk(await call(core, 'entries.create', viewing(incidentId, { viewerStaffId: dslId, presentStaffId: headId })));
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(IMAGERY_STEP_AWAITING(detail.gaps)).toEqual([
      `Viewing of the imagery on 23 Nov 2026: awaiting the signature of ${DSL.name}.`,
      `Viewing of the imagery on 23 Nov 2026: awaiting the signature of ${HEAD.name}.`,
    ]);
  });
});
