import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN } from '../../../../shared/domain/settings';
import { contract } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { NumberSettingForm } from '../../components/NumberSettingForm';

export function KeepForm({ initial }: { initial: number }) {
  const configure = useWrite('backups.configure');
  return (
    <NumberSettingForm
      initial={initial}
      field="keep"
      min={BACKUP_KEEP_MIN}
      max={BACKUP_KEEP_MAX}
      label="Number of backups to keep"
      summaryLabel="Backups to keep"
      hint="After each backup, the oldest good backups in the folder beyond this number are removed."
      accepts={(keep) => contract['backups.configure'].input.safeParse({ keep }).success}
      save={(keep) => configure({ keep })}
      savedText={(keep) => `Saved. The newest ${keep} backups will be kept; older ones are removed after the next backup.`}
      secondary
    />
  );
}
