import { RecordRetention } from './RecordRetention';

/** The incident page's review date and legal hold panel. */
export function IncidentRetentionPanel({ incidentId }: { incidentId: number }) {
  return <RecordRetention target={{ incidentId }} />;
}
