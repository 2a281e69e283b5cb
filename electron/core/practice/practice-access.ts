import { hkdfSync, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import { open, seal, type Sealed } from '../vault/crypto';

/**
 * How someone who has never practised gets their own slot in the practice folder (decision
 * 0032). The folder's first DSL is the app's own "practice steward", whose password is a random
 * secret nobody types; only a DSL already on the practice roster may sign a new member onto it
 * (shared/domain/roster.ts), so the steward signs each newcomer on. The secret is kept in this
 * file twice: sealed under a key derived from the school's data key (anyone signed in to the
 * school's records has it) and under the practice folder's own data key (so whoever opens
 * practice after the school's records were re-keyed seals it again under the new key).
 */
export const STEWARD_USERNAME = 'practice steward';
export const STEWARD_NAME = 'The app (practice records)';

const ACCESS_FILE = 'practice-access.json';
const AAD = Buffer.from('ypsi-practice-access-v1');

const sealedText = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
const accessFile = z.object({
  format: z.literal('ypsi-practice-access'),
  version: z.literal(1),
  /** Sealed under HKDF(the school's data key, salt). */
  byRecords: sealedText.extend({ salt: z.string() }),
  /** Sealed under the practice folder's data key. */
  byPractice: sealedText,
});
type AccessFile = z.output<typeof accessFile>;

export function newStewardSecret(): string {
  return randomBytes(32).toString('base64url');
}

// HKDF (RFC 5869) as Node gives it: hkdfSync(digest, ikm, salt, info, keylen) returns an ArrayBuffer
// (https://nodejs.cn/api/v22/crypto/crypto_hkdfsync_digest_ikm_salt_info_keylen.html).
function recordsWrapKey(recordsKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recordsKey, salt, AAD, 32));
}

function asText(sealed: Sealed) {
  return { iv: sealed.iv.toString('base64'), tag: sealed.tag.toString('base64'), data: sealed.data.toString('base64') };
}

function fromText(text: z.output<typeof sealedText>): Sealed {
  return { iv: Buffer.from(text.iv, 'base64'), tag: Buffer.from(text.tag, 'base64'), data: Buffer.from(text.data, 'base64') };
}

function accessPath(practiceDir: string): string {
  return join(practiceDir, ACCESS_FILE);
}

export async function writePracticeAccess(practiceDir: string, secret: string, recordsKey: Buffer, practiceKey: Buffer): Promise<void> {
  const salt = randomBytes(16);
  const plain = Buffer.from(secret, 'utf8');
  const file: AccessFile = {
    format: 'ypsi-practice-access',
    version: 1,
    byRecords: { salt: salt.toString('base64'), ...asText(seal(recordsWrapKey(recordsKey, salt), plain, AAD)) },
    byPractice: asText(seal(practiceKey, plain, AAD)),
  };
  await writeFileAtomic(accessPath(practiceDir), JSON.stringify(file), 0o600);
}

async function readAccess(practiceDir: string): Promise<AccessFile | null> {
  try {
    const parsed = accessFile.safeParse(JSON.parse(await readFile(accessPath(practiceDir), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The steward's secret, opened with the school's current data key; null if it was sealed under an earlier one. */
export async function stewardSecretByRecords(practiceDir: string, recordsKey: Buffer): Promise<string | null> {
  const file = await readAccess(practiceDir);
  if (!file) return null;
  const plain = open(recordsWrapKey(recordsKey, Buffer.from(file.byRecords.salt, 'base64')), fromText(file.byRecords), AAD);
  return plain ? plain.toString('utf8') : null;
}

/**
 * After someone opened practice with their own slot: if the school's records were re-keyed
 * since the secret was last sealed, seal it again under their current key.
 */
export async function resealForRecords(practiceDir: string, recordsKey: Buffer, practiceKey: Buffer): Promise<void> {
  if ((await stewardSecretByRecords(practiceDir, recordsKey)) !== null) return;
  const file = await readAccess(practiceDir);
  const plain = file ? open(practiceKey, fromText(file.byPractice), AAD) : null;
  if (plain) await writePracticeAccess(practiceDir, plain.toString('utf8'), recordsKey, practiceKey);
}
