// Issue 20 item 2: a child's file made into an encrypted package at one school and imported,
// as it came, at another (two data folders, two cores). The guidance asks that records of
// youth produced sexual imagery stay as secure as any child-protection record (UKCCIS 2016,
// section 2.9, "Recording incidents"), and KCSIE that the file follows the child.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { receiptCheckOf } from '../../electron/core/transfers/receipt';
import { normaliseReceiptCode } from '../../shared/domain/transfers/receipt-code';
import { call, DSL, expectError, expectOk, setUp, stateDirFor } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';
import { CANARY_PHRASE, CANARY_PUPIL, OTHER_CHILD, PASSPHRASE, SENDING_SCHOOL, sendingSchoolWithPackage, type SentPackage } from './helpers/transfer-package';
import { createCore } from '../../electron/core/index';

let root: string;
let remove: () => Promise<void>;
let sent: SentPackage;
let receiver: Core;
/** The file the receiving school's open dialog gives next. */
let chosen: string | null = null;

beforeAll(async () => {
  ({ dir: root, remove } = await makeTempDir('records-transfer-package-'));
  sent = await sendingSchoolWithPackage(root);
  const dataDir = join(root, 'receiver');
  receiver = await createCore({ dataDir, stateDir: stateDirFor(dataDir), appVersion: '0.0.0-test', log: () => undefined, chooseOpenPath: () => Promise.resolve(chosen) });
  await setUp(receiver, { school: 'Larkspur High School' });
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await remove?.();
});

/** Every form a word could take in the file's bytes: as typed, in base64, in UTF-16. */
function formsOf(text: string): Buffer[] {
  const utf8 = Buffer.from(text, 'utf8');
  const forms = [utf8, Buffer.from(text, 'utf16le'), Buffer.from(text.toUpperCase(), 'utf8'), Buffer.from(text.toLowerCase(), 'utf8')];
  // Base64 of the text at each of the three byte offsets it could start at: the groups wholly inside it.
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), utf8]).toString('base64');
    const inner = encoded.slice(shift > 0 ? 4 : 0, Math.floor((shift + utf8.length) / 3) * 4);
    if (inner.length >= 4) forms.push(Buffer.from(inner, 'latin1'));
  }
  return forms;
}

describe('the package file', () => {
  it('holds nothing of the child readable: no name, no entry’s words, raw, base64 or UTF-16', async () => {
    const bytes = await readFile(sent.packagePath);
    for (const canary of [CANARY_PUPIL.firstName, CANARY_PUPIL.lastName, CANARY_PHRASE, 'lighthouse', OTHER_CHILD]) {
      for (const form of formsOf(canary)) expect(bytes.includes(form), `${canary} is in the file`).toBe(false);
    }
    // The plain part says only what the file is, who sent it and when.
    expect(bytes.subarray(0, 400).toString('latin1')).toContain(SENDING_SCHOOL);
  });

  it('is saved under a name with no pupil’s name in it', () => {
    expect(sent.packagePath).toMatch(/transfer-\d+-2026-11-27\.ypsi-transfer$/);
    expect(sent.packagePath).not.toContain(CANARY_PUPIL.lastName);
  });
});

describe('opening at the receiving school', () => {
  it('refuses a wrong passphrase, saying so', async () => {
    chosen = sent.packagePath;
    const error = expectError(await call(receiver, 'receivedFiles.open', { passphrase: 'amber kettle orchard violin harbor' }), 'bad_credentials');
    expect(error.message).toMatch(/wrong passphrase/);
  });

  it('refuses a file with any one byte changed as altered, never as a wrong passphrase, and imports nothing', async () => {
    const original = await readFile(sent.packagePath);
    const headerEnd = original.indexOf(0x0a, original.indexOf(0x0a) + 1);
    // The magic word, the version, the school's name, the salt, the check value, ciphertext, tag and digest.
    const header = original.subarray(0, headerEnd).toString('latin1');
    const positions = [0, 5, 22, header.indexOf(SENDING_SCHOOL) + 3, header.indexOf('"salt"') + 10, header.indexOf('"passphraseCheck"') + 20, headerEnd, headerEnd + 1, headerEnd + 200, original.length - 40, original.length - 33, original.length - 1];
    const altered = join(root, 'altered.ypsi-transfer');
    for (const position of positions) {
      const copy = Buffer.from(original);
      copy[position] = copy[position]! ^ 0x01;
      await writeFile(altered, copy);
      chosen = altered;
      const error = expectError(await call(receiver, 'receivedFiles.open', { passphrase: PASSPHRASE }), 'damaged');
      expect(error.message, `byte ${position}`).toMatch(/altered or damaged: the file changed after it was made/);
    }
    expect(expectOk(await call(receiver, 'receivedFiles.list', {}))).toEqual([]);
  });

  it('refuses a file that is not a package as such', async () => {
    const other = join(root, 'letter.pdf');
    await writeFile(other, '%PDF-1.7 a covering letter');
    chosen = other;
    expect(expectError(await call(receiver, 'receivedFiles.open', { passphrase: PASSPHRASE }), 'invalid_input').message).toMatch(/not a transfer package/);
  });

  it('imports the file as it came: every signature verifies, and the receipt code is the one the sending school expects', async () => {
    chosen = sent.packagePath;
    const opened = expectOk(await call(receiver, 'receivedFiles.open', { passphrase: PASSPHRASE }));
    if (!opened.opened) throw new Error('not opened');
    expect(opened.preview).toMatchObject({
      sendingSchool: SENDING_SCHOOL,
      sendingDslName: DSL.name,
      pupil: { ...CANARY_PUPIL, dateOfBirth: '2012-02-03' },
      incidentCount: 1,
      entryCount: 1,
      signatureCount: 2,
      signaturesVerified: 2,
      packageSignatureVerified: true,
      fingerprint: sent.fingerprint,
    });
    expect(opened.matches).toEqual([]);

    const imported = expectOk(await call(receiver, 'receivedFiles.import', { token: opened.token, newPupil: true }));
    expect(receiptCheckOf(normaliseReceiptCode(imported.receiptCode)!)).toBe(sent.receiptCheck);

    const view = expectOk(await call(receiver, 'receivedFiles.get', { receivedFileId: imported.receivedFileId }));
    expect(view.receiptCode).toBe(imported.receiptCode);
    const entries = view.incidents.flatMap((i) => i.entries);
    expect(entries.map((e) => e.version)).toEqual([1, 2]);
    expect(entries.flatMap((e) => e.signatures.map((s) => s.verified))).toEqual([true, true]);
    // The other child is a label in the received file, as the transfer chose.
    const names = view.incidents[0]!.people.map((p) => p.name);
    expect(names).toContain(`${CANARY_PUPIL.firstName} ${CANARY_PUPIL.lastName}`);
    expect(names).not.toContain(OTHER_CHILD);
    expect(names).toContain('Young person A');

    const pupil = expectOk(await call(receiver, 'pupils.get', { pupilId: imported.pupilId }));
    expect(pupil.pupil).toMatchObject(CANARY_PUPIL);
    expect(expectOk(await call(receiver, 'receivedFiles.list', { pupilId: imported.pupilId })).map((r) => r.sendingSchool)).toEqual([SENDING_SCHOOL]);

    // The same package again is refused, saying when it came.
    expect(expectError(await call(receiver, 'receivedFiles.open', { passphrase: PASSPHRASE }), 'conflict').message).toMatch(/already received on/);

    // Verify still vouches for every row, the received file among them.
    const verified = expectOk(await call(receiver, 'audit.verify', {}));
    expect(verified.ok).toBe(true);
  });
});

