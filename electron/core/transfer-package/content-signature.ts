import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { packageContent, type PackageContent, type SignedPackageContent } from '../../../shared/domain/transfers/package-content';
import { signBytes, verifyBytes, type PersonKeys } from '../vault/person-keys';

/**
 * The sending DSL's Ed25519 signature over the content's canonical JSON, as the receiving school
 * will read it: the content is first put through the package's own schema, so a field the
 * records gain later (and the schema does not carry) is left out before signing, never after.
 */
export function signContent(keys: PersonKeys, content: PackageContent): SignedPackageContent {
  const carried = packageContent.parse(content);
  return { content: carried, signature: signBytes(keys, canonicalJson(carried)) };
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
