import type { ReactNode } from 'react';
import type { EntryVersion, IncidentDetail } from '../../../../shared/ipc/contract';
import { EntryDetails } from './EntryDetails';
import { SignaturesList } from './SignaturesList';

/** Superseded versions of an entry, newest first, each whole with its own signatures. */
export function EarlierVersions({ versions, detail, meta }: { versions: EntryVersion[]; detail: IncidentDetail; meta: (version: EntryVersion) => ReactNode }) {
  if (versions.length === 0) return null;
  return (
    <details className="earlier-versions">
      <summary>
        Earlier version{versions.length === 1 ? '' : 's'} ({versions.length})
      </summary>
      {versions.map((version) => (
        <div key={version.id} className="earlier-version">
          <h4>
            Version {version.version} <span className="tag tag-grey">Superseded</span>
          </h4>
          {meta(version)}
          {version.amendmentReason ? <p>Amended: {version.amendmentReason}</p> : null}
          <SignaturesList signatures={version.signatures} version={version.version} />
          <EntryDetails entry={version} detail={detail} />
        </div>
      ))}
    </details>
  );
}
