import { Link, useNavigate, useParams } from 'react-router';
import { ENTRY_KIND_DEFINITIONS } from '../../../../shared/domain/entries/kinds';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useCall } from '../../components/use-call';
import { ViewingLogForm } from '../viewing-log/ViewingLogForm';

export function AmendEntryPage() {
  const params = useParams();
  const incidentId = Number(params.incidentId);
  const entryId = Number(params.entryId);
  const navigate = useNavigate();
  const { loaded } = useCall('incidents.get', { incidentId });
  const back = () => void navigate(`/incidents/${incidentId}`);
  return (
    <LoadState loaded={loaded}>
      {(detail) => {
        const entry = detail.entries.find((e) => e.id === entryId);
        if (!entry || !entry.latest) {
          return (
            <>
              <PageHeading>This version cannot be changed</PageHeading>
              <p>
                {entry ? 'A newer version of this entry exists.' : 'There is no such entry.'} <Link to={`/incidents/${incidentId}`}>Back to the incident</Link>
              </p>
            </>
          );
        }
        const title = `${entry.signatures.length > 0 ? 'Amend' : 'Edit'}: ${ENTRY_KIND_DEFINITIONS[entry.kind].label}`;
        return (
          <>
            <PageHeading caption={`${detail.incident.reference} · version ${entry.version}`}>{title}</PageHeading>
            {entry.kind === 'viewing-log' ? <ViewingLogForm detail={detail} amending={entry} onSaved={back} /> : null}
          </>
        );
      }}
    </LoadState>
  );
}
