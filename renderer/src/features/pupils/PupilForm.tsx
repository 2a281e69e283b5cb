import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, schoolToday } from '../../../../shared/domain/dates';
import { dateOfBirthError } from '../../../../shared/domain/impossible-dates';
import { pupilFullName, pupilInput, SEX_LABELS, SEXES, SOCIAL_CARE_LABELS, SOCIAL_CARE_STATUSES, YEAR_GROUPS, yearGroupLabel, type Pupil } from '../../../../shared/domain/pupils';
import type { PupilSummary } from '../../../../shared/ipc/contract';
import { useQueryClient } from '@tanstack/react-query';
import { readKey, readOrThrow, useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { liveErrors, withLiveErrors } from '../../components/live-errors';

/** Field names in the order they appear, for the error summary. */
const LABELS = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  yearGroup: 'Year group',
  sen: 'Special educational needs or disability',
  senDetails: 'SEN or disability details',
  lookedAfter: 'Looked after',
  socialCare: 'Known to children’s social care',
  upn: 'Unique pupil number (UPN)',
};

type YesNo = 'yes' | 'no';
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const satisfies readonly { value: YesNo; label: string }[];
/** A yes/no question stays unanswered (undefined) until a radio is chosen, so the schema's "Say whether…" shows. */
const toYesNo = (value: boolean | undefined): YesNo | undefined => (value === undefined ? undefined : value ? 'yes' : 'no');

const YEAR_OPTIONS = YEAR_GROUPS.map((value) => ({ value, label: yearGroupLabel(value) }));
const SEX_OPTIONS = SEXES.map((value) => ({ value, label: SEX_LABELS[value] }));
const SOCIAL_CARE_OPTIONS = SOCIAL_CARE_STATUSES.map((value) => ({ value, label: SOCIAL_CARE_LABELS[value] }));

/**
 * Adds a pupil to the register (`initial` absent) or changes their details. Checked with
 * the core's own schema; a second pupil with the same name and date of birth is refused.
 */
