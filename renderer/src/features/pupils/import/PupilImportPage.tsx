import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../../../shared/domain/dates';
import { yearGroupLabel } from '../../../../../shared/domain/pupils';
import type { ColumnMapping, ImportField } from '../../../../../shared/domain/pupils/import-fields';
import type { ImportPreview, Output } from '../../../../../shared/ipc/contract';
import { useWrite } from '../../../api/queries';
import { CheckboxField, RadioField } from '../../../components/fields';
import { PageHeading } from '../../../components/PageHeading';
import { ColumnMappingForm } from './ColumnMappingForm';
import { PagedList } from './PagedList';

type Opened = NonNullable<Output<'pupilImport.read'>>;
type Applied = Output<'pupilImport.apply'>;
type Choice = 'new' | 'skip' | `pupil-${number}`;
type Step = { at: 'start' } | { at: 'mapping'; file: Opened } | { at: 'preview'; file: Opened; preview: ImportPreview } | { at: 'done'; applied: Applied };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "412 added, 3 changed, nothing removed": what the import did, in one line. */
function resultSentence(applied: Applied): string {
  const parts = [`${applied.added.toLocaleString('en-GB')} added`, `${applied.changed.toLocaleString('en-GB')} changed`, 'nothing removed'];
  if (applied.added === 0 && applied.changed === 0) parts.unshift('Nothing in the file differed from the register');
  if (applied.skipped > 0) parts.push(`${plural(applied.skipped, 'row', 'rows')} left out as you chose`);
  if (applied.notTaken > 0) parts.push(`${plural(applied.notTaken, 'row', 'rows')} with problems not taken`);
  return `${parts.join(', ')}.`;
}

/**
 * Pupils from the school's MIS (issue 21): choose the export, say once what any unknown column
 * holds, see everything the import would do, and only then confirm. Nobody is ever removed.
 */
export function PupilImportPage() {
  const read = useWrite('pupilImport.read');
  const previewOf = useWrite('pupilImport.preview');
  const apply = useWrite('pupilImport.apply');
  const [step, setStep] = useState<Step>({ at: 'start' });
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({});
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [stopIfAnyWrong, setStopIfAnyWrong] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function showPreview(file: Opened, chosen: Partial<ColumnMapping>) {
    const complete = Object.fromEntries(file.headings.map(({ heading }) => [heading, chosen[heading]])) as ColumnMapping;
    const missing = file.headings.find(({ heading }) => !chosen[heading]);
    if (missing) return setProblem(`Say what the column “${missing.heading}” holds, or choose “Leave this column out”.`);
    setBusy(true);
    const result = await previewOf({ fileId: file.fileId, mapping: complete });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    setChoices({});
    setStep({ at: 'preview', file, preview: result.value });
  }

  async function chooseFile() {
    setBusy(true);
    const result = await read({});
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    if (result.value === null) return;
    const file = result.value;
    const offered = Object.fromEntries(file.headings.flatMap(({ heading, field }) => (field ? [[heading, field]] : [])));
    setMapping(offered);
    setProblem(null);
    if (file.needsMapping) setStep({ at: 'mapping', file });
    else await showPreview(file, offered);
  }

  async function confirm(file: Opened, preview: ImportPreview) {
    const undecided = preview.duplicates.find((d) => !choices[d.line]);
    if (undecided) return setProblem(`Decide what line ${undecided.line} (${undecided.name}) is before importing.`);
    setBusy(true);
    const result = await apply({
      fileId: file.fileId,
      mapping: mapping as ColumnMapping,
      planHash: preview.planHash,
      stopIfAnyWrong,
      choices: Object.entries(choices).map(([line, choice]) => ({
        line: Number(line),
        choice: choice === 'new' || choice === 'skip' ? { kind: choice } : { kind: 'pupil' as const, pupilId: Number(choice.slice('pupil-'.length)) },
      })),
    });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    setStep({ at: 'done', applied: result.value });
  }

  return (
    <>
      <PageHeading caption="Pupils">Import pupils from the MIS</PageHeading>
      {problem ? (
        <div className="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      {step.at === 'start' ? (
        <>
          <p>
            Export the pupil list from the school’s MIS (SIMS, Arbor, Bromcom, Scholarpack, Integris…) as a CSV file, then choose it here. You will see
            everything the import would change before anything changes. Pupils are never removed by an import.
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void chooseFile()}>
            {busy ? 'Reading…' : 'Choose the file'}
          </button>
        </>
      ) : null}
      {step.at === 'mapping' ? (
        <form
          noValidate
          className="form-narrow"
          onSubmit={(event) => {
            event.preventDefault();
            void showPreview(step.file, mapping);
          }}
        >
          <h2>What each column holds</h2>
          <p>
            {step.file.fileName}: {plural(step.file.rowCount, 'row', 'rows')}. Some headings are not ones the app knows. Say once what each holds; the app
            remembers it for next time.
          </p>
          <ColumnMappingForm headings={step.file.headings} mapping={mapping} onChange={(heading: string, field: ImportField) => setMapping({ ...mapping, [heading]: field })} />
          <div className="button-group">
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Checking…' : 'Preview the import'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setStep({ at: 'start' })}>
              Choose another file
            </button>
          </div>
        </form>
      ) : null}
      {step.at === 'preview' ? (
        <PreviewSections
          preview={step.preview}
          choices={choices}
          onChoose={(line, choice) => setChoices({ ...choices, [line]: choice })}
          footer={
            <>
              <CheckboxField
                name="stopIfAnyWrong"
                label="Stop if any row is wrong"
                hint="Leave this unticked to import the good rows and leave out the rows with problems."
                checked={stopIfAnyWrong}
                onChange={setStopIfAnyWrong}
              />
              <div className="button-group">
                <button type="button" className="button" disabled={busy} onClick={() => void confirm(step.file, step.preview)}>
                  {busy ? 'Importing…' : 'Import these pupils'}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setStep({ at: 'mapping', file: step.file })}>
                  Change what the columns hold
                </button>
                <button type="button" className="button button-secondary" onClick={() => setStep({ at: 'start' })}>
                  Start again
                </button>
              </div>
            </>
          }
        />
      ) : null}
      {step.at === 'done' ? (
        <div className="inset inset-success" role="status">
          <p>{resultSentence(step.applied)}</p>
          <p>
            <Link to="/pupils">Back to the pupils</Link>
          </p>
        </div>
      ) : null}
    </>
  );
}

