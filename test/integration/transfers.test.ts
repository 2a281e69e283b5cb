// Issue 20 items 1 and 2: a pupil leaves, their child-protection file is prepared for transfer,
// printed as a PDF protected by AES-256, marked sent, confirmed with the receipt code (a wrong
// one refused and nothing changed), each step audited; an overdue transfer is chased in What is
// due and on the dashboard. Fictional school and people.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../electron/core/db/connection';
import { createCore, type Core } from '../../electron/core/index';
import { receiptCheckOf, receiptCodeFor } from '../../electron/core/transfers/receipt';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import { formatReceiptCode } from '../../shared/domain/transfers/receipt-code';
import type { TransferView } from '../../shared/ipc/contract';
import { call, createIncident, DSL, expectError, expectOk, setUp, stateDirFor, TestClock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const RECEIVING = 'Larkspur Vale High School';
const PDF_PASSWORD = 'heron quartz lantern';

let root: string;
let remove: () => Promise<void>;
let dataDir: string;
let saveDir: string;
let core: Core;
// Monday 23 November 2026, 09:00.
const clock = new TestClock();
let pupilId: number;
let transfer: TransferView;

function openCore(): Promise<Core> {
  return createCore({
    dataDir,
    stateDir: stateDirFor(dataDir),
    appVersion: '0.0.0-test',
    now: clock.now,
    log: process.env.CORE_LOG ? (m) => console.error(m) : () => undefined,
    chooseSavePath: (suggested) => Promise.resolve(join(saveDir, suggested)),
  });
}

/**
 * What the transfer package part (another helper's) writes when it makes a package: its id and
 * the hash of the receipt code it expects. Written straight into the database here, with the
 * app closed, so the receipt can be tested before packages exist.
 */
async function givePackage(transferId: number, packageId: string, receiptCheck: string): Promise<void> {
  await core.close();
  const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(DSL.username, DSL.password);
  if (!slot.ok) return expect.fail('the DSL’s password should open their key slot');
  const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
  try {
    await db.transaction((tx) => tx.run('UPDATE transfers SET package_id = ?, receipt_check = ? WHERE id = ?', [packageId, receiptCheck, transferId]));
  } finally {
    await db.close();
    slot.dataKey.fill(0);
  }
  core = await openCore();
  await unlockAs(core, DSL);
}

async function auditActions(): Promise<{ action: string; subjectType: string | null; details: string }[]> {
  const rows = expectOk(await call(core, 'audit.list', { limit: 200 }));
  return rows.map((r) => ({ action: r.action, subjectType: r.subjectType, details: JSON.stringify(r.details) }));
}

beforeAll(async () => {
  ({ dir: root, remove } = await makeTempDir('records-transfers-'));
  dataDir = join(root, 'data');
  saveDir = join(root, 'out');
  await mkdir(saveDir);
  core = await openCore();
  await setUp(core);
  pupilId = expectOk(
    await call(core, 'pupils.create', {
      firstName: 'Juniper',
      lastName: 'Testwood',
      dateOfBirth: '2012-05-04',
      sex: 'female',
      yearGroup: '9',
      sen: false,
      senDetails: '',
      lookedAfter: false,
      socialCare: 'none',
    }),
  ).id;
  const incidentId = await createIncident(core);
  expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId, roles: ['pictured'] }));
}, 60_000);

afterAll(async () => {
  await core?.close();
  await remove?.();
});

describe('a pupil who leaves', () => {
  it('refuses a date still to come and a school with no name, each on its own field', async () => {
    const future = expectError(await call(core, 'pupils.markLeft', { pupilId, leftOn: '2026-11-24', destinationKind: 'school', destination: RECEIVING }), 'invalid_input');
    expect(future.fields?.['leftOn']).toBe('The date the pupil left cannot be in the future');
    const unnamed = expectError(await call(core, 'pupils.markLeft', { pupilId, leftOn: '2026-11-20', destinationKind: 'school', destination: ' ' }), 'invalid_input');
    expect(unnamed.fields?.['destination']).toBe('Enter the name of the new school');
  });

  it('is marked as left, stays findable with the date, and the audit row names no school', async () => {
    const left = expectOk(await call(core, 'pupils.markLeft', { pupilId, leftOn: '2026-11-20', destinationKind: 'school', destination: RECEIVING }));
    expect(left.leaving).toEqual({ leftOn: '2026-11-20', destinationKind: 'school', destination: RECEIVING });
    const found = expectOk(await call(core, 'pupils.search', { query: 'Juniper', limit: 10 }));
    expect(found).toEqual([expect.objectContaining({ id: pupilId, leftOn: '2026-11-20', incidentCount: 1 })]);
    const row = (await auditActions()).find((r) => r.action === 'pupil.left');
    expect(row?.details).toContain('2026-11-20');
    expect(row?.details).not.toContain('Larkspur');
  });
});

