import { Link } from 'react-router';
import type { IncidentDetail } from '../../../../shared/ipc/contract';
import { PageHeading } from '../../components/PageHeading';

/** What a closed incident says wherever it could otherwise be changed: the core refuses every change to it. */
export const CLOSED_INCIDENT_TEXT = 'This incident is closed. Nothing can be added to it, signed or changed.';

/** In place of a form, when the address of a form on a closed incident is opened (a bookmark, the back button). */
export function ClosedIncidentPage({ detail }: { detail: IncidentDetail }) {
  return (
    <>
      <PageHeading caption={detail.incident.reference}>This incident is closed</PageHeading>
      <p>
        {CLOSED_INCIDENT_TEXT} <Link to={`/incidents/${detail.incident.id}`}>Back to the incident</Link>
      </p>
    </>
  );
}
