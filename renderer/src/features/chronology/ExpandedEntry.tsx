import { useRef } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/domain/dates';
import type { EntryVersion, IncidentDetail } from '../../../../shared/ipc/contract';
import type { ChronologyEntry, ChronologyRow } from '../../../../shared/ipc/contract-chronology';
import { awaitingSignatureLine } from '../../../../shared/domain/phrases';
import { LoadState } from '../../components/LoadState';
import { useRead } from '../../api/queries';
import { EntryDetails } from '../entries/EntryDetails';
import { EarlierVersions } from '../entries/EarlierVersions';
import { SignaturesList } from '../entries/SignaturesList';
import { useTextHighlight } from './Highlighted';

/** What the entry pages need of an incident to lay out a body: its people and staff. */
function detailFor(entry: ChronologyEntry): IncidentDetail {
  return { incident: entry.incident, people: entry.people, removedPeople: entry.removedPeople, staff: entry.staff, entries: entry.versions, gaps: [], closureSigned: false, police: { involved: false, words: '' }, otherAgencies: [], history: [] };
}

function VersionLine({ version }: { version: EntryVersion }) {
  return (
    <p className="entry-meta">
      Version {version.version}: happened {formatDateTime(version.occurredAt)} · recorded {formatDateTime(version.recordedAt)} by {version.authorName}
      {version.backdated ? <span className="tag tag-yellow">Backdated</span> : null}
    </p>
  );
}

function FullRecord({ entry, row, terms }: { entry: ChronologyEntry; row: ChronologyRow; terms: readonly string[] }) {
  const container = useRef<HTMLDivElement>(null);
  useTextHighlight(container, terms, true);
  const detail = detailFor(entry);
  const [latest, ...earlier] = entry.versions;
  if (!latest) return <p>This entry could not be read.</p>;
  return (
    <div ref={container}>
      {latest.amendmentReason ? (
        <p className="entry-amendment">
          <strong>Amended:</strong> {latest.amendmentReason}
        </p>
      ) : null}
      <EntryDetails entry={latest} detail={detail} />
      <SignaturesList signatures={latest.signatures} version={latest.version} />
      {row.awaiting.length > 0 ? (
        <ul className="awaited-list">
          {row.awaiting.map((need) => (
            <li key={need.meaning}>
              {awaitingSignatureLine(need.from, need.meaning)}
            </li>
          ))}
        </ul>
      ) : null}
      <EarlierVersions versions={earlier} detail={detail} meta={(version) => <VersionLine version={version} />} />
      <p className="chron-open-links">
        <Link to={`/incidents/${entry.incident.id}`}>Open {entry.incident.reference} to sign or amend</Link>
      </p>
    </div>
  );
}

/** An entry read in full, in place in the chronology: its latest version, signatures and earlier versions. */
export function ExpandedEntry({ row, terms, id }: { row: ChronologyRow; terms: readonly string[]; id: string }) {
  const loaded = useRead('chronology.entry', { entryId: row.id });
  return (
    <div id={id} className="chron-full">
      <LoadState loaded={loaded}>{(entry) => <FullRecord entry={entry} row={row} terms={terms} />}</LoadState>
    </div>
  );
}
