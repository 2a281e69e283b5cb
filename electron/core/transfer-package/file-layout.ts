import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PackageRefusal } from './refusals';

/**
 * A transfer package on disk (docs/decisions/0028-transfer-package.md):
 *
 *   YPSI-RECORDS-TRANSFER <version>\n   the plain first line: what the file is, which format
 *   {header JSON}\n                     how to open it: nothing about the child
 *   <ciphertext><16-byte GCM tag>       the signed content, AES-256-GCM, the two lines above as AAD
 *   <32-byte SHA-256>                   of every byte before it
 *
 * Every version keeps the last line: a digest over the rest, so any changed byte is told as a
 * changed file before a passphrase is tried, and never mistaken for a wrong passphrase.
 */
const PACKAGE_MAGIC = 'YPSI-RECORDS-TRANSFER';
export const PACKAGE_FORMAT = 'ypsi-records-transfer-package';
const PACKAGE_VERSION = 1;
const DIGEST_BYTES = 32;
const TAG_BYTES = 16;
/** The header is a few hundred bytes; a longer first part is not one this app wrote. */
const MAX_HEADER_BYTES = 4096;

/**
 * scrypt's cost as read from a file anyone may have edited: bounded as key slots are
 * (decision 0015), so a doctored header cannot make opening it allocate gigabytes.
 */
const SCRYPT_BOUNDS = { minN: 2 ** 14, maxN: 2 ** 20, maxR: 16, maxP: 4 } as const;
const base64 = (bytes: number) => z.string().refine((s) => Buffer.from(s, 'base64').length === bytes && Buffer.from(s, 'base64').toString('base64') === s);

const packageHeader = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    packageId: z.string().regex(/^[0-9a-f]{32}$/),
    kdf: z
      .object({
        name: z.literal('scrypt'),
        N: z
          .number()
          .int()
          .min(SCRYPT_BOUNDS.minN)
          .max(SCRYPT_BOUNDS.maxN)
          .refine((n) => (n & (n - 1)) === 0),
        r: z.number().int().min(1).max(SCRYPT_BOUNDS.maxR),
        p: z.number().int().min(1).max(SCRYPT_BOUNDS.maxP),
        salt: base64(16),
      })
      .strict(),
    cipher: z.object({ name: z.literal('aes-256-gcm'), nonce: base64(12) }).strict(),
    /** HMAC-SHA256 of a constant under a key derived beside the encryption key: tells a wrong passphrase from a changed file. */
    passphraseCheck: base64(32),
    sendingSchool: z.string().max(200),
    sentAt: z.string().max(40),
  })
  .strict();

export type PackageHeader = z.output<typeof packageHeader>;

/** The parts of a package file, its digest checked. */
export type PackageParts = { header: PackageHeader; aad: Buffer; ciphertext: Buffer; tag: Buffer };

/** The two plain lines: what the GCM tag binds in as associated data. */
export function headerBytes(header: PackageHeader): Buffer {
  return Buffer.from(`${PACKAGE_MAGIC} ${PACKAGE_VERSION}\n${JSON.stringify(header)}\n`, 'utf8');
}

export function assemble(header: PackageHeader, ciphertext: Buffer, tag: Buffer): Buffer {
  const body = Buffer.concat([headerBytes(header), ciphertext, tag]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/**
 * Whether the file means to be a transfer package: it starts with the magic word, or its
 * first part names the format. Either survives any single changed byte, so a package with one
 * byte altered is told as altered, and a PDF or a photo chosen by mistake as not a package.
 */
function looksLikePackage(bytes: Buffer): boolean {
  const start = bytes.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  return start.startsWith(PACKAGE_MAGIC) || start.includes(`"format":"${PACKAGE_FORMAT}"`);
}

/** The file taken apart in the order the decision gives: what it is, its digest, its version, its header. */
export function disassemble(bytes: Buffer): PackageParts {
  if (!looksLikePackage(bytes)) throw new PackageRefusal('not-a-package');
  if (bytes.length < DIGEST_BYTES + TAG_BYTES) throw new PackageRefusal('altered');
  const body = bytes.subarray(0, bytes.length - DIGEST_BYTES);
  const digest = bytes.subarray(bytes.length - DIGEST_BYTES);
  if (!createHash('sha256').update(body).digest().equals(digest)) throw new PackageRefusal('altered');

  const firstEnd = body.indexOf(0x0a);
  const versionMatch = firstEnd > 0 ? /^YPSI-RECORDS-TRANSFER (\d{1,6})$/.exec(body.subarray(0, firstEnd).toString('latin1')) : null;
  if (!versionMatch) throw new PackageRefusal('damaged');
  const version = Number(versionMatch[1]);
  if (version > PACKAGE_VERSION) throw new PackageRefusal('newer-format');
  if (version !== PACKAGE_VERSION) throw new PackageRefusal('damaged');

  const headerEnd = body.indexOf(0x0a, firstEnd + 1);
  if (headerEnd < 0 || headerEnd > MAX_HEADER_BYTES || body.length - (headerEnd + 1) < TAG_BYTES) throw new PackageRefusal('damaged');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.subarray(firstEnd + 1, headerEnd).toString('utf8'));
  } catch {
    throw new PackageRefusal('damaged');
  }
  const header = packageHeader.safeParse(parsed);
  if (!header.success) throw new PackageRefusal('damaged');
  const rest = body.subarray(headerEnd + 1);
  return {
    header: header.data,
    aad: body.subarray(0, headerEnd + 1),
    ciphertext: rest.subarray(0, rest.length - TAG_BYTES),
    tag: rest.subarray(rest.length - TAG_BYTES),
  };
}
