// Issue 20 item 5, "Must show": a held incident cannot be destroyed (refused in words, nothing
// changes); a destroyed one leaves no trace of its content in the database file. The file's
// pages are decrypted here as SQLCipher 4 encrypts them (AES-256-CBC under the raw data key,
// each page's IV in its last 80 reserved bytes; page 1 from byte 16, after the salt), and the
// same for every frame in the -wal file, so the search for the canary is over the plaintext the
// engine itself would read, free pages included. The same search before destruction finds it,
// so the decryption is proved to work.
import { createDecipheriv, createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { readingText } from '../support/pdf-read';
import { Database } from '../../electron/core/db/connection';
import { createCore, type Core } from '../../electron/core/index';
import { call, createIncident, DSL, expectError, expectOk, setUp, stateDirFor, TestClock } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const CANARY_TITLE = 'Zephyrine periwinkle marmalade';
const CANARY_BODY = 'Quixotic tangerine lighthouse';
const CANARY_PERSON = 'Obadiah Wrenfeather-Lumley';
const CANARIES = [CANARY_TITLE, CANARY_BODY, CANARY_PERSON];
const PUPIL = { firstName: 'Juniper', lastName: 'Ashcombe', dateOfBirth: '2011-03-04', sex: 'female', yearGroup: '10', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' } as const;

const PAGE = 4096;
const RESERVE = 80;

function decryptPage(page: Buffer, key: Buffer, first: boolean): Buffer {
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(first ? 16 : 0, PAGE - RESERVE)), decipher.final()]);
}

/** Every page of the main file and of the WAL's frames, decrypted. */
function plaintextOf(dataDir: string, key: Buffer): Buffer[] {
  const pages: Buffer[] = [];
  const main = readFileSync(join(dataDir, 'records.db'));
  for (let at = 0; at + PAGE <= main.length; at += PAGE) pages.push(decryptPage(main.subarray(at, at + PAGE), key, at === 0));
  const walFile = join(dataDir, 'records.db-wal');
  if (existsSync(walFile)) {
    const wal = readFileSync(walFile);
    // A 32-byte WAL header, then frames of a 24-byte header (page number first) and a page.
    for (let at = 32; at + 24 + PAGE <= wal.length; at += 24 + PAGE) pages.push(decryptPage(wal.subarray(at + 24, at + 24 + PAGE), key, wal.readUInt32BE(at) === 1));
  }
  return pages;
}

function canariesIn(pages: readonly Buffer[]): string[] {
  return CANARIES.filter((c) => pages.some((p) => p.includes(Buffer.from(c, 'utf8')) || p.includes(Buffer.from(c.split(' ')[0]!.toLowerCase(), 'utf8'))));
}

let dir: string;
let remove: () => Promise<void>;
let core: Core;
let pdfPath = '';
let dslId = 0;
const ids = { pupil: 0, held: 0, doomed: 0 };
const dataDir = () => join(dir, 'data');

async function recordAction(incidentId: number, description: string): Promise<void> {
  expectOk(
    await call(core, 'entries.create', {
      incidentId,
      occurredOn: '2026-11-20',
      occurredTime: '10:00',
      kind: 'action',
      body: { type: 'follow-up', description, dueOn: '2026-11-30', completedOn: '' },
    }),
  );
}

