import { Link } from 'react-router';
import type { IncidentDetail } from '../../../../shared/ipc/contract';
import { PageHeading } from '../../components/PageHeading';

/** What a closed incident says wherever it could otherwise be changed: the core refuses every change to it. */
export const CLOSED_INCIDENT_TEXT = 'This incident is closed. Nothing can be added to it, signed or changed.';
const VOIDED_INCIDENT_TEXT = 'This incident was voided (opened by mistake). Nothing can be added to it, signed or changed.';

/** Closed or voided: no form on it is offered, as the core refuses every change to it. */
export function isReadOnly(incident: IncidentDetail['incident']): boolean {
  return incident.status === 'closed' || incident.voided;
}

/** In place of a form, when the address of a form on a closed or voided incident is opened (a bookmark, the back button). */
export function ClosedIncidentPage({ detail }: { detail: IncidentDetail }) {
  const { voided } = detail.incident;
  return (
    <>
      <PageHeading caption={detail.incident.reference}>{voided ? 'This incident was voided' : 'This incident is closed'}</PageHeading>
      <p>
        {voided ? VOIDED_INCIDENT_TEXT : CLOSED_INCIDENT_TEXT} <Link to={`/incidents/${detail.incident.id}`}>Back to the incident</Link>
      </p>
    </>
  );
}
