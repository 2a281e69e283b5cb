import { useNavigate, useParams } from 'react-router';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead } from '../../api/queries';
import { ViewingLogForm } from './ViewingLogForm';
import { ClosedIncidentPage, isReadOnly } from '../incidents/ClosedIncident';


export function ViewingLogPage() {
  const incidentId = Number(useParams().incidentId);
  const navigate = useNavigate();
  const loaded = useRead('incidents.get', { incidentId });
  return (
    <LoadState loaded={loaded}>
      {(detail) =>
        isReadOnly(detail.incident) ? (
          <ClosedIncidentPage detail={detail} />
        ) : (
          <>
            <PageHeading caption={detail.incident.reference}>Record a viewing of the imagery</PageHeading>
            <ViewingLogForm detail={detail} onSaved={() => void navigate(`/incidents/${incidentId}`)} />
          </>
        )
      }
    </LoadState>
  );
}
