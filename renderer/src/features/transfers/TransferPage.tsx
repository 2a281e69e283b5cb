import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/domain/dates';
import { TRANSFER_STATE_LABELS } from '../../../../shared/domain/transfers/state';
import { TRANSFER_METHOD_LABELS, type TransferView } from '../../../../shared/domain/transfers/transfer';
import { useRead, useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { MakePackagePanel } from '../received/MakePackagePanel';
import { ConfirmReceiptStep, MarkSentStep, TransferPdfStep } from './TransferSteps';

/** What has happened to the transfer, in order, from its own record. */
function History({ transfer: t }: { transfer: TransferView }) {
  const events: [string, string][] = [[formatDateTime(t.preparedAt), `Prepared by ${t.preparedBy}`]];
  if (t.sentOn) events.push([formatDate(t.sentOn), `Sent (${TRANSFER_METHOD_LABELS[t.method].toLowerCase()}), recorded by ${t.sentBy ?? ''}`]);
  if (t.receivedAt) events.push([formatDate(t.receivedAt), t.acknowledgedBy ? `Acknowledged by ${t.acknowledgedBy}, recorded by ${t.receivedBy ?? ''}` : `Receipt code accepted, entered by ${t.receivedBy ?? ''}`]);
  if (t.cancelledAt) events.push([formatDateTime(t.cancelledAt), `Cancelled by ${t.cancelledBy ?? ''}: ${t.cancelReason}`]);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <ol className="list">
        {events.map(([when, what]) => (
          <li key={`${when}-${what}`}>
            {when}: {what}
          </li>
        ))}
      </ol>
    </section>
  );
}

function CancelForm({ transfer }: { transfer: TransferView }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const cancel = useWrite('transfers.cancel');
  return (
    <form
      noValidate
      aria-label="Cancel the transfer"
      onSubmit={(event) => {
        event.preventDefault();
        void cancel({ transferId: transfer.id, reason }).then((result) => {
          if (result.ok) return;
          setErrors(result.error.fields ?? {});
          setFormError(result.error.fields ? null : result.error.message);
        });
      }}
    >
      <ErrorSummary errors={errors} labels={{ reason: 'Why is it cancelled?' }} formError={formError} />
      <TextField name="reason" label="Why is it cancelled?" hint="For example, the pupil did not take up the place." value={reason} onChange={setReason} error={errors.reason} />
      <button type="submit" className="button button-secondary">
        Cancel the transfer
      </button>
    </form>
  );
}

/** The steps still open, numbered: the PDF or the package (either or both), sending, and the receipt. */
function Steps({ transfer }: { transfer: TransferView }) {
  const open = transfer.state !== 'received' && transfer.state !== 'cancelled';
  if (!open) return null;
  // Keyed by what each step is, not its words: the package step's title changes once a package is made, and its panel must keep saying where it was saved.
  const steps: { key: string; title: string; body: ReactNode }[] = [
    { key: 'pdf', title: 'Print the PDF (a password is optional)', body: <TransferPdfStep transfer={transfer} /> },
    {
      key: 'package',
      title: transfer.hasPackage ? 'Or make the encrypted package again' : 'Or make an encrypted package, for a school that uses this app',
      body: <MakePackagePanel transferId={transfer.id} />,
    },
    ...(transfer.sentOn === null ? [{ key: 'sent', title: 'Mark it as sent', body: <MarkSentStep transfer={transfer} /> }] : []),
    ...(transfer.sentOn !== null ? [{ key: 'receipt', title: 'Confirm receipt', body: <ConfirmReceiptStep transfer={transfer} /> }] : []),
  ];
  return (
    <ol className="steps">
      {steps.map((step, i) => (
        <li key={step.key}>
          <section aria-labelledby={`step-${i}`} className="panel">
            <h2 id={`step-${i}`}>
              {i + 1}. {step.title}
            </h2>
            {step.body}
          </section>
        </li>
      ))}
    </ol>
  );
}

/** One transfer of a child-protection file: its details, what is left to do, and its history. */
export function TransferPage() {
  const transferId = Number(useParams().transferId);
  const loaded = useRead('transfers.get', { transferId });
  return (
    <LoadState loaded={loaded}>
      {(t) => (
        <>
          <PageHeading caption={`Transfer of ${t.pupilName}’s child-protection file`}>To {t.receivingSchool}</PageHeading>
          <p>
            <span className={`tag ${t.state === 'overdue' ? 'tag-red' : t.state === 'received' ? 'tag-green' : 'tag-grey'}`}>{TRANSFER_STATE_LABELS[t.state]}</span> To arrive by{' '}
            {formatDate(t.dueOn)}.
          </p>
          <dl className="summary-list">
            <div>
              <dt>Their DSL</dt>
              <dd>{t.receivingDsl}</dd>
            </div>
            <div>
              <dt>How to reach them</dt>
              <dd className="preserve-lines">{t.receivingContact}</dd>
            </div>
            <div>
              <dt>How it is sent</dt>
              <dd>{TRANSFER_METHOD_LABELS[t.method]}</dd>
            </div>
          </dl>
          <Steps transfer={t} />
          <History transfer={t} />
          {t.state !== 'received' && t.state !== 'cancelled' ? <CancelForm transfer={t} /> : null}
        </>
      )}
    </LoadState>
  );
}
