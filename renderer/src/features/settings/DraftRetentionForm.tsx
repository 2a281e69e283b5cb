import { DRAFT_DAYS_MAX, DRAFT_DAYS_MIN } from '../../../../shared/domain/drafts';
import { contract } from '../../../../shared/ipc/contract';
import { useRead, useWrite } from '../../api/queries';
import { LoadState } from '../../components/LoadState';
import { NumberSettingForm } from '../../components/NumberSettingForm';

function RetentionForm({ initial }: { initial: number }) {
  const setRetention = useWrite('drafts.setRetention');
  return (
    <NumberSettingForm
      initial={initial}
      field="days"
      min={DRAFT_DAYS_MIN}
      max={DRAFT_DAYS_MAX}
      label="Keep unsaved drafts for this many days"
      summaryLabel="Keep drafts for"
      hint="What staff type is kept as their own draft until they save it; older drafts are deleted when someone signs in, and the audit log says how many."
      accepts={(days) => contract['drafts.setRetention'].input.safeParse({ days }).success}
      save={(days) => setRetention({ days })}
      savedText={(days) => `Saved. Unsaved drafts are deleted ${days} days after they were last typed in.`}
    />
  );
}

/** Settings, for the DSL: how long a draft nobody saved is kept (decision 0023). */
export function DraftRetentionSection() {
  const loaded = useRead('drafts.retention', {});
  return (
    <section className="panel" aria-labelledby="drafts-title">
      <h2 id="drafts-title">Drafts</h2>
      <LoadState loaded={loaded}>{(retention) => <RetentionForm initial={retention.days} />}</LoadState>
    </section>
  );
}