function PreviewSections({
  preview,
  choices,
  onChoose,
  footer,
}: {
  preview: ImportPreview;
  choices: Record<number, Choice>;
  onChoose: (line: number, choice: Choice) => void;
  footer: React.ReactNode;
}) {
  const nothing = preview.newPupils.length === 0 && preview.changes.length === 0 && preview.duplicates.length === 0;
  return (
    <>
      <h2>What the import would do</h2>
      <p role="status">
        {nothing
          ? `Nothing would change: every pupil in the file (${preview.unchanged.toLocaleString('en-GB')}) is already on the register as the file has them.`
          : `${plural(preview.newPupils.length, 'new pupil', 'new pupils')}, ${plural(preview.changes.length, 'pupil changed', 'pupils changed')}, ${plural(preview.unchanged, 'pupil', 'pupils')} unchanged. Nothing is removed.`}
      </p>
      <section aria-labelledby="import-new">
        <h3 id="import-new">New pupils ({preview.newPupils.length})</h3>
        <PagedList
          items={preview.newPupils}
          label="New pupils"
          render={(p) => (
            <li key={p.line}>
              {p.name} — born {formatDate(p.dateOfBirth)}, {yearGroupLabel(p.yearGroup)}
              {p.upn ? `, UPN ${p.upn}` : ''} <span className="hint">(line {p.line})</span>
            </li>
          )}
        />
      </section>
      <section aria-labelledby="import-changes">
        <h3 id="import-changes">Changes to pupils on the register ({preview.changes.length})</h3>
        <PagedList
          items={preview.changes}
          label="Changes"
          render={(c) => (
            <li key={c.line}>
              {c.name}: {c.changes.map((f) => `${f.field} ${f.from} → ${f.to}`).join('; ')} <span className="hint">(line {c.line})</span>
            </li>
          )}
        />
      </section>
      <section aria-labelledby="import-duplicates">
        <h3 id="import-duplicates">Possible duplicates to decide ({preview.duplicates.length})</h3>
        {preview.duplicates.map((d) => (
          <RadioField<Choice>
            key={d.line}
            name={`duplicate-${d.line}`}
            label={`Line ${d.line}: ${d.name}, born ${formatDate(d.dateOfBirth)}${d.upn ? `, UPN ${d.upn}` : ''}`}
            hint={d.reason}
            options={[
              ...d.candidates.map((c) => ({ value: `pupil-${c.id}` as const, label: `This is ${c.name} (born ${formatDate(c.dateOfBirth)}${c.upn ? `, UPN ${c.upn}` : ''})` })),
              ...(d.mayBeNew ? [{ value: 'new' as const, label: 'A different pupil: add them as new' }] : []),
              { value: 'skip' as const, label: 'Leave this row out' },
            ]}
            value={choices[d.line]}
            onChange={(choice) => onChoose(d.line, choice)}
          />
        ))}
      </section>
      <section aria-labelledby="import-problems">
        <h3 id="import-problems">Rows with problems, not imported ({preview.problems.length})</h3>
        <PagedList
          items={preview.problems}
          label="Rows with problems"
          render={(p) => (
            <li key={p.line}>
              Line {p.line}: {p.reason}
            </li>
          )}
        />
      </section>
      <section aria-labelledby="import-missing">
        <h3 id="import-missing">On the register but not in the file ({preview.notInFile.length})</h3>
        {preview.notInFile.length > 0 ? <p>These pupils stay on the register. If a pupil has left, mark them as left on their page.</p> : null}
        <PagedList
          items={preview.notInFile}
          label="Not in the file"
          render={(p) => (
            <li key={p.id}>
              <Link to={`/pupils/${p.id}`}>{p.name}</Link>, born {formatDate(p.dateOfBirth)}
            </li>
          )}
        />
      </section>
      {footer}
    </>
  );
}
