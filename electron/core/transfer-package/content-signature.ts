import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { PackageContent, SignedPackageContent } from '../../../shared/domain/transfers/package-content';
import { signBytes, verifyBytes, type PersonKeys } from '../vault/person-keys';

/** The sending DSL's Ed25519 signature over the content's canonical JSON. */
export function signContent(keys: PersonKeys, content: PackageContent): SignedPackageContent {
  return { content, signature: signBytes(keys, canonicalJson(content)) };
}

/** Whether the signature is the included public key's over this content (which says nothing of whose key it is: compare fingerprints). */
export function contentSignatureHolds(signed: SignedPackageContent): boolean {
  return verifyBytes(signed.content.sendingDsl.publicKey, canonicalJson(signed.content), signed.signature);
}

/**
 * The key's fingerprint as two DSLs read it to each other: the first 80 bits of SHA-256 of the
 * raw public key, in hex, in five groups of four.
 */
export function keyFingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 20).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** SHA-256 of the content's canonical JSON: what received_files.content_hash holds. */
export function contentHashOf(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}