export function PupilForm({
  initial,
  prefill,
  submitLabel,
  onSaved,
  onCancel,
  onChooseExisting,
}: {
  initial?: Pupil;
  /** What was typed into the picker, to start a new pupil's name. */
  prefill?: { firstName: string; lastName: string };
  submitLabel: string;
  onSaved: (pupil: Pupil) => void;
  onCancel?: () => void;
  /** When the register already holds this pupil, offer to choose them (the picker); otherwise a link to their page. */
  onChooseExisting?: (pupil: PupilSummary) => void;
}) {
  const form = useForm(pupilInput, {
    firstName: initial?.firstName ?? prefill?.firstName ?? '',
    lastName: initial?.lastName ?? prefill?.lastName ?? '',
    dateOfBirth: initial?.dateOfBirth ?? '',
    senDetails: initial?.senDetails ?? '',
    upn: initial?.upn ?? '',
    ...(initial ? { sex: initial.sex, yearGroup: initial.yearGroup, sen: initial.sen, lookedAfter: initial.lookedAfter, socialCare: initial.socialCare } : {}),
  });
  const { values, setValue } = form;
  // Checked as it is typed, on the school's clock, as the core checks it: no "age -1".
  const live = { dateOfBirth: dateOfBirthError(values.dateOfBirth ?? '', schoolToday()) };
  const errors = withLiveErrors(form.errors, live);
  const [existing, setExisting] = useState<PupilSummary | null>(null);
  const client = useQueryClient();

  /** After a refusal as a duplicate, finds the pupil already registered so the person can go to them. */
  async function findExisting(input: { firstName: string; lastName: string; dateOfBirth: string }) {
    const search = { query: pupilFullName(input), limit: 50 };
    // Through the cache, so the lock that empties it takes this answer too; a failed search just offers no link.
    const found = await client.fetchQuery({ queryKey: readKey('pupils.search', search), queryFn: () => readOrThrow('pupils.search', search) }).catch(() => null);
    if (!found) return;
    const same = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'accent' }) === 0;
    const match = found.find((p) => p.dateOfBirth === input.dateOfBirth && same(p.firstName, input.firstName) && same(p.lastName, input.lastName));
    setExisting(match ?? null);
  }

  const createPupil = useWrite('pupils.create');
  const updatePupil = useWrite('pupils.update');
  async function submit() {
    // Details typed before "No" was chosen are not kept.
    const parsed = form.validate(values.sen === true ? undefined : { senDetails: '' });
    const impossible = liveErrors(live);
    if (Object.keys(impossible).length > 0) return form.setErrors((shown) => ({ ...(parsed ? {} : shown), ...impossible }));
    if (!parsed) return;
    form.setBusy(true);
    setExisting(null);
    const result = initial ? await updatePupil({ ...parsed, pupilId: initial.id }) : await createPupil(parsed);
    form.setBusy(false);
    if (!result.ok) {
      form.showServerError(result.error);
      if (result.error.code === 'conflict') await findExisting(parsed);
      return;
    }
    form.saved();
    onSaved(result.value);
  }

  return (
    <form
      noValidate
      className="form-narrow"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={form.errors} labels={LABELS} formError={form.formError} />
      {existing ? (
        <div className="inset">
          <p>
            {pupilFullName(existing)} — {yearGroupLabel(existing.yearGroup)}, born {formatDate(existing.dateOfBirth)} — is already on the register.
          </p>
          {onChooseExisting ? (
            <button type="button" className="button button-secondary" onClick={() => onChooseExisting(existing)}>
              Choose {pupilFullName(existing)} instead
            </button>
          ) : (
            // The typing describes a pupil already registered: going to them loses nothing, so no question.
            <Link to={`/pupils/${existing.id}`} onClick={() => form.saved()}>
              Open {pupilFullName(existing)}’s record
            </Link>
          )}
        </div>
      ) : null}
      <TextField name="firstName" label={LABELS.firstName} width="medium" value={values.firstName} onChange={(v) => setValue('firstName', v)} error={errors.firstName} />
      <TextField name="lastName" label={LABELS.lastName} width="medium" value={values.lastName} onChange={(v) => setValue('lastName', v)} error={errors.lastName} />
      <TextField
        name="dateOfBirth"
        label={LABELS.dateOfBirth}
        hint="The app works out each pupil’s age on the date of the imagery from this."
        type="date"
        width="medium"
        value={values.dateOfBirth}
        onChange={(v) => setValue('dateOfBirth', v)}
        error={errors.dateOfBirth}
      />
      <RadioField name="sex" label={LABELS.sex} inline options={SEX_OPTIONS} value={values.sex} onChange={(v) => setValue('sex', v)} error={errors.sex} />
      <SelectField
        name="yearGroup"
        label={LABELS.yearGroup}
        options={YEAR_OPTIONS}
        value={values.yearGroup ?? ''}
        onChange={(v) => setValue('yearGroup', YEAR_GROUPS.find((group) => group === v))}
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
      {values.sen === true ? (
        <TextAreaField
          name="senDetails"
          label={LABELS.senDetails}
          hint="For example, what the need is and whether it affects their understanding."
          rows={3}
          value={values.senDetails ?? ''}
          onChange={(v) => setValue('senDetails', v)}
          error={errors.senDetails}
        />
      ) : null}
      <RadioField
        name="lookedAfter"
        label="Is the pupil looked after (in the care of the local authority)?"
        inline
        options={YES_NO}
        value={toYesNo(values.lookedAfter)}
        onChange={(v) => setValue('lookedAfter', v === 'yes')}
        error={errors.lookedAfter}
      />
      <RadioField
        name="socialCare"
        label="Is the pupil known to children’s social care?"
        hint="If children’s social care are involved with the young person now, or were before, the guidance asks the DSL to contact them."
        options={SOCIAL_CARE_OPTIONS}
        value={values.socialCare}
        onChange={(v) => setValue('socialCare', v)}
        error={errors.socialCare}
      />
      <TextField
        name="upn"
        label={LABELS.upn}
        hint="Optional. 13 characters, from the school’s MIS; a receiving school or agency may ask for it."
        width="medium"
        value={values.upn ?? ''}
        onChange={(v) => setValue('upn', v)}
        error={errors.upn}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? 'Saving…' : submitLabel}
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
