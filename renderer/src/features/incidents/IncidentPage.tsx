import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../../shared/domain/dates';
import type { IncidentDetail } from '../../../../shared/ipc/contract';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead, useWrite } from '../../api/queries';
import { useCan } from '../../app/use-can';
import { IncidentSummaryList } from './IncidentSummaryList';
import { PeopleSection } from './PeopleSection';
import { EntryList } from '../entries/EntryList';
import { PoliceMatterWarning } from './PoliceMatterWarning';
import { IncidentHistory } from './IncidentHistory';
import { MissingPanel } from './MissingPanel';
import { ReasonPanel } from './ReasonPanel';
import { StepsPanel } from './StepsPanel';
import { IncidentRetentionPanel } from '../retention/IncidentRetentionPanel';
import { PracticeScenarioPanel } from '../practice/PracticeScenarioPanel';

function StatusTags({ incident }: { incident: IncidentDetail['incident'] }) {
  if (incident.voided) return <span className="tag tag-red">Voided</span>;
  return (
    <>
      <span className={`tag ${incident.status === 'open' ? 'tag-blue' : 'tag-grey'}`}>{incident.status === 'open' ? 'Open' : 'Closed'}</span>
      {incident.status === 'open' && incident.reopenedAt ? <span className="tag tag-yellow">Reopened</span> : null}
    </>
  );
}

/** Who voided it, when and why: the first thing anyone reading a voided incident sees. */
function VoidedBanner({ detail }: { detail: IncidentDetail }) {
  const voiding = detail.history.filter((e) => e.kind === 'voided').at(-1);
  return (
    <section className="panel panel-warning" aria-labelledby="voided-title">
      <h2 id="voided-title">Voided</h2>
      {voiding ? (
        <p>
          Voided on {formatDateTime(voiding.at)} by {voiding.byName}. Reason: {voiding.reason}
        </p>
      ) : null}
      <p>This incident was opened by mistake. It is kept as a record, is left out of every list and count, and nothing on it can be changed.</p>
    </section>
  );
}

export function IncidentPage() {
  const incidentId = Number(useParams().incidentId);
  const mayRecord = useCan('entries.create');
  const mayCorrect = useCan('incidents.correct');
  const canReopen = useCan('incidents.reopen');
  const canVoid = useCan('incidents.void');
  const canPrint = useCan('exports.pdf');
  const loaded = useRead('incidents.get', { incidentId });
  const reopen = useWrite('incidents.reopen');
  const voidIncident = useWrite('incidents.void');

  return (
    <LoadState loaded={loaded}>
      {(detail) => {
        const { incident } = detail;
        const writable = incident.status === 'open' && !incident.voided;
        const canRecord = mayRecord && writable;
        return (
          <>
            <PageHeading caption={incident.reference}>{incident.title}</PageHeading>
            {incident.voided ? <VoidedBanner detail={detail} /> : null}
            <p>
              <Link to={`/incidents/${incidentId}/chronology`}>Chronology</Link> (every entry in order, with filters and search)
              {canPrint ? (
                <>
                  {' · '}
                  <Link to={`/incidents/${incidentId}/export`}>Print or export</Link> (a PDF for a meeting or a referral)
                </>
              ) : null}
              {mayCorrect && writable ? (
                <>
                  {' · '}
                  <Link to={`/incidents/${incidentId}/edit`}>Edit incident details</Link> (correct the title, kind, dates or sharing)
                </>
              ) : null}
            </p>
            <p>
              <StatusTags incident={incident} />
              {incident.policeMatter ? <span className="tag tag-red">Police matter</span> : detail.police.involved ? <span className="tag tag-red">Police involved</span> : null}
            </p>
            {incident.policeMatter && !incident.voided ? <PoliceMatterWarning kind={incident.kind} /> : null}
            {incident.status === 'open' && incident.reopenedAt && !incident.voided ? (
              <p className="inset">
                Reopened on {formatDateTime(incident.reopenedAt)}. The review and closure signed before then no longer counts: amend it (or record a new one)
                and have a DSL sign it before the incident can close again.
              </p>
            ) : null}
            <div className="incident-layout">
              <StepsPanel detail={detail} canRecord={canRecord} />
              <div className="incident-main">
                {incident.voided ? null : <MissingPanel detail={detail} />}
                {canReopen && incident.status === 'closed' && !incident.voided ? (
                  <div className="record-actions">
                    <ReasonPanel
                      name="reopen"
                      open="Reopen incident"
                      title="Reopen this incident"
                      explanation="It will be open again, and the record must be complete again before it closes: the closure signed before now no longer counts, so a DSL amends the review and closure (or records a new one) and signs it."
                      reasonLabel="Why is it being reopened?"
                      reasonHint="For example new information from the police, or an escalation. This is kept in the record and shown in the chronology."
                      confirm="Reopen incident"
                      onSubmit={async (reason) => {
                        const result = await reopen({ incidentId, reason });
                        return result.ok ? null : result.error;
                      }}
                    />
                  </div>
                ) : null}
                <IncidentSummaryList incident={incident} police={detail.police} />
                <PeopleSection detail={detail} canRecord={canRecord} />
                <section aria-labelledby="entries-title">
                  <h2 id="entries-title">Chronology</h2>
                  {canRecord ? (
                    <div className="button-group record-actions">
                      <Link to={`/incidents/${incidentId}/viewing-log/new`} className="button button-secondary">
                        Record a viewing of the imagery
                      </Link>
                    </div>
                  ) : null}
                  <EntryList detail={detail} canRecord={canRecord} />
                </section>
                <IncidentHistory history={detail.history} />
                {canVoid && !incident.voided ? (
                  <div className="record-actions">
                    <ReasonPanel
                      name="void"
                      open="Void this incident"
                      title="Void this incident?"
                      explanation="Only for an incident opened by mistake, such as a duplicate or one opened for the wrong pupil. It leaves every list and count and nothing on it can be changed again. It stays readable to DSLs, marked as voided. This cannot be undone."
                      reasonLabel="Why is it being voided?"
                      reasonHint="For example “Duplicate of YPSI-2026-004” or “Opened for the wrong pupil”."
                      confirm="Void incident"
                      warning
                      onSubmit={async (reason) => {
                        const result = await voidIncident({ incidentId, reason });
                        return result.ok ? null : result.error;
                      }}
                    />
                  </div>
                ) : null}
                <IncidentRetentionPanel incidentId={incidentId} />
              </div>
            </div>
            <PracticeScenarioPanel detail={detail} />
          </>
        );
      }}
    </LoadState>
  );
}