describe('the transfer of the child-protection file', () => {
  it('is prepared with the KCSIE deadline the screen worked out, and listed as prepared', async () => {
    transfer = expectOk(
      await call(core, 'transfers.prepare', {
        pupilId,
        receivingSchool: RECEIVING,
        receivingDsl: 'Rosalind Quaketon',
        receivingContact: 'dsl@larkspur-vale.example',
        method: 'secure-email',
        // Friday 20 November + 5 school days.
        dueOn: '2026-11-27',
        fileOptions: { namedChildren: [`pupil:${pupilId}`], otherEntries: 'include' },
        coveringLetter: 'Dear Rosalind Quaketon,\n\nI enclose the child-protection file of Juniper Testwood.',
      }),
    );
    expect(transfer).toMatchObject({ state: 'prepared', dueOn: '2026-11-27', hasPackage: false, preparedBy: DSL.name });
    expect(expectOk(await call(core, 'transfers.list', {}))).toEqual([expect.objectContaining({ id: transfer.id, pupilName: 'Juniper Testwood', state: 'prepared' })]);
  });

  it('refuses to name a child who is not in the pupil’s file', async () => {
    const refused = expectError(
      await call(core, 'transfers.prepare', {
        pupilId,
        receivingSchool: RECEIVING,
        receivingDsl: 'Rosalind Quaketon',
        receivingContact: 'dsl@larkspur-vale.example',
        method: 'secure-email',
        dueOn: '2026-11-27',
        fileOptions: { namedChildren: ['pupil:999'], otherEntries: 'include' },
        coveringLetter: 'Dear colleague',
      }),
      'invalid_input',
    );
    expect(refused.fields?.['namedChildren']).toBe('Choose only children who are in this file');
  });

  it('prints a PDF protected by AES-256: unreadable without the password, marked for transfer on every page with it', async () => {
    const result = expectOk(await call(core, 'transfers.pdf', { transferId: transfer.id, currentPassword: DSL.password, pdfPassword: PDF_PASSWORD }));
    if (!result.saved) return expect.fail('expected the PDF to be saved');
    expect(result.protectedByPassword).toBe(true);
    const file = join(saveDir, result.fileName);
    const raw = (await readFile(file)).toString('latin1');
    // PDFKit's AES-256 (PDF 1.7 Adobe Extension Level 3): the standard handler, /V 5 /R 5, the AESV3 filter.
    const encrypt = /\/Filter \/Standard[\s\S]*?endobj/.exec(raw)?.[0] ?? '';
    expect(encrypt).toMatch(/\/V 5\b/);
    expect(encrypt).toMatch(/\/R 5\b/);
    expect(raw).toContain('/AESV3');
    expect(raw).not.toContain('Juniper');

    const without = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(without.status).not.toBe(0);
    expect(without.stdout).not.toContain('Juniper');
    const wrong = spawnSync('pdftotext', ['-upw', 'not the password', file, '-'], { encoding: 'utf8' });
    expect(wrong.status).not.toBe(0);

    const text = execFileSync('pdftotext', ['-upw', PDF_PASSWORD, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Covering letter');
    expect(text).toContain('I enclose the child-protection file of Juniper Testwood.');
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', ['-upw', PDF_PASSWORD, file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text.match(/Child-protection file — for transfer to Larkspur Vale High School/g)).toHaveLength(pages);

    const row = (await auditActions()).find((r) => r.action === 'transfer.printed');
    expect(row?.details).toContain('"protectedByPassword":true');
    expect(row?.details).not.toContain(PDF_PASSWORD);
  });

  it('prints without a password when none is given', async () => {
    const result = expectOk(await call(core, 'transfers.pdf', { transferId: transfer.id, currentPassword: DSL.password, pdfPassword: '' }));
    if (!result.saved) return expect.fail('expected the PDF to be saved');
    expect(result.protectedByPassword).toBe(false);
    expect(execFileSync('pdftotext', [join(saveDir, result.fileName), '-'], { encoding: 'utf8' })).toContain('Juniper Testwood');
  });

  it('is marked sent once: a second time is refused', async () => {
    transfer = expectOk(await call(core, 'transfers.markSent', { transferId: transfer.id, sentOn: '2026-11-23', method: 'secure-email' }));
    expect(transfer).toMatchObject({ state: 'sent', sentOn: '2026-11-23', sentBy: DSL.name });
    const twice = expectError(await call(core, 'transfers.markSent', { transferId: transfer.id, sentOn: '2026-11-23', method: 'secure-email' }), 'conflict');
    expect(twice.message).toBe('This transfer is already marked as sent.');
    // Every change so far was made through the app: Verify vouches for the pupil and transfer rows.
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('is chased on What is due and the dashboard once the deadline has passed', async () => {
    const before = expectOk(await call(core, 'due.list', {})).items.find((i) => i.kind === 'transfer');
    expect(before).toMatchObject({ overdue: false, dueOn: '2026-11-27', link: `/transfers/${transfer.id}` });
    // Monday 30 November: the fifth school day has gone.
    clock.advance(7 * 24 * 3600_000);
    await unlockAs(core, DSL);
    const due = expectOk(await call(core, 'due.list', {}));
    const item = due.items.find((i) => i.kind === 'transfer');
    expect(item).toMatchObject({ overdue: true, what: `Confirm ${RECEIVING} received Juniper Testwood’s child-protection file` });
    const dashboard = expectOk(await call(core, 'dashboard.get', {}));
    expect(dashboard.transfersAwaiting).toEqual([{ transferId: transfer.id, pupilName: 'Juniper Testwood', receivingSchool: RECEIVING, dueOn: '2026-11-27', sent: true, overdue: true }]);
    expect(expectOk(await call(core, 'transfers.get', { transferId: transfer.id })).state).toBe('overdue');
  });

  it('refuses a wrong receipt code and changes nothing; the right one marks it received', async () => {
    const packageId = 'pkg-test-0001';
    const code = receiptCodeFor(randomBytes(32), packageId);
    await givePackage(transfer.id, packageId, receiptCheckOf(code));
    const transferRows = async () => (await auditActions()).filter((r) => r.subjectType === 'transfer').length;
    const rowsBefore = await transferRows();

    const wrongCode = receiptCodeFor(randomBytes(32), packageId);
    const wrong = expectError(await call(core, 'transfers.confirmReceived', { by: 'code', transferId: transfer.id, code: formatReceiptCode(wrongCode) }), 'invalid_input');
    expect(wrong.fields?.['code']).toBe('That is not this transfer’s receipt code');
    expect(expectOk(await call(core, 'transfers.get', { transferId: transfer.id }))).toMatchObject({ state: 'overdue', receivedAt: null });
    expect(await transferRows()).toBe(rowsBefore);

    // Typed by hand: lower case, spaces for dashes.
    const typed = formatReceiptCode(code).toLowerCase().replace(/-/g, ' ');
    const received = expectOk(await call(core, 'transfers.confirmReceived', { by: 'code', transferId: transfer.id, code: typed }));
    expect(received).toMatchObject({ state: 'received', receivedBy: DSL.name, hasPackage: true });
    expect(expectOk(await call(core, 'due.list', {})).items.some((i) => i.kind === 'transfer')).toBe(false);
    expect(expectOk(await call(core, 'dashboard.get', {})).transfersAwaiting).toEqual([]);
    const cancel = expectError(await call(core, 'transfers.cancel', { transferId: transfer.id, reason: 'Sent to the wrong school' }), 'conflict');
    expect(cancel.message).toBe('Receipt of this transfer is confirmed, so it cannot be cancelled.');
  });

  it('wrote an audit row for every step, with ids and never the names', async () => {
    const rows = (await auditActions()).filter((r) => r.subjectType === 'transfer' || r.action.startsWith('pupil.left'));
    expect(rows.map((r) => r.action).sort()).toEqual(['pupil.left', 'transfer.prepared', 'transfer.printed', 'transfer.printed', 'transfer.received', 'transfer.sent']);
    for (const row of rows) {
      expect(row.details).not.toMatch(/Juniper|Testwood|Larkspur|Rosalind/);
      if (row.subjectType === 'transfer') expect(row.details).toContain(`"pupilId":${pupilId}`);
    }
  });
});

describe('a transfer sent as a PDF', () => {
  it('is confirmed with who acknowledged it; a cancelled one cannot be confirmed', async () => {
    const base = {
      pupilId,
      receivingSchool: RECEIVING,
      receivingDsl: 'Rosalind Quaketon',
      receivingContact: 'dsl@larkspur-vale.example',
      method: 'hand-delivered' as const,
      dueOn: '2026-12-04',
      fileOptions: { namedChildren: [], otherEntries: 'include' as const },
      coveringLetter: 'Dear colleague',
    };
    const byHand = expectOk(await call(core, 'transfers.prepare', base));
    const noCode = expectError(await call(core, 'transfers.confirmReceived', { by: 'acknowledgement', transferId: byHand.id, acknowledgedBy: 'R. Quaketon', acknowledgedOn: '2026-11-30' }), 'conflict');
    expect(noCode.message).toBe('Mark the transfer as sent before confirming that it arrived.');
    expectOk(await call(core, 'transfers.markSent', { transferId: byHand.id, sentOn: '2026-11-30', method: 'hand-delivered' }));
    const confirmed = expectOk(await call(core, 'transfers.confirmReceived', { by: 'acknowledgement', transferId: byHand.id, acknowledgedBy: 'R. Quaketon', acknowledgedOn: '2026-11-30' }));
    expect(confirmed).toMatchObject({ state: 'received', acknowledgedBy: 'R. Quaketon', receivedAt: '2026-11-30' });

    const cancelled = expectOk(await call(core, 'transfers.prepare', base));
    expect(expectOk(await call(core, 'transfers.cancel', { transferId: cancelled.id, reason: 'Prepared twice by mistake' }))).toMatchObject({ state: 'cancelled', cancelReason: 'Prepared twice by mistake' });
    const refused = expectError(await call(core, 'transfers.confirmReceived', { by: 'acknowledgement', transferId: cancelled.id, acknowledgedBy: 'R. Quaketon', acknowledgedOn: '2026-11-30' }), 'conflict');
    expect(refused.message).toBe('This transfer was cancelled, so its receipt cannot be confirmed.');
  });
});
