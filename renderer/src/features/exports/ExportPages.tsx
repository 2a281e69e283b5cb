import { useMemo, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { pupilFullName } from '../../../../shared/domain/pupils';
import { useCan } from '../../app/use-can';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead } from '../../api/queries';
import { ExportForm, type ExportScope } from './ExportForm';

const HEADING = 'Print or export';

/** Printing is for the people who hold the record; the core refuses anyone else as well. */
function PrintersOnly({ children }: { children: ReactNode }) {
  const canPrint = useCan('exports.pdf');
  if (canPrint) return <>{children}</>;
  return (
    <>
      <PageHeading>{HEADING}</PageHeading>
      <p>Only the designated safeguarding lead, their deputies and the headteacher can print or export the record.</p>
    </>
  );
}

function IncidentExport({ incidentId }: { incidentId: number }) {
  const loaded = useRead('incidents.get', { incidentId });
  const scope = useMemo<ExportScope>(() => ({ type: 'incident', incidentId }), [incidentId]);
  return (
    <LoadState loaded={loaded}>
      {({ incident }) => (
        <>
          <PageHeading caption={`${incident.reference} · ${incident.title}`}>{HEADING}</PageHeading>
          <p>
            <Link to={`/incidents/${incidentId}`}>Back to the incident record</Link>
          </p>
          <p className="lead">Save the record as a PDF for a meeting or a referral, naming only the children the people reading it need to know.</p>
          <ExportForm scope={scope} />
        </>
      )}
    </LoadState>
  );
}

/** /incidents/:incidentId/export */
export function IncidentExportPage() {
  const incidentId = Number(useParams().incidentId);
  return (
    <PrintersOnly>
      <IncidentExport incidentId={incidentId} />
    </PrintersOnly>
  );
}

function PupilExport({ pupilId }: { pupilId: number }) {
  const loaded = useRead('pupils.get', { pupilId });
  const scope = useMemo<ExportScope>(() => ({ type: 'pupil', pupilId }), [pupilId]);
  return (
    <LoadState loaded={loaded}>
      {({ pupil }) => (
        <>
          <PageHeading caption={pupilFullName(pupil)}>{HEADING}</PageHeading>
          <p>
            <Link to={`/pupils/${pupilId}`}>Back to {pupil.firstName}’s page</Link>
          </p>
          <p className="lead">
            Save {pupil.firstName}’s record as a PDF for a meeting, or for their new school when they move, naming only the children the people reading it
            need to know.
          </p>
          <ExportForm scope={scope} />
        </>
      )}
    </LoadState>
  );
}

/** /pupils/:pupilId/export */
export function PupilExportPage() {
  const pupilId = Number(useParams().pupilId);
  return (
    <PrintersOnly>
      <PupilExport pupilId={pupilId} />
    </PrintersOnly>
  );
}
