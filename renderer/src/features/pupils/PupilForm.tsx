import { z } from 'zod';
import { pupilInput, SEX_LABELS, SEXES, SOCIAL_CARE_LABELS, SOCIAL_CARE_STATUSES, YEAR_GROUPS, yearGroupLabel, type Pupil } from '../../../../shared/domain/pupils';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';

const LABELS = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  yearGroup: 'Year group',
  sen: 'Special educational needs or disability',
  lookedAfter: 'Looked after',
  socialCare: 'Known to children’s social care',
};

type YesNo = 'yes' | 'no';
const YES_NO = [
  { value: 'yes' as const, label: 'Yes' },
  { value: 'no' as const, label: 'No' },
];
const toYesNo = (value: boolean | undefined): YesNo | undefined => (value === undefined ? undefined : value ? 'yes' : 'no');

export function PupilForm({
  initial,
  prefill,
  submitLabel,
  onSaved,
  onCancel,
}: {
  initial?: Pupil;
  prefill?: { firstName: string; lastName: string };
  submitLabel: string;
  onSaved: (pupil: Pupil) => void;
  onCancel?: () => void;
}) {
  const form = useForm(pupilInput, {
    firstName: initial?.firstName ?? prefill?.firstName ?? '',
    lastName: initial?.lastName ?? prefill?.lastName ?? '',
    dateOfBirth: initial?.dateOfBirth ?? '',
    senDetails: initial?.senDetails ?? '',
    ...(initial ? { sex: initial.sex, yearGroup: initial.yearGroup, sen: initial.sen, lookedAfter: initial.lookedAfter, socialCare: initial.socialCare } : {}),
  });
  const { values, setValue, errors } = form;

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = initial ? await call('pupils.update', { ...parsed, pupilId: initial.id }) : await call('pupils.create', parsed);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    onSaved(result.value);
  }

  return (
    <form
      noValidate
      className="pupil-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
      <div className="field-row">
        <TextField name="firstName" label={LABELS.firstName} width="medium" value={values.firstName} onChange={(v) => setValue('firstName', v)} error={errors.firstName} />
        <TextField name="lastName" label={LABELS.lastName} width="medium" value={values.lastName} onChange={(v) => setValue('lastName', v)} error={errors.lastName} />
      </div>
      <TextField name="dateOfBirth" label={LABELS.dateOfBirth} hint="Ages on the date of the imagery are worked out from this." type="date" width="medium" value={values.dateOfBirth} onChange={(v) => setValue('dateOfBirth', v)} error={errors.dateOfBirth} />
      <RadioField name="sex" label={LABELS.sex} inline options={SEXES.map((value) => ({ value, label: SEX_LABELS[value] }))} value={values.sex} onChange={(v) => setValue('sex', v)} error={errors.sex} />
      <SelectField
        name="yearGroup"
        label={LABELS.yearGroup}
        options={YEAR_GROUPS.map((value) => ({ value, label: yearGroupLabel(value) }))}
        value={values.yearGroup ?? ''}
        onChange={(v) => setValue('yearGroup', v === '' ? undefined : (v as z.input<typeof pupilInput>['yearGroup']))}
        error={errors.yearGroup}
      />
      <RadioField
        name="sen"
        label="Does the pupil have special educational needs or a disability?"
        hint="The guidance asks whether SEN affects a young person’s understanding or capacity to consent."
        inline
        options={YES_NO}
        value={toYesNo(values.sen)}
        onChange={(v) => setValue('sen', v === 'yes')}
        error={errors.sen}
      />
      {values.sen ? <TextAreaField name="senDetails" label="SEN or disability details" rows={2} value={values.senDetails ?? ''} onChange={(v) => setValue('senDetails', v)} error={errors.senDetails} /> : null}
      <RadioField name="lookedAfter" label="Is the pupil looked after (in care)?" inline options={YES_NO} value={toYesNo(values.lookedAfter)} onChange={(v) => setValue('lookedAfter', v === 'yes')} error={errors.lookedAfter} />
      <RadioField
        name="socialCare"
        label="Is the pupil known to children’s social care?"
        hint="If children’s social care are involved with the young person now, or were before, the guidance says the DSL should contact them."
        options={SOCIAL_CARE_STATUSES.map((value) => ({ value, label: SOCIAL_CARE_LABELS[value] }))}
        value={values.socialCare}
        onChange={(v) => setValue('socialCare', v)}
        error={errors.socialCare}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={form.busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
