import { useState } from 'react';
import { z } from 'zod';
import { dateField, formatDate } from '../../../../shared/domain/dates';
import { useRead, useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadState } from '../../components/LoadState';
import { SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';

const trainingForm = z.object({
  staffId: z.string().min(1, 'Choose a DSL or deputy').transform(Number),
  trainedOn: dateField('Enter the date of their last DSL training'),
});

const STATE_WORDS = { current: 'Up to date', 'due-soon': 'Due soon', overdue: 'Overdue' } as const;

/**
 * When each DSL and deputy was last trained, and when the refresher is due (issue 22 item 4):
 * kept by the DSL here; each of them is reminded on their home page from 60 days before.
 */
export function TrainingDatesPanel() {
  const loaded = useRead('training.list', {});
  const setDate = useWrite('training.set');
  const form = useForm(trainingForm, { staffId: '', trainedOn: '' });
  const [saved, setSaved] = useState<string | null>(null);

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await setDate(parsed);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    const person = result.value.people.find((p) => p.staffId === parsed.staffId);
    form.saved();
    form.reset();
    setSaved(person?.refresh ? `Recorded: ${person.name} was trained on ${formatDate(person.refresh.trainedOn)}; the refresher is due by ${formatDate(person.refresh.dueBy)}.` : null);
  }

  return (
    <section aria-labelledby="training-title">
      <h2 id="training-title">DSL training</h2>
      <p>Designated safeguarding leads and their deputies update their training at least every two years. Each is reminded on their home page from 60 days before their refresher is due.</p>
      <LoadState loaded={loaded}>
        {({ people }) => (
          <>
            <table className="table">
              <caption className="visually-hidden">Last DSL training of each DSL and deputy</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Last trained</th>
                  <th scope="col">Refresher due by</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.staffId}>
                    <th scope="row">{p.name}</th>
                    <td>{p.roleWords}</td>
                    <td>{p.refresh ? formatDate(p.refresh.trainedOn) : 'Not recorded'}</td>
                    <td>{p.refresh ? `${formatDate(p.refresh.dueBy)} (${STATE_WORDS[p.refresh.state]})` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form
              noValidate
              aria-label="Record DSL training"
              onSubmit={(event) => {
                event.preventDefault();
                void submit();
              }}
            >
              <ErrorSummary errors={form.errors} labels={{ staffId: 'Who', trainedOn: 'Date trained' }} formError={form.formError} />
              <SelectField
                name="staffId"
                label="Who was trained"
                options={people.map((p) => ({ value: String(p.staffId), label: `${p.name} (${p.roleWords})` }))}
                value={String(form.values.staffId)}
                onChange={(v) => form.setValue('staffId', v)}
                error={form.errors.staffId}
              />
              <TextField
                name="trainedOn"
                label="Date of their last DSL training"
                type="date"
                width="medium"
                value={form.values.trainedOn}
                onChange={(v) => form.setValue('trainedOn', v)}
                error={form.errors.trainedOn}
              />
              <button type="submit" className="button" disabled={form.busy}>
                Record the training date
              </button>
              <p role="status">{saved}</p>
            </form>
          </>
        )}
      </LoadState>
    </section>
  );
}
