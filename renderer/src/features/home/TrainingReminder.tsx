import { formatDate } from '../../../../shared/domain/dates';
import { useRead } from '../../api/queries';

/**
 * A DSL's or deputy's own reminder that their refresher training is due (issue 22 item 4):
 * shown from 60 days before, once the DSL has recorded their last training on the Staff page.
 */
export function TrainingReminder() {
  const mine = useRead('training.mine', {});
  const refresh = mine.state === 'ready' ? mine.value.refresh : null;
  if (!refresh || refresh.state === 'current') return null;
  return (
    <section className="panel" aria-labelledby="training-reminder-title">
      <h2 id="training-reminder-title">{refresh.state === 'overdue' ? 'Your DSL refresher training is overdue' : 'Your DSL refresher training is due soon'}</h2>
      <p>
        You were last trained on {formatDate(refresh.trainedOn)}; the refresher is due by <strong>{formatDate(refresh.dueBy)}</strong>. Designated
        safeguarding leads and their deputies update their training at least every two years. Once you have done it, ask the DSL to record the new
        date on the Staff page.
      </p>
    </section>
  );
}
