import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { AppError } from '../errors';
import { signedAnchor } from '../integrity/anchor';
import { signBytes, verifyBytes, type PersonKeys } from '../vault/person-keys';

/*
 * The backup file (.ypsibak), one file holding everything needed to restore:
 *
 *   "YPSI-RECORDS-BACKUP 2\n"             magic line (ASCII), format version 2 (issue 16)
 *   uint32, big-endian                    length in bytes of the header that follows
 *   header: UTF-8 JSON                    {
 *                                           createdAt:      ISO time the backup was made (UTC),
 *                                           appVersion:     the app that made it,
 *                                           schemaVersion:  the database's user_version,
 *                                           keyslots:       the text of keyslots.json, byte for byte,
 *                                           tables:         { <table>: { rows, sha256 } } (see digests.ts),
 *                                           databaseSha256: SHA-256 (hex) of the database bytes below,
 *                                           databaseBytes:  their length,
 *                                           anchor:         the copy's audit chain end, signed
 *                                                           (integrity/anchor.ts; its rosterVersion is
 *                                                           the copy's latest roster version),
 *                                           signerId:       staff id of who made it (null: the recovery code),
 *                                           signature:      Ed25519 by that person over headerText()
 *                                         }
 *   database bytes                        the SQLCipher 4 file made by VACUUM INTO,
 *                                         encrypted with the same data key as the live one
 *
 * Format 1 (magic "YPSI-RECORDS-BACKUP 1") is the same without anchor, signerId and
 * signature: still read, so that restore can say why it refuses one (decision 0017: anyone
 * with the data key could make a format-1 file that looks like ours).
 *
 * Nothing in it is readable without a password or the recovery code: the header holds
 * counts, hashes and ids only, and the keyslots hold the data key wrapped (never in clear).
 * A reader checks databaseSha256 before trusting the file, so a damaged backup is
 * reported, never restored. The signature is what makes the header's hashes trustworthy:
 * it is checked by restore against the signer's key in the backup's own signed roster.
 */
const MAGIC = Buffer.from('YPSI-RECORDS-BACKUP 2\n', 'ascii');
export const MAGIC_V1 = Buffer.from('YPSI-RECORDS-BACKUP 1\n', 'ascii');
export const BACKUP_EXTENSION = '.ypsibak';
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const unsignedHeader = z.object({
  createdAt: z.iso.datetime(),
  appVersion: z.string(),
  schemaVersion: z.number().int().min(0),
  keyslots: z.string().min(1),
  tables: z.record(z.string(), z.object({ rows: z.number().int().min(0), sha256: sha256Hex })),
  databaseSha256: sha256Hex,
  databaseBytes: z.number().int().min(0),
});
const backupHeaderV1 = unsignedHeader;
const backupHeader = unsignedHeader.extend({
  anchor: signedAnchor,
  signerId: z.number().int().nullable(),
  signature: z.string(),
});
/** A format-1 header: made before backups were signed. */
type BackupHeaderV1 = z.infer<typeof backupHeaderV1>;
export type BackupHeader = z.infer<typeof backupHeader>;
/** What a file holds: a signed header (format 2), or a format-1 one, which restore refuses unless told otherwise. */
export type AnyBackupHeader = ({ format: 2 } & BackupHeader) | ({ format: 1 } & BackupHeaderV1);

/** The text the header's signature covers: every field but the signature, canonical, with what it is. */
function headerText(header: Omit<BackupHeader, 'signature'>): string {
  const { createdAt, appVersion, schemaVersion, keyslots, tables, databaseSha256, databaseBytes, anchor, signerId } = header;
  return canonicalJson({ kind: 'ypsi-records-backup', format: 2, createdAt, appVersion, schemaVersion, keyslots, tables, databaseSha256, databaseBytes, anchor, signerId });
}

/** The header signed by the person making the backup. */
export function signHeader(header: Omit<BackupHeader, 'signature'>, keys: PersonKeys): BackupHeader {
  return { ...header, signature: signBytes(keys, headerText(header)) };
}

/** Whether `signKey` (base64 Ed25519 public key) made the header's signature. Never throws. */
export function headerSignedBy(header: BackupHeader, signKey: string): boolean {
  return verifyBytes(signKey, headerText(header), header.signature);
}

export function encodeBackup(header: BackupHeader, database: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json, database]);
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

const damaged = (detail: string) => new AppError('damaged', `The backup file is damaged: ${detail}. Nothing was restored from it.`);

/** Splits a whole backup file into its header and database bytes, checking both. */
export function decodeBackup(file: Buffer): { header: AnyBackupHeader; database: Buffer } {
  const { header, offset } = parseHeader(file);
  const database = file.subarray(offset);
  if (database.length !== header.databaseBytes) throw damaged('it is not the length it was written with (cut short?)');
  if (sha256(database) !== header.databaseSha256) throw damaged('its contents do not match the checksum written with it');
  return { header, database };
}

/**
 * Reads only the header, then streams the rest through SHA-256: no key needed, and a
 * large backup is never held in memory. Throws a plain AppError('damaged') if it fails.
 */
export async function readBackupHeader(path: string): Promise<{ header: AnyBackupHeader; fileBytes: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const start = Buffer.alloc(Math.min(size, MAGIC.length + 4));
    await handle.read(start, 0, start.length, 0);
    const length = checkStart(start, size);
    const whole = Buffer.alloc(MAGIC.length + 4 + length);
    await handle.read(whole, 0, whole.length, 0);
    const { header, offset } = parseHeader(whole);
    if (size - offset !== header.databaseBytes) throw damaged('it is not the length it was written with (cut short?)');
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(1024 * 1024);
    for (let at = offset; at < size; ) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
      at += bytesRead;
    }
    if (hash.digest('hex') !== header.databaseSha256) throw damaged('its contents do not match the checksum written with it');
    return { header, fileBytes: size };
  } finally {
    await handle.close();
  }
}

function checkStart(start: Buffer, size: number): number {
  // Both magic lines are the same length, so the header length sits at the same place.
  const magic = start.subarray(0, MAGIC.length);
  if (start.length < MAGIC.length + 4 || !(magic.equals(MAGIC) || magic.equals(MAGIC_V1))) {
    throw damaged('it is not a backup made by this app');
  }
  const length = start.readUInt32BE(MAGIC.length);
  if (length > MAX_HEADER_BYTES || MAGIC.length + 4 + length > size) throw damaged('its header is cut short');
  return length;
}

function parseHeader(file: Buffer): { header: AnyBackupHeader; offset: number } {
  const length = checkStart(file.subarray(0, MAGIC.length + 4), file.length);
  const offset = MAGIC.length + 4 + length;
  let json: unknown;
  try {
    json = JSON.parse(file.subarray(MAGIC.length + 4, offset).toString('utf8'));
  } catch {
    throw damaged('its header is not readable');
  }
  if (file.subarray(0, MAGIC.length).equals(MAGIC_V1)) {
    const parsed = backupHeaderV1.safeParse(json);
    if (!parsed.success) throw damaged('its header is not what this app writes');
    return { header: { format: 1, ...parsed.data }, offset };
  }
  const parsed = backupHeader.safeParse(json);
  if (!parsed.success) throw damaged('its header is not what this app writes');
  return { header: { format: 2, ...parsed.data }, offset };
}
