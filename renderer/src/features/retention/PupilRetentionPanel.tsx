import { RecordRetention } from './RecordRetention';

/** The pupil page's review date and legal hold panel. */
export function PupilRetentionPanel({ pupilId }: { pupilId: number }) {
  return <RecordRetention target={{ pupilId }} />;
}
