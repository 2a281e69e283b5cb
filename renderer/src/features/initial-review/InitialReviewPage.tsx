import { useNavigate, useParams } from 'react-router';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead } from '../../api/queries';
import { InitialReviewForm } from './InitialReviewForm';
import { ClosedIncidentPage, isReadOnly } from '../incidents/ClosedIncident';


export function InitialReviewPage() {
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
            <PageHeading caption={detail.incident.reference}>Initial review meeting</PageHeading>
            <InitialReviewForm
              detail={detail}
              // A police referral leads straight on to recording the report, crime reference and all.
              onSaved={(referToPolice) => void navigate(referToPolice ? `/incidents/${incidentId}/record/police-report` : `/incidents/${incidentId}`)}
            />
          </>
        )
      }
    </LoadState>
  );
}
