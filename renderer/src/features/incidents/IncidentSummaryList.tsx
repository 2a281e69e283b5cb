import { formatDate } from '../../../../shared/domain/dates';
import { incidentSourceInWords } from '../../../../shared/domain/incident-source';
import { INCIDENT_KIND_LABELS, MEDIA_LABELS, SHARING_LABELS } from '../../../../shared/domain/incidents';
import type { IncidentDetail } from '../../../../shared/ipc/contract';

export function IncidentSummaryList({ incident, police }: { incident: IncidentDetail['incident']; police: IncidentDetail['police'] }) {
  return (
    <dl className="summary-list">
      <div>
        <dt>Came to attention</dt>
        <dd>{formatDate(incident.cameToAttentionOn)}</dd>
      </div>
      <div>
        <dt>How it reached the school</dt>
        <dd>{incidentSourceInWords(incident)}</dd>
      </div>
      <div>
        <dt>Imagery made</dt>
        <dd>{incident.imageryDate ? formatDate(incident.imageryDate) : 'Not known'}</dd>
      </div>
      <div>
        <dt>Kind</dt>
        <dd>{INCIDENT_KIND_LABELS[incident.kind]}</dd>
      </div>
      <div>
        <dt>Photo or video</dt>
        <dd>{MEDIA_LABELS[incident.media]}</dd>
      </div>
      <div>
        <dt>Services involved</dt>
        <dd>{incident.services.length > 0 ? incident.services.join(', ') : 'Not known'}</dd>
      </div>
      <div>
        <dt>How widely shared</dt>
        <dd>
          {SHARING_LABELS[incident.sharing]}
          {incident.sharingDetails ? `: ${incident.sharingDetails}` : ''}
        </dd>
      </div>
      <div>
        <dt>Police involved</dt>
        <dd>{police.words}</dd>
      </div>
      <div>
        <dt>Opened</dt>
        <dd>
          {formatDate(incident.createdAt)} by {incident.createdByName}
        </dd>
      </div>
    </dl>
  );
}
