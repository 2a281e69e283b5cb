import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../../shared/domain/dates';
import { HOLD_REASON_WORDS } from '../../../../shared/domain/legal-holds';
import { describeRule } from '../../../../shared/domain/retention';
import type { RetentionItem } from '../../../../shared/ipc/contract';
import { useRead } from '../../api/queries';
import { SelectField } from '../../components/fields';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { KeepForm } from './KeepForm';
import { RuleReason } from './RuleReason';

const WITHIN_CHOICES = [
  { value: '0', label: 'Due now' },
  { value: '3', label: 'Due within 3 months' },
  { value: '6', label: 'Due within 6 months' },
  { value: '12', label: 'Due within 12 months' },
  { value: '60', label: 'Due within 5 years' },
];

function recordLink(item: RetentionItem): string {
  return item.kind === 'incident' ? `/incidents/${item.id}` : `/pupils/${item.id}`;
}

function itemKey(item: RetentionItem): string {
  return `${item.kind}-${item.id}`;
}

function DueRow({ item, keeping, setKeeping }: { item: RetentionItem; keeping: string | null; setKeeping: (key: string | null) => void }) {
  const key = itemKey(item);
  const target = item.kind === 'incident' ? { incidentId: item.id } : { pupilId: item.id };
  return (
    <tr>
      <td>
        <Link className="reference" to={recordLink(item)}>
          {item.label}
        </Link>
        <div className="hint">{item.kind === 'incident' ? item.description : `Pupil record · ${item.description}`}</div>
      </td>
      <td>{formatDate(item.recordedAt)}</td>
      <td>{item.closedAt === null ? '—' : formatDate(item.closedAt)}</td>
      <td>{item.reviewOn === null ? '—' : formatDate(item.reviewOn)}</td>
      <td className="cell-small">{item.why}</td>
      <td>
        {keeping === key ? (
          <KeepForm target={target} label={item.label} onDone={() => setKeeping(null)} />
        ) : (
          <div className="button-group">
            <button type="button" className="button button-secondary button-small" aria-label={`Keep ${item.label}`} onClick={() => setKeeping(key)}>
              Keep…
            </button>
            <Link className="button button-warning button-small" aria-label={`Destroy ${item.label}`} to={`/retention/destroy/${item.kind}/${item.id}`}>
              Destroy…
            </Link>
          </div>
        )}
      </td>
    </tr>
  );
}

/**
 * Records due for review under the school's retention rule (decision 0029). Per record the DSL
 * keeps it (a reason and a new review date) or goes on to destroy it; a record on legal hold is
 * never proposed and is listed apart.
 */
export function RetentionPage() {
  const [within, setWithin] = useState('0');
  const loaded = useRead('retention.list', { withinMonths: Number(within) });
  const [keeping, setKeeping] = useState<string | null>(null);

  return (
    <>
      <PageHeading>Retention</PageHeading>
      <LoadState loaded={loaded}>
        {({ rule, due, onHold }) => (
          <>
            <p>
              Each record is reviewed {describeRule(rule)}. <Link to="/settings">Change the rule in Settings</Link>.
            </p>
            <RuleReason />
            <form className="filters" aria-label="Filter records due for review" onSubmit={(event) => event.preventDefault()}>
              <SelectField name="within" label="Show" options={WITHIN_CHOICES} value={within} onChange={(v) => setWithin(v === '' ? '0' : v)} placeholder="Due now" />
            </form>
            <section aria-labelledby="due-title">
              <h2 id="due-title">Due for review</h2>
              {due.length === 0 ? (
                <p>No record is due for review.</p>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Record</th>
                      <th scope="col">Recorded</th>
                      <th scope="col">Closed</th>
                      <th scope="col">Review on</th>
                      <th scope="col">Why</th>
                      <th scope="col">Decision</th>
                    </tr>
                  </thead>
                  <tbody>
                    {due.map((item) => (
                      <DueRow key={itemKey(item)} item={item} keeping={keeping} setKeeping={setKeeping} />
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section aria-labelledby="on-hold-title">
              <h2 id="on-hold-title">On hold</h2>
              {onHold.length === 0 ? (
                <p>No record is on legal hold.</p>
              ) : (
                <>
                  <p className="hint">These are not proposed for review and cannot be destroyed until every hold on them is released.</p>
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">Record</th>
                        <th scope="col">Review on</th>
                        <th scope="col">Hold</th>
                      </tr>
                    </thead>
                    <tbody>
                      {onHold.map((item) => (
                        <tr key={itemKey(item)}>
                          <td>
                            <Link className="reference" to={recordLink(item)}>
                              {item.label}
                            </Link>
                            <div className="hint">{item.description}</div>
                          </td>
                          <td>{item.reviewOn === null ? '—' : formatDate(item.reviewOn)}</td>
                          <td className="cell-small">
                            {item.holds.map((h) => (
                              <div key={h.id}>
                                {HOLD_REASON_WORDS[h.reasonKind]} on {h.on}, since {formatDate(h.placedAt)} ({h.placedBy})
                              </div>
                            ))}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </section>
          </>
        )}
      </LoadState>
    </>
  );
}
