import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../errors';

/*
 * The backup file (.ypsibak), one file holding everything needed to restore:
 *
 *   "YPSI-RECORDS-BACKUP 1\n"             magic line (ASCII), format version 1
 *   uint32, big-endian                    length in bytes of the header that follows
 *   header: UTF-8 JSON                    {
 *                                           createdAt:      ISO time the backup was made (UTC),
 *                                           appVersion:     the app that made it,
 *                                           schemaVersion:  the database's user_version,
 *                                           keyslots:       the text of keyslots.json, byte for byte,
 *                                           tables:         { <table>: { rows, sha256 } } (see digests.ts),
 *                                           databaseSha256: SHA-256 (hex) of the database bytes below,
 *                                           databaseBytes:  their length
 *                                         }
 *   database bytes                        the SQLCipher 4 file made by VACUUM INTO,
 *                                         encrypted with the same data key as the live one
 *
 * Nothing in it is readable without a password or the recovery code: the header holds
 * counts and hashes only, and the keyslots hold the data key wrapped (never in clear).
 * A reader checks databaseSha256 before trusting the file, so a damaged backup is
 * reported, never restored.
 */
export const MAGIC = Buffer.from('YPSI-RECORDS-BACKUP 1\n', 'ascii');
export const BACKUP_EXTENSION = '.ypsibak';
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const backupHeader = z.object({
  createdAt: z.iso.datetime(),
  appVersion: z.string(),
  schemaVersion: z.number().int().min(0),
  keyslots: z.string().min(1),
  tables: z.record(z.string(), z.object({ rows: z.number().int().min(0), sha256: sha256Hex })),
  databaseSha256: sha256Hex,
  databaseBytes: z.number().int().min(0),
});
export type BackupHeader = z.infer<typeof backupHeader>;

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
export function decodeBackup(file: Buffer): { header: BackupHeader; database: Buffer } {
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
export async function readBackupHeader(path: string): Promise<{ header: BackupHeader; fileBytes: number }> {
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
  if (start.length < MAGIC.length + 4 || !start.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw damaged('it is not a backup made by this app');
  }
  const length = start.readUInt32BE(MAGIC.length);
  if (length > MAX_HEADER_BYTES || MAGIC.length + 4 + length > size) throw damaged('its header is cut short');
  return length;
}

function parseHeader(file: Buffer): { header: BackupHeader; offset: number } {
  const length = checkStart(file.subarray(0, MAGIC.length + 4), file.length);
  const offset = MAGIC.length + 4 + length;
  let json: unknown;
  try {
    json = JSON.parse(file.subarray(MAGIC.length + 4, offset).toString('utf8'));
  } catch {
    throw damaged('its header is not readable');
  }
  const parsed = backupHeader.safeParse(json);
  if (!parsed.success) throw damaged('its header is not what this app writes');
  return { header: parsed.data, offset };
}
