import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, schoolToday } from '../../../../shared/domain/dates';
import { DESTINATION_KINDS, DESTINATION_LABELS, destinationIsNamed, leavingInput, leavingInWords, type DestinationKind } from '../../../../shared/domain/leaving';
import type { Pupil } from '../../../../shared/domain/pupils';
import { transferDeadline } from '../../../../shared/domain/transfers/deadline';
import { useRead, useWrite } from '../../api/queries';
import { useCan } from '../../app/use-can';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';

const LABELS = { leftOn: 'Date they left', destinationKind: 'Where have they gone?', destination: 'Name of the new school or setting' };
const KIND_CHOICES = DESTINATION_KINDS.map((kind) => ({ value: kind, label: DESTINATION_LABELS[kind] }));

function MarkLeftForm({ pupil, onDone }: { pupil: Pupil; onDone: () => void }) {
  const form = useForm(leavingInput, { pupilId: pupil.id, leftOn: schoolToday(), destination: '' });
  const markLeft = useWrite('pupils.markLeft');
  const { values, errors } = form;

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await markLeft(parsed);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    onDone();
  }

  return (
    <form
      noValidate
      className="form-narrow"
      aria-label="Mark as left"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
      <TextField name="leftOn" label={LABELS.leftOn} type="date" width="medium" value={values.leftOn ?? ''} onChange={(v) => form.setValue('leftOn', v)} error={errors.leftOn} />
      <RadioField<DestinationKind>
        name="destinationKind"
        label={LABELS.destinationKind}
        options={KIND_CHOICES}
        value={values.destinationKind}
        onChange={(v) => form.setValue('destinationKind', v)}
        error={errors.destinationKind}
      />
      {values.destinationKind && destinationIsNamed(values.destinationKind) ? (
        <TextField name="destination" label={LABELS.destination} value={values.destination ?? ''} onChange={(v) => form.setValue('destination', v)} error={errors.destination} />
      ) : null}
      <p>Nothing else of {pupil.firstName}’s record changes: they stay in every list and search, marked as left.</p>
      <div className="button-group">
        <button type="submit" className="button" disabled={form.busy}>
          Mark as left
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** "Transfer the child-protection file to … by …", or where the transfer already stands. */
function TransferPrompt({ pupil }: { pupil: Pupil & { leaving: NonNullable<Pupil['leaving']> } }) {
  const transfers = useRead('transfers.list', {});
  const mine = transfers.state === 'ready' ? transfers.value.filter((t) => t.pupilId === pupil.id && t.state !== 'cancelled') : [];
  if (transfers.state !== 'ready') return null;
  if (mine.length > 0) {
    return (
      <ul className="list">
        {mine.map((t) => (
          <li key={t.id}>
            <Link to={`/transfers/${t.id}`}>Transfer to {t.receivingSchool}</Link> (by {formatDate(t.dueOn)}): {t.state === 'received' ? 'receipt confirmed' : t.state}
          </li>
        ))}
      </ul>
    );
  }
  const { destination, destinationKind, leftOn } = pupil.leaving;
  const to = destinationIsNamed(destinationKind) ? destination : 'the new school or setting';
  return (
    <div className="warning-text" role="note">
      <strong>
        <Link to={`/pupils/${pupil.id}/transfer`}>
          Transfer the child-protection file to {to} by {formatDate(transferDeadline(leftOn, 'in-year'))}
        </Link>
      </strong>{' '}
      (Keeping Children Safe in Education: within 5 school days of an in-year move, or the first 5 days of a new term).
    </div>
  );
}

/** Whether the pupil is on roll or has left (issue 20), and the prompt to transfer their file. */
export function LeavingPanel({ pupil, incidentCount }: { pupil: Pupil; incidentCount: number }) {
  const canMark = useCan('pupils.markLeft');
  const canTransfer = useCan('transfers.prepare');
  const [marking, setMarking] = useState(false);
  const returned = useWrite('pupils.returned');
  const leaving = pupil.leaving;
  return (
    <section aria-labelledby="leaving-title" className="panel">
      <h2 id="leaving-title">On roll or left</h2>
      {leaving ? (
        <>
          <p>
            <span className="tag tag-grey">Former pupil</span> {leavingInWords(leaving)}.
          </p>
          {incidentCount > 0 && canTransfer ? <TransferPrompt pupil={{ ...pupil, leaving }} /> : null}
          {canMark ? (
            <p>
              <button type="button" className="button button-secondary button-small" onClick={() => void returned({ pupilId: pupil.id })}>
                Marked in error: put back on roll
              </button>
            </p>
          ) : null}
        </>
      ) : marking ? (
        <MarkLeftForm pupil={pupil} onDone={() => setMarking(false)} />
      ) : (
        <>
          <p>{pupil.firstName} is on roll.</p>
          {canMark ? (
            <p>
              <button type="button" className="button button-secondary" onClick={() => setMarking(true)}>
                Mark as left
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
