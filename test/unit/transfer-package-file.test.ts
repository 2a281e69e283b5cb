// The transfer package's layout (decision 0028): each way a chosen file can be wrong is told in
// its own words, in order, and any changed byte is "altered", never "wrong passphrase".
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PACKAGE_CONTENT_FORMAT, type SignedPackageContent } from '../../shared/domain/transfers/package-content';
import { openPackage, sealPackage } from '../../electron/core/transfer-package/package-file';
import { PackageRefusal } from '../../electron/core/transfer-package/refusals';

// The lowest cost the reader accepts, so each test derives in milliseconds.
const FAST = { N: 2 ** 14, r: 8, p: 1 };
const PASSPHRASE = 'copper lantern meadow pebble thistle';

const SIGNED: SignedPackageContent = {
  content: {
    format: PACKAGE_CONTENT_FORMAT,
    version: 1,
    packageId: '0123456789abcdef0123456789abcdef',
    sentAt: '2026-11-27T10:00:00.000Z',
    sendingSchool: 'Quillfeather Academy',
    sendingDsl: { name: 'Marigold Thistlewood', publicKey: Buffer.alloc(32, 7).toString('base64') },
    pupil: { firstName: 'Wrenna', lastName: 'Quillibrook', dateOfBirth: '2012-02-03', sex: 'female', yearGroup: '9', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none', upn: '', leftOn: null },
    otherEntries: 'include',
    incidents: [],
    receiptSecret: Buffer.alloc(32, 9).toString('base64'),
  },
  signature: Buffer.alloc(64, 1).toString('base64'),
};

async function refusalOf(bytes: Buffer, passphrase = PASSPHRASE): Promise<string> {
  try {
    await openPackage(bytes, passphrase);
    return 'opened';
  } catch (error) {
    if (error instanceof PackageRefusal) return error.kind;
    throw error;
  }
}

/** The file with its header line replaced and the digest made good again, as someone editing it on purpose would. */
function withHeader(bytes: Buffer, edit: (line: string) => string): Buffer {
  const first = bytes.indexOf(0x0a);
  const second = bytes.indexOf(0x0a, first + 1);
  const body = Buffer.concat([Buffer.from(edit(bytes.subarray(0, second).toString('utf8')), 'utf8'), bytes.subarray(second, bytes.length - 32)]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

describe('a transfer package file', () => {
  it('opens with its passphrase, giving back the signed content', async () => {
    const bytes = await sealPackage(SIGNED, PASSPHRASE, FAST);
    expect((await openPackage(bytes, PASSPHRASE)).signed).toEqual(SIGNED);
  });

  it('refuses a wrong passphrase as such', async () => {
    expect(await refusalOf(await sealPackage(SIGNED, PASSPHRASE, FAST), 'copper lantern meadow pebble thistles')).toBe('wrong-passphrase');
  });

  it('tells every changed byte as altered, never as a wrong passphrase', async () => {
    const bytes = await sealPackage(SIGNED, PASSPHRASE, FAST);
    for (let i = 0; i < bytes.length; i += 7) {
      const copy = Buffer.from(bytes);
      copy[i] = copy[i]! ^ 0x80;
      expect(await refusalOf(copy), `byte ${i}`).toBe('altered');
    }
  });

  it('tells a file cut short as altered', async () => {
    const bytes = await sealPackage(SIGNED, PASSPHRASE, FAST);
    expect(await refusalOf(bytes.subarray(0, bytes.length - 1))).toBe('altered');
  });

  it('tells a file that is not a package, and one from a newer version of the app, apart', async () => {
    expect(await refusalOf(Buffer.from('%PDF-1.7 a covering letter'))).toBe('not-a-package');
    const bytes = await sealPackage(SIGNED, PASSPHRASE, FAST);
    expect(await refusalOf(withHeader(bytes, (line) => line.replace('YPSI-RECORDS-TRANSFER 1', 'YPSI-RECORDS-TRANSFER 2')))).toBe('newer-format');
  });

  it('refuses a header asking scrypt for more than any package this app makes, before deriving', async () => {
    const bytes = await sealPackage(SIGNED, PASSPHRASE, FAST);
    expect(await refusalOf(withHeader(bytes, (line) => line.replace('"N":16384', `"N":${2 ** 24}`)))).toBe('damaged');
  });

  it('binds the plain header in: a school name changed and re-digested no longer opens', async () => {
    const bytes = await sealPackage(SIGNED, PASSPHRASE, FAST);
    expect(await refusalOf(withHeader(bytes, (line) => line.replace('Quillfeather Academy', 'Quillfeather Academz')))).toBe('altered');
  });
});
