import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { ChronologyScope } from '../../../../shared/domain/chronology';
import { formatDate } from '../../../../shared/domain/dates';
import { PERSON_ROLE_LABELS } from '../../../../shared/domain/incidents';
import { yearGroupLabel } from '../../../../shared/domain/pupils';
import type { ChronologyHeader } from '../../../../shared/ipc/contract-chronology';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead } from '../../api/queries';
import { ChronologyView } from './ChronologyView';
import { IncidentHistory } from '../incidents/IncidentHistory';

/** /incidents/:incidentId/chronology: one incident's entries in the order things happened. */
export function IncidentChronologyPage() {
  const incidentId = Number(useParams().incidentId);
  const scope = useMemo<ChronologyScope>(() => ({ type: 'incident', incidentId }), [incidentId]);
  const loaded = useRead('chronology.header', { scope });
  return (
    <LoadState loaded={loaded}>
      {(header) => (
        <>
          <PageHeading caption={header.incident?.reference}>Chronology: {header.incident?.title}</PageHeading>
          <p>
            <Link to={`/incidents/${incidentId}`}>Back to the incident record</Link>
          </p>
          {header.incident?.voided ? (
            <p className="panel panel-warning">
              <span className="tag tag-red">Voided</span> This incident was opened by mistake. It is kept as a record, is left out of every list and
              count, and nothing on it can be changed. Who voided it, when and why is below.
            </p>
          ) : null}
          {header.incidentHistory.length > 0 ? <IncidentHistory history={header.incidentHistory} /> : null}
          <ChronologyView scope={scope} header={header} label="Entries on this incident" empty="Nothing has been recorded on this incident yet." />
        </>
      )}
    </LoadState>
  );
}

/** The pupil's incidents, earliest first: "has the young person done this before?" answered at a glance. */
function PupilIncidents({ header }: { header: ChronologyHeader }) {
  const pupil = header.pupil;
  const incidents = header.pupilIncidents;
  if (!pupil) return null;
  return (
    <section aria-labelledby="chron-incidents-title" className="chron-incidents">
      <h2 id="chron-incidents-title">Incidents involving {pupil.firstName}</h2>
      {incidents.length === 0 ? <p>{pupil.firstName} is not on any incident.</p> : null}
      {incidents.length > 1 ? (
        <div className="warning-text" role="note">
          <strong>
            {pupil.firstName} has been involved in {incidents.length} incidents.
          </strong>{' '}
          The guidance asks whether the young person has done this before: the entries below are merged from all of them, each marked with its
          incident.
        </div>
      ) : null}
      {incidents.length > 0 ? (
        <ol className="chron-incident-list">
          {incidents.map((incident, n) => (
            <li key={incident.id} className={`chron-tone-${n % 6}`}>
              <Link className="reference" to={`/incidents/${incident.id}`}>{incident.reference}</Link> {incident.title}
              {incident.status === 'closed' ? <span className="tag tag-grey">Closed</span> : <span className="tag tag-blue">Open</span>}
              {n < incidents.length - 1 ? <span className="tag tag-yellow">Earlier incident</span> : null}
              <br />
              <span className="chron-incident-facts">
                Came to attention {formatDate(incident.cameToAttentionOn)} · {incident.roles.map((r) => PERSON_ROLE_LABELS[r]).join('; ') || 'No role recorded'} ·{' '}
                {incident.entryCount} {incident.entryCount === 1 ? 'entry' : 'entries'}
                {incident.firstOccurredAt && incident.lastOccurredAt
                  ? `, ${formatDate(incident.firstOccurredAt)} to ${formatDate(incident.lastOccurredAt)}`
                  : ''}{' '}
                · <Link to={`?incident=${incident.id}`}>Only this incident</Link>
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/** /pupils/:pupilId/chronology: everything about one pupil, across every incident, in time order. */
export function PupilChronologyPage() {
  const pupilId = Number(useParams().pupilId);
  const scope = useMemo<ChronologyScope>(() => ({ type: 'pupil', pupilId }), [pupilId]);
  const loaded = useRead('chronology.header', { scope });
  return (
    <LoadState loaded={loaded}>
      {(header) => (
        <>
          <PageHeading caption={header.pupil ? `Pupil · ${yearGroupLabel(header.pupil.yearGroup)}` : 'Pupil'}>
            Chronology: {header.pupil?.firstName} {header.pupil?.lastName}
          </PageHeading>
          <p>
            <Link to={`/pupils/${pupilId}`}>Back to the pupil’s record</Link>
          </p>
          <PupilIncidents header={header} />
          <ChronologyView scope={scope} header={header} label={`Entries about ${header.pupil?.firstName ?? 'this pupil'}`} empty="Nothing has been recorded about this pupil yet." />
        </>
      )}
    </LoadState>
  );
}

const SCHOOL: ChronologyScope = { type: 'school' };

/** /log: every entry on every incident, newest first. */
export function SchoolLogPage() {
  const loaded = useRead('chronology.header', { scope: SCHOOL });
  return (
    <>
      <PageHeading>School log</PageHeading>
      <p className="lead">Every entry on every incident. Search and filter to find patterns across incidents and pupils.</p>
      <LoadState loaded={loaded}>{(header) => <ChronologyView scope={SCHOOL} header={header} label="All entries" empty="Nothing has been recorded yet." />}</LoadState>
    </>
  );
}
