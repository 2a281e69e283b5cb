import type { EntryVersion } from '../../../shared/domain/read-models/entry-version';
import type { SignedPackageContent } from '../../../shared/domain/transfers/package-content';
import type { ReceivedPreview } from '../../../shared/ipc/contract';
import { entryContentHash } from '../records/content-hash';
import { contentSignatureHolds, keyFingerprint } from './content-signature';

/** An entry version's content hash worked out again from what it says, as the sending school's did. */
export function recomputedHash(entry: EntryVersion): string {
  const { entryKey, incidentId, kind, version, supersedesId, occurredAt, recordedAt, authorId, body, amendmentReason } = entry;
  return entryContentHash({ entryKey, incidentId, kind, version, supersedesId, occurredAt, recordedAt, authorId, body, amendmentReason });
}

/** What the receiving DSL is shown of a package before importing it, and again on the read-only view. */
export function previewOf(signed: SignedPackageContent): ReceivedPreview {
  const { content } = signed;
  const entries = content.incidents.flatMap((i) => i.entries);
  let signatureCount = 0;
  let signaturesVerified = 0;
  for (const entry of entries) {
    const hash = recomputedHash(entry);
    for (const signature of entry.signatures) {
      signatureCount += 1;
      if (signature.contentHash === hash) signaturesVerified += 1;
    }
  }
  return {
    sendingSchool: content.sendingSchool,
    sendingDslName: content.sendingDsl.name,
    sentAt: content.sentAt,
    pupil: { firstName: content.pupil.firstName, lastName: content.pupil.lastName, dateOfBirth: content.pupil.dateOfBirth },
    incidentCount: content.incidents.length,
    entryCount: new Set(entries.map((e) => `${e.incidentId}:${e.entryKey}`)).size,
    signatureCount,
    signaturesVerified,
    packageSignatureVerified: contentSignatureHolds(signed),
    fingerprint: keyFingerprint(content.sendingDsl.publicKey),
  };
}
