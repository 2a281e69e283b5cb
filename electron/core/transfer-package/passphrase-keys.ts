import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { deriveKey, type ScryptParams } from '../vault/crypto';

/** The two keys a passphrase gives a package: one encrypts, the other only says whether the passphrase is right. */
export type PackageKeys = { encryption: Buffer; check: Buffer };

const CHECK_CONSTANT = 'ypsi-records transfer package: passphrase check';

/**
 * scrypt (as the key slots, decision 0015) and then HKDF-SHA256 into two separate keys, so the
 * check value, which anyone can read in the header, tells nothing about the encryption key.
 */
export async function packageKeys(passphrase: string, salt: Buffer, params: ScryptParams): Promise<PackageKeys> {
  const master = await deriveKey(passphrase, salt, params);
  const expand = (info: string) => Buffer.from(hkdfSync('sha256', master, salt, info, 32));
  const keys = { encryption: expand('ypsi-records transfer v1 encryption'), check: expand('ypsi-records transfer v1 check') };
  master.fill(0);
  return keys;
}

export function passphraseCheckValue(checkKey: Buffer): Buffer {
  return createHmac('sha256', checkKey).update(CHECK_CONSTANT).digest();
}

export function passphraseMatches(checkKey: Buffer, expected: Buffer): boolean {
  const actual = passphraseCheckValue(checkKey);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
