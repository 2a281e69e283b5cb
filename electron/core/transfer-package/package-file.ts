import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { signedPackageContent, type SignedPackageContent } from '../../../shared/domain/transfers/package-content';
import { SCRYPT_PARAMS, type ScryptParams } from '../vault/crypto';
import { assemble, disassemble, headerBytes, PACKAGE_FORMAT, type PackageHeader } from './file-layout';
import { packageKeys, passphraseCheckValue, passphraseMatches } from './passphrase-keys';
import { PackageRefusal } from './refusals';

/**
 * The whole package file for signed content: its header says only how to open it, who sent it
 * and when; the content (the child's file) is encrypted under the passphrase.
 * `params` is scrypt's cost, the app's own unless a test asks for less.
 */
export async function sealPackage(signed: SignedPackageContent, passphrase: string, params: ScryptParams = SCRYPT_PARAMS): Promise<Buffer> {
  const { content } = signed;
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const keys = await packageKeys(passphrase, salt, params);
  try {
    const header: PackageHeader = {
      format: PACKAGE_FORMAT,
      packageId: content.packageId,
      kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') },
      cipher: { name: 'aes-256-gcm', nonce: nonce.toString('base64') },
      passphraseCheck: passphraseCheckValue(keys.check).toString('base64'),
      sendingSchool: content.sendingSchool,
      sentAt: content.sentAt,
    };
    const plaintext = Buffer.from(canonicalJson(signed), 'utf8');
    const cipher = createCipheriv('aes-256-gcm', keys.encryption, nonce);
    // The two plain lines are bound in, so a changed school name or date fails to open too.
    cipher.setAAD(headerBytes(header));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return assemble(header, ciphertext, cipher.getAuthTag());
  } finally {
    keys.encryption.fill(0);
    keys.check.fill(0);
  }
}

/**
 * The signed content of a package file, or a PackageRefusal saying why not: not a package, a
 * newer format, altered (the digest or GCM), damaged, or the wrong passphrase.
 */
export async function openPackage(bytes: Buffer, passphrase: string): Promise<{ header: PackageHeader; signed: SignedPackageContent }> {
  const { header, aad, ciphertext, tag } = disassemble(bytes);
  const { N, r, p, salt } = header.kdf;
  const keys = await packageKeys(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
  try {
    if (!passphraseMatches(keys.check, Buffer.from(header.passphraseCheck, 'base64'))) throw new PackageRefusal('wrong-passphrase');
    let plaintext: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(header.cipher.nonce, 'base64'));
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      // The passphrase was right (its check matched), so a failed tag is a changed file.
      throw new PackageRefusal('altered');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(plaintext.toString('utf8'));
    } catch {
      throw new PackageRefusal('damaged');
    }
    const signed = signedPackageContent.safeParse(parsed);
    if (!signed.success || signed.data.content.packageId !== header.packageId) throw new PackageRefusal('damaged');
    return { header, signed: signed.data };
  } finally {
    keys.encryption.fill(0);
    keys.check.fill(0);
  }
}
