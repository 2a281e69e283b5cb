import { Link, useNavigate, useParams } from 'react-router';
import { ClosedIncidentPage, isReadOnly } from '../incidents/ClosedIncident';
import { ENTRY_KIND_DEFINITIONS } from '../../../../shared/domain/entries/kinds';
import type { EntryVersion, IncidentDetail } from '../../../../shared/ipc/contract';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead } from '../../api/queries';
import { InitialReviewForm } from '../initial-review/InitialReviewForm';
import { ViewingLogForm } from '../viewing-log/ViewingLogForm';
import { ENTRY_FORM_SPECS } from '../../../../shared/forms/specs';
import { SpecForm } from './forms/SpecForm';

/** The form that amends this kind of entry: the two bespoke forms, or the kind's spec. */
function AmendForm({ detail, entry, back }: { detail: IncidentDetail; entry: EntryVersion; back: () => void }) {
  if (entry.kind === 'viewing-log') return <ViewingLogForm detail={detail} amending={entry} onSaved={back} />;
  if (entry.kind === 'initial-review') return <InitialReviewForm detail={detail} amending={entry} onSaved={back} />;
  const spec = ENTRY_FORM_SPECS[entry.kind];
  if (!spec) return <p>This kind of entry cannot be amended here.</p>;
  return <SpecForm key={entry.id} kind={entry.kind} spec={spec} detail={detail} amending={entry} onSaved={back} />;
}

export function AmendEntryPage() {
  const params = useParams();
  const incidentId = Number(params.incidentId);
  const entryId = Number(params.entryId);
  const navigate = useNavigate();
  const loaded = useRead('incidents.get', { incidentId });
  const back = () => void navigate(`/incidents/${incidentId}`);
  return (
    <LoadState loaded={loaded}>
      {(detail) => {
        if (isReadOnly(detail.incident)) return <ClosedIncidentPage detail={detail} />;
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
            <AmendForm detail={detail} entry={entry} back={back} />
          </>
        );
      }}
    </LoadState>
  );
}
