import { Link, useNavigate, useParams } from 'react-router';
import { ClosedIncidentPage, isReadOnly } from '../incidents/ClosedIncident';
import { ENTRY_KIND_DEFINITIONS, ENTRY_KINDS, type EntryKind } from '../../../../shared/domain/entries/kinds';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead } from '../../api/queries';
import { recordPath } from '../incidents/record-links';
import { ENTRY_FORM_SPECS } from '../../../../shared/forms/specs';
import { SpecForm } from './forms/SpecForm';

function asKind(value: string | undefined): EntryKind | null {
  return ENTRY_KINDS.find((k) => k === value) ?? null;
}

/** Records a new entry of any kind that has a spec: /incidents/:incidentId/record/:kind. */
export function RecordEntryPage() {
  const params = useParams();
  const incidentId = Number(params.incidentId);
  const kind = asKind(params.kind);
  const spec = kind ? ENTRY_FORM_SPECS[kind] : undefined;
  const navigate = useNavigate();
  const loaded = useRead('incidents.get', { incidentId });
  const incidentLink = `/incidents/${incidentId}`;

  if (!kind || !spec) {
    return (
      <>
        {kind ? (
          <>
            <PageHeading>{ENTRY_KIND_DEFINITIONS[kind].label}</PageHeading>
            <p>
              This is recorded on its own form: <Link to={recordPath(incidentId, kind)}>record the {ENTRY_KIND_DEFINITIONS[kind].label.toLowerCase()}</Link>.
            </p>
          </>
        ) : (
          <>
            <PageHeading>This kind of record is not known</PageHeading>
            <p>The app has no form called “{params.kind}”. Choose what to record from the incident page.</p>
          </>
        )}
        <p>
          <Link to={incidentLink}>Back to the incident</Link>
        </p>
      </>
    );
  }

  return (
    <LoadState loaded={loaded}>
      {(detail) =>
        isReadOnly(detail.incident) ? (
          <ClosedIncidentPage detail={detail} />
        ) : (
          <>
            <p>
              <Link to={incidentLink}>Back to the incident</Link>
            </p>
            <PageHeading caption={detail.incident.reference}>{ENTRY_KIND_DEFINITIONS[kind].label}</PageHeading>
            <SpecForm key={kind} kind={kind} spec={spec} detail={detail} onSaved={() => void navigate(incidentLink)} />
          </>
        )
      }
    </LoadState>
  );
}