async function theDataKey(): Promise<Buffer> {
  const slot = await new KeyslotStore(join(dataDir(), 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!slot.ok) throw new Error('the DSL’s password should open their slot');
  return slot.dataKey;
}

/** What the test itself reads as destroyed, table by table in decision 0030's order, hashed as the certificate says. */
async function hashRecomputedBefore(incidentId: number): Promise<{ hash: string; rows: Record<string, number> }> {
  const key = await theDataKey();
  const db = await Database.open(join(dataDir(), 'records.db'), key);
  try {
    const entries = `(SELECT id FROM entries WHERE incident_id = ${incidentId})`;
    const parts: [string, string][] = [
      ['incidents', `SELECT * FROM incidents WHERE id = ${incidentId} ORDER BY id`],
      ['incident_people', `SELECT * FROM incident_people WHERE incident_id = ${incidentId} ORDER BY id`],
      ['incident_versions', `SELECT * FROM incident_versions WHERE incident_id = ${incidentId} ORDER BY id`],
      ['incident_status_changes', `SELECT * FROM incident_status_changes WHERE incident_id = ${incidentId} ORDER BY id`],
      ['entries', `SELECT * FROM entries WHERE incident_id = ${incidentId} ORDER BY id`],
      ['entry_text', `SELECT * FROM entry_text WHERE entry_id IN ${entries} ORDER BY entry_id`],
      ['signatures', `SELECT * FROM signatures WHERE entry_id IN ${entries} ORDER BY id`],
      ['drafts', `SELECT * FROM drafts WHERE incident_id = ${incidentId} ORDER BY id`],
      ['legal_holds', `SELECT * FROM legal_holds WHERE incident_id = ${incidentId} ORDER BY id`],
      ['retention_reviews', `SELECT * FROM retention_reviews WHERE incident_id = ${incidentId} ORDER BY id`],
      ['practice_sessions', `SELECT * FROM practice_sessions WHERE incident_id = ${incidentId} ORDER BY id`],
    ];
    const read = [];
    for (const [table, sql] of parts) read.push({ table, rows: await db.all(sql) });
    return { hash: createHash('sha256').update(canonicalJson(read)).digest('hex'), rows: Object.fromEntries(read.map((p) => [p.table, p.rows.length])) };
  } finally {
    await db.close();
    key.fill(0);
  }
}

async function searchFinds(word: string): Promise<number> {
  const page = expectOk(await call(core, 'chronology.page', { scope: { type: 'school' }, filters: { q: word }, offset: 0, limit: 50 }));
  return page.total ?? 0;
}

beforeAll(async () => {
  ({ dir, remove } = await makeTempDir('records-destroy-'));
  core = await createCore({
    dataDir: dataDir(),
    stateDir: stateDirFor(dataDir()),
    appVersion: '0.0.0-test',
    now: new TestClock(Date.parse('2026-11-23T12:00:00Z')).now,
    log: () => undefined,
    chooseSavePath: () => Promise.resolve(pdfPath === '' ? null : pdfPath),
  });
  const { status } = await setUp(core);
  if (status.state !== 'unlocked') throw new Error('the DSL should be signed in after setup');
  dslId = status.user.id;
  ids.pupil = expectOk(await call(core, 'pupils.create', { ...PUPIL })).id;
  ids.held = await createIncident(core, '2026-11-18');
  ids.doomed = expectOk(
    await call(core, 'incidents.create', { title: CANARY_TITLE, cameToAttentionOn: '2026-11-19', imageryDate: '', kind: 'shared-on', media: 'photo', services: [], sharing: 'not_known', sharingDetails: '' }),
  ).id;
  expectOk(await call(core, 'incidents.addPupil', { incidentId: ids.doomed, pupilId: ids.pupil, roles: ['pictured'] }));
  expectOk(await call(core, 'incidents.addOtherPerson', { incidentId: ids.doomed, person: { kind: 'adult', name: CANARY_PERSON, relationship: 'A neighbour' }, roles: ['received'] }));
  await recordAction(ids.doomed, `Ask about the ${CANARY_BODY} the pupil mentioned.`);
  await recordAction(ids.held, 'Fictional: speak to the form tutor.');
  expectOk(await call(core, 'holds.place', { target: { incidentId: ids.held }, reasonKind: 'police-investigation', reason: 'Fictional: the police asked the school to keep everything.' }));
}, 120_000);

afterAll(async () => {
  await core.close();
  await remove();
});

const destroy = (incidentId: number, confirmReference: string) =>
  call(core, 'records.destroy', { kind: 'incident', id: incidentId, reason: 'Fictional: retention period ended and reviewed.', confirmReference, currentPassword: DSL.password });

describe('destroying an incident', () => {
  it('refuses a held incident in words, and changes nothing', async () => {
    const preview = expectOk(await call(core, 'records.destructionPreview', { kind: 'incident', id: ids.held }));
    expect(preview.refusal).toMatch(/legal hold.*cannot be destroyed/);
    const auditBefore = expectOk(await call(core, 'audit.list', {}));
    const refused = expectError(await destroy(ids.held, preview.confirmAs), 'conflict');
    expect(refused.message).toMatch(/on legal hold \(police investigation/);
    expect(expectOk(await call(core, 'audit.list', {}))).toEqual(auditBefore);
    expect(expectOk(await call(core, 'records.destructionPreview', { kind: 'incident', id: ids.held })).rows).toEqual(preview.rows);
    expect(preview.rows).toMatchObject({ incidents: 1, entries: 1 });
  });

  it('refuses a pupil still named on an incident', async () => {
    const preview = expectOk(await call(core, 'records.destructionPreview', { kind: 'pupil', id: ids.pupil }));
    expect(preview.refusal).toMatch(/incident still names this pupil/);
  });

  it('asks for the reference typed exactly', async () => {
    const wrong = expectError(await destroy(ids.doomed, 'not it'), 'invalid_input');
    expect(wrong.fields).toHaveProperty('confirmReference');
  });

  it('removes every trace of the content from the file and the search, and the certificate verifies', async () => {
    const key = await theDataKey();
    try {
      // Before: the decryption finds every canary, so finding none afterwards means something.
      expect(canariesIn(plaintextOf(dataDir(), key))).toEqual(CANARIES);
      expect(await searchFinds('tangerine')).toBe(1);
      const expected = await hashRecomputedBefore(ids.doomed);
      const preview = expectOk(await call(core, 'records.destructionPreview', { kind: 'incident', id: ids.doomed }));
      expect(preview.refusal).toBeNull();
      expect(preview.rows).toEqual(expected.rows);

      const done = expectOk(await destroy(ids.doomed, preview.confirmAs.toLowerCase()));
      expect(done.certificate).toMatchObject({ reference: preview.reference, contentHash: expected.hash, rows: expected.rows, decidedBy: dslId, cameToAttentionOn: '2026-11-19' });
      expect(done.backupsWarning).toMatch(/Backups made before today still hold this record/);
      expect(done.vacuumMs).toEqual(expect.any(Number));

      expect(canariesIn(plaintextOf(dataDir(), key))).toEqual([]);
      expect(await searchFinds('tangerine')).toBe(0);
      expectError(await call(core, 'incidents.get', { incidentId: ids.doomed }), 'not_found');
      // The pupil on it stays.
      expectOk(await call(core, 'pupils.get', { pupilId: ids.pupil }));

      const verified = expectOk(await call(core, 'audit.verify', {}));
      expect(verified.findings).toEqual([]);
      const certificate = JSON.stringify(expectOk(await call(core, 'records.destroyedList', {})));
      for (const canary of [...CANARIES, PUPIL.firstName, PUPIL.lastName]) expect(certificate).not.toContain(canary);

      pdfPath = join(dir, 'certificate.pdf');
      expectOk(await call(core, 'records.destructionCertificatePdf', { auditSeq: done.certificate.auditSeq }));
      const text = readingText(pdfPath).replace(/\s+/g, ' ');
      expect(text).toContain(preview.reference);
      expect(text.replace(/\s/g, '')).toContain(expected.hash);
    } finally {
      key.fill(0);
    }
  }, 120_000);

  it('then destroys the pupil’s record once no incident names them', async () => {
    // Still named on the held incident? No: the pupil was only on the destroyed one.
    const preview = expectOk(await call(core, 'records.destructionPreview', { kind: 'pupil', id: ids.pupil }));
    expect(preview.refusal).toBeNull();
    const done = expectOk(await call(core, 'records.destroy', { kind: 'pupil', id: ids.pupil, reason: 'Fictional: reviewed.', confirmReference: `${PUPIL.firstName} ${PUPIL.lastName}`, currentPassword: DSL.password }));
    expect(done.certificate).toMatchObject({ kind: 'pupil', reference: `Pupil ${ids.pupil}`, rows: { pupils: 1 } });
    expect(JSON.stringify(done.certificate)).not.toContain(PUPIL.lastName);
    expect(expectOk(await call(core, 'audit.verify', {})).findings).toEqual([]);
  }, 60_000);
});
