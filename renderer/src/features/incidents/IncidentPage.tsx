import { Link, useParams } from 'react-router';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useCall } from '../../components/use-call';
import { useHasRole } from '../../app/session-context';
import { IncidentSummaryList } from './IncidentSummaryList';
import { PeopleSection } from './PeopleSection';
import { EntryList } from '../entries/EntryList';
import { AdultInvolvedWarning } from './AdultInvolvedWarning';
import { MissingPanel } from './MissingPanel';
import { StepsPanel } from './StepsPanel';

export function IncidentPage() {
  const incidentId = Number(useParams().incidentId);
  const canRecord = useHasRole('dsl', 'deputy');
  const canPrint = useHasRole('dsl', 'deputy', 'head');
  const { loaded, reload } = useCall('incidents.get', { incidentId });

  return (
    <LoadState loaded={loaded}>
      {(detail) => (
        <>
          <PageHeading caption={detail.incident.reference}>{detail.incident.title}</PageHeading>
          <p>
            <Link to={`/incidents/${incidentId}/chronology`}>Chronology</Link> (every entry in order, with filters and search)
            {canPrint ? (
              <>
                {' · '}
                <Link to={`/incidents/${incidentId}/export`}>Print or export</Link> (a PDF for a meeting or a referral)
              </>
            ) : null}
          </p>
          <p>
            <span className={`tag ${detail.incident.status === 'open' ? 'tag-blue' : 'tag-grey'}`}>{detail.incident.status === 'open' ? 'Open' : 'Closed'}</span>
            {detail.incident.policeMatter ? <span className="tag tag-red">Police matter</span> : detail.police.involved ? <span className="tag tag-red">Police involved</span> : null}
          </p>
          {detail.incident.policeMatter ? <AdultInvolvedWarning /> : null}
          <div className="incident-layout">
            <StepsPanel detail={detail} canRecord={canRecord && detail.incident.status === 'open'} />
            <div className="incident-main">
              <MissingPanel detail={detail} onClosed={reload} />
              <IncidentSummaryList incident={detail.incident} police={detail.police} />
              <PeopleSection detail={detail} canRecord={canRecord && detail.incident.status === 'open'} onChanged={reload} />
              <section aria-labelledby="entries-title">
                <h2 id="entries-title">Chronology</h2>
                {canRecord && detail.incident.status === 'open' ? (
                  <div className="button-group record-actions">
                    <Link to={`/incidents/${incidentId}/viewing-log/new`} className="button button-secondary">
                      Record a viewing of the imagery
                    </Link>
                  </div>
                ) : null}
                <EntryList detail={detail} canRecord={canRecord} onChanged={reload} />
              </section>
            </div>
          </div>
        </>
      )}
    </LoadState>
  );
}
