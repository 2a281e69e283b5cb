import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatDate, schoolToday } from '../../../../shared/domain/dates';
import { DEFAULT_OTHER_ENTRIES, OTHER_ENTRIES_CHOICES, OTHER_ENTRIES_LABELS, type OtherEntriesChoice } from '../../../../shared/domain/exports';
import { destinationIsNamed } from '../../../../shared/domain/leaving';
import { pupilFullName, type Pupil } from '../../../../shared/domain/pupils';
import { transferDeadline } from '../../../../shared/domain/transfers/deadline';
import { coveringLetterDraft, prepareTransferInput, TRANSFER_METHOD_LABELS, TRANSFER_METHODS, type TransferMethod } from '../../../../shared/domain/transfers/transfer';
import type { ExportOptions } from '../../../../shared/ipc/contract';
import { useRead, useWrite } from '../../api/queries';
import { useSession } from '../../app/session-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxesField, RadioField, TextAreaField, TextField } from '../../components/fields';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useForm } from '../../components/use-form';
import { useExportOptions } from '../exports/use-export-options';

const LABELS = {
  receivingSchool: 'Receiving school or setting',
  receivingDsl: 'Their Designated Safeguarding Lead',
  receivingContact: 'How to reach them',
  method: 'How will the file be sent?',
  dueOn: 'To arrive by',
  namedChildren: 'Which children are named?',
  otherEntries: 'Entries that concern only other children',
  coveringLetter: 'Covering letter to their DSL',
};

const METHOD_CHOICES = TRANSFER_METHODS.map((m) => ({ value: m, label: TRANSFER_METHOD_LABELS[m] }));
const OTHER_CHOICES = OTHER_ENTRIES_CHOICES.map((c) => ({ value: c, label: OTHER_ENTRIES_LABELS[c] }));

function PrepareForm({ pupil, incidentCount, options }: { pupil: Pupil; incidentCount: number; options: ExportOptions }) {
  const { status } = useSession();
  const navigate = useNavigate();
  const leaving = pupil.leaving;
  const school = leaving && destinationIsNamed(leaving.destinationKind) ? leaving.destination : '';
  const form = useForm(prepareTransferInput, {
    pupilId: pupil.id,
    receivingSchool: school,
    receivingDsl: '',
    receivingContact: '',
    dueOn: transferDeadline(leaving?.leftOn ?? schoolToday(), 'in-year'),
    coveringLetter: coveringLetterDraft({
      pupilName: pupilFullName(pupil),
      dateOfBirth: pupil.dateOfBirth,
      leftOn: leaving?.leftOn ?? null,
      receivingDsl: '',
      receivingSchool: school,
      senderName: status.user.name,
      senderSchool: status.schoolName,
      incidentCount,
    }),
  });
  const [named, setNamed] = useState<string[]>(options.children.filter((c) => c.namedByDefault).map((c) => c.key));
  const [otherEntries, setOtherEntries] = useState<OtherEntriesChoice>(DEFAULT_OTHER_ENTRIES);
  const [termStarts, setTermStarts] = useState('');
  const prepare = useWrite('transfers.prepare');
  const { values, errors } = form;

  async function submit() {
    const parsed = form.validate({ fileOptions: { namedChildren: named, otherEntries } });
    if (!parsed) return;
    form.setBusy(true);
    const result = await prepare(parsed);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    void navigate(`/transfers/${result.value.id}`);
  }

  return (
    <form
      noValidate
      aria-label="Prepare the transfer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
      <TextField name="receivingSchool" label={LABELS.receivingSchool} value={values.receivingSchool ?? ''} onChange={(v) => form.setValue('receivingSchool', v)} error={errors.receivingSchool} />
      <TextField name="receivingDsl" label={LABELS.receivingDsl} hint="Their name, so the file goes to a person, not an office." value={values.receivingDsl ?? ''} onChange={(v) => form.setValue('receivingDsl', v)} error={errors.receivingDsl} />
      <TextAreaField name="receivingContact" label={LABELS.receivingContact} hint="A secure email address, or the postal address for a hand-delivered file." value={values.receivingContact ?? ''} onChange={(v) => form.setValue('receivingContact', v)} error={errors.receivingContact} />
      <RadioField<TransferMethod> name="method" label={LABELS.method} options={METHOD_CHOICES} value={values.method} onChange={(v) => form.setValue('method', v)} error={errors.method} />
      <TextField
        name="dueOn"
        label={LABELS.dueOn}
        type="date"
        width="medium"
        hint={`Worked out as 5 school days (Monday to Friday) after ${leaving ? `the day they left, ${formatDate(leaving.leftOn)}` : 'today'}. The app does not know your term dates or bank holidays: change the date if you need to.`}
        value={values.dueOn ?? ''}
        onChange={(v) => form.setValue('dueOn', v)}
        error={errors.dueOn}
      />
      <TextField
        name="termStarts"
        label="Left at the end of a term? The date the new term starts (optional)"
        type="date"
        width="medium"
        hint="The deadline becomes the fifth day of the new term."
        value={termStarts}
        onChange={(v) => {
          setTermStarts(v);
          if (/^\d{4}-\d{2}-\d{2}$/.test(v)) form.setValue('dueOn', transferDeadline(v, 'new-term'));
        }}
      />
      {options.children.length > 0 ? (
        <CheckboxesField
          name="namedChildren"
          label={LABELS.namedChildren}
          hint="Children not ticked are printed as a label such as “Pupil B”. The same choice is used for every copy printed for this transfer."
          options={options.children.map((c) => ({ value: c.key, label: c.description ? `${c.name} (${c.description})` : c.name }))}
          value={named}
          onChange={setNamed}
          error={errors['fileOptions.namedChildren'] ?? errors.namedChildren}
        />
      ) : null}
      {options.aboutOthersCount !== null && options.aboutOthersCount > 0 ? (
        <RadioField<OtherEntriesChoice> name="otherEntries" label={LABELS.otherEntries} options={OTHER_CHOICES} value={otherEntries} onChange={setOtherEntries} />
      ) : null}
      <TextAreaField
        name="coveringLetter"
        label={LABELS.coveringLetter}
        hint="Printed as the first page of the file. Change anything you need to."
        value={values.coveringLetter ?? ''}
        onChange={(v) => form.setValue('coveringLetter', v)}
        error={errors.coveringLetter}
      />
      <button type="submit" className="button" disabled={form.busy}>
        Save the transfer
      </button>
    </form>
  );
}

/** Prepares the transfer of a pupil's child-protection file (issue 20): to whom, how, by when, and the letter. */
export function PrepareTransferPage() {
  const pupilId = Number(useParams().pupilId);
  const loaded = useRead('pupils.get', { pupilId });
  const options = useExportOptions({ type: 'pupil-file', pupilId });
  return (
    <LoadState loaded={loaded}>
      {({ pupil, incidents }) => (
        <>
          <PageHeading caption={pupilFullName(pupil)}>Transfer the child-protection file</PageHeading>
          <p>
            Keeping Children Safe in Education asks for the file to reach the new school within 5 school days of an in-year move, or within the first 5 days of a new
            term, separately from the main pupil file, securely, and with confirmation of receipt.
          </p>
          {options ? <LoadState loaded={options}>{(value) => <PrepareForm pupil={pupil} incidentCount={incidents.length} options={value} />}</LoadState> : null}
        </>
      )}
    </LoadState>
  );
}
