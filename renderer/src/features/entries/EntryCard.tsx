import { useId, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/domain/dates';
import { ENTRY_KIND_DEFINITIONS } from '../../../../shared/domain/entries/kinds';
import { awaitingSignatureLine, signatoryInWords } from '../../../../shared/domain/phrases';
import { entryAboutLine } from '../../../../shared/forms/entry-about';
import type { EntryVersion, IncidentDetail } from '../../../../shared/ipc/contract';
import { EntryDetails } from './EntryDetails';
import { EarlierVersions } from './EarlierVersions';
import { SignaturesList } from './SignaturesList';
import { SignPanel } from './SignPanel';
import { awaitedSignatures, countingSignatures } from './signature-state';
import { useCan } from '../../app/use-can';

function VersionMeta({ entry }: { entry: EntryVersion }) {
  return (
    <p className="entry-meta">
      Happened <strong>{formatDateTime(entry.occurredAt)}</strong> · recorded {formatDateTime(entry.recordedAt)} by {entry.authorName} · version {entry.version}
      {entry.backdated ? (
        <span className="tag tag-yellow" title="Recorded more than a day after it happened">
          Backdated
        </span>
      ) : null}
    </p>
  );
}

export function EntryCard({
  entry,
  earlier,
  detail,
  canRecord,
}: {
  entry: EntryVersion;
  earlier: EntryVersion[];
  detail: IncidentDetail;
  canRecord: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [signing, setSigning] = useState(false);
  const canSign = useCan('entries.sign');
  const canAmend = useCan('entries.revise') && canRecord;
  const detailsId = useId();
  const reopenedAt = detail.incident.reopenedAt;
  const awaited = awaitedSignatures(entry, reopenedAt);
  // A closure approved before the incident was reopened: that signer cannot sign the same version again.
  const approvalBeforeReopening = entry.signatures.length > countingSignatures(entry, reopenedAt).length;
  const staffName = (id?: number) => detail.staff.find((s) => s.id === id)?.name;
  const signed = entry.signatures.length > 0;
  const about = entryAboutLine(entry.kind, entry.body, detail.people);

  return (
    <article className="entry-card" aria-labelledby={`${detailsId}-title`}>
      <h3 id={`${detailsId}-title`} className="entry-title">
        {ENTRY_KIND_DEFINITIONS[entry.kind].label}
        {signed ? <span className="tag tag-green">Signed</span> : null}
        {awaited.length > 0 ? <span className="tag tag-yellow">Awaiting signature</span> : null}
      </h3>
      <VersionMeta entry={entry} />
      {entry.amendmentReason ? (
        <p className="entry-amendment">
          <strong>Amended:</strong> {entry.amendmentReason}
        </p>
      ) : null}
      <p>{entry.summary}</p>
      {about ? <p className="entry-about">{about}</p> : null}
      <SignaturesList signatures={entry.signatures} version={entry.version} />
      {approvalBeforeReopening && reopenedAt ? (
        <p className="warning-text">
          This closure was approved before the incident was reopened on {formatDateTime(reopenedAt)}, so that approval no longer counts. Amend it with
          what has happened since, and have a DSL sign the new version.
        </p>
      ) : null}
      {awaited.length > 0 ? (
        <ul className="awaited-list">
          {awaited.map((need) => (
            <li key={need.meaning}>
              {awaitingSignatureLine(signatoryInWords(need, staffName), need.meaning)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="button-group">
        <button type="button" className="link-button" aria-expanded={open} aria-controls={`${detailsId}-details`} onClick={() => setOpen(!open)}>
          {open ? 'Hide the full record' : 'Show the full record'}
        </button>
        {/* A closed or voided incident is signed no more: the core refuses it too. */}
        {canSign && !signing && detail.incident.status === 'open' && !detail.incident.voided ? (
          <button type="button" className="button button-secondary button-small" onClick={() => setSigning(true)}>
            Sign
          </button>
        ) : null}
        {canAmend ? (
          <Link className="button button-secondary button-small" to={`/incidents/${entry.incidentId}/entries/${entry.id}/amend`}>
            {signed ? 'Amend (new version)' : 'Edit'}
          </Link>
        ) : null}
      </div>
      {open ? (
        <div id={`${detailsId}-details`} className="entry-details">
          <EntryDetails entry={entry} detail={detail} />
        </div>
      ) : null}
      {signing ? (
        <SignPanel
          entry={entry}
          suggested={awaited[0]}
          onSigned={() => setSigning(false)}
          onCancel={() => setSigning(false)}
        />
      ) : null}
      <EarlierVersions versions={earlier} detail={detail} meta={(version) => <VersionMeta entry={version} />} />
    </article>
  );
}
