import { formatDate } from '../../../../shared/domain/dates';
import type { RecordTarget } from '../../../../shared/ipc/contract';
import { useRead } from '../../api/queries';
import { useCan } from '../../app/use-can';
import { LoadState } from '../../components/LoadState';
import { LegalHoldPanel } from './LegalHoldPanel';

/** A record's review date and its legal holds, for the DSL, who alone decides them (decision 0029). */
export function RecordRetention({ target }: { target: RecordTarget }) {
  const canSee = useCan('retention.of');
  const loaded = useRead('retention.of', { target }, { enabled: canSee });
  if (!canSee) return null;
  return (
    <>
      <section className="panel" aria-labelledby="retention-title">
        <h2 id="retention-title">Retention</h2>
        <LoadState loaded={loaded}>
          {(review) => (
            <p>
              {review.reviewOn === null ? 'No review date yet' : <>Review on {formatDate(review.reviewOn)}</>}: {review.why}.
              {review.held ? ' On legal hold: not proposed for review until the hold is released.' : review.due ? ' Due for review now: see Retention.' : ''}
            </p>
          )}
        </LoadState>
      </section>
      <LegalHoldPanel target={target} />
    </>
  );
}
