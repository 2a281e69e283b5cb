import { formatDateTime } from '../../../../shared/domain/dates';
import { SIGNATURE_MEANINGS } from '../../../../shared/domain/signatures';
import type { Signature } from '../../../../shared/ipc/contract';

export function SignaturesList({ signatures, version }: { signatures: Signature[]; version: number }) {
  if (signatures.length === 0) return null;
  return (
    <ul className="signature-list" aria-label={`Signatures on version ${version}`}>
      {signatures.map((s) => (
        <li key={s.id}>
          <strong>{s.signerName}</strong> ({s.signerRole}) signed “{SIGNATURE_MEANINGS[s.meaning]}” on {formatDateTime(s.signedAt)} — covers
          version {version}, content hash <code>{s.contentHash.slice(0, 12)}</code>
        </li>
      ))}
    </ul>
  );
}
