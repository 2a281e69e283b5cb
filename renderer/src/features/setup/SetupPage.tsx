import { contract, type SessionStatus } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { withConfirmation } from '../../components/confirm-password';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, TextField } from '../../components/fields';
import { NewPasswordField } from '../../components/NewPasswordField';
import { PageHeading } from '../../components/PageHeading';
import { useForm } from '../../components/use-form';
import type { UnlockedStatus } from '../../app/session-context';

const setupForm = withConfirmation(contract['setup.create'].input.shape, 'password');

const LABELS = {
  schoolName: 'School name',
  schoolUrn: 'URN',
  dslName: 'Your full name',
  username: 'Username',
  password: 'Password',
  confirmPassword: 'Confirm password',
};

export function SetupPage({ onCreated }: { onCreated: (recoveryCode: string, status: UnlockedStatus) => void }) {
  const form = useForm(setupForm, {
    schoolName: '',
    schoolUrn: '',
    dslName: '',
    alsoHead: false,
    username: '',
    password: '',
    confirmPassword: '',
  });
  const { values, setValue, errors } = form;

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const { confirmPassword: _confirm, ...input } = parsed;
    const result = await call('setup.create', input);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    const status: SessionStatus = result.value.status;
    if (status.state === 'unlocked') onCreated(result.value.recoveryCode, status);
  }

  return (
    <main className="narrow" id="main">
      <PageHeading caption="First-time set-up">Set up the safeguarding records</PageHeading>
      <p className="lead">
        These records are encrypted on this computer. You will be the first Designated Safeguarding Lead (DSL) and can add the
        headteacher and deputies afterwards.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2>Your school</h2>
        <TextField name="schoolName" label={LABELS.schoolName} value={values.schoolName} onChange={(v) => setValue('schoolName', v)} error={errors.schoolName} autoFocus />
        <TextField
          name="schoolUrn"
          label="URN (optional)"
          hint="The 6-digit unique reference number from Get Information about Schools."
          width="short"
          inputMode="numeric"
          value={values.schoolUrn ?? ''}
          onChange={(v) => setValue('schoolUrn', v)}
          error={errors.schoolUrn}
        />
        <h2>Your account</h2>
        <TextField name="dslName" label={LABELS.dslName} autoComplete="name" value={values.dslName} onChange={(v) => setValue('dslName', v)} error={errors.dslName} />
        <CheckboxField
          name="alsoHead"
          label="I am also the headteacher"
          hint="In a small school one person can be both. The headteacher authorises decisions not to refer and any search of devices by staff."
          checked={values.alsoHead ?? false}
          onChange={(v) => setValue('alsoHead', v)}
        />
        <TextField
          name="username"
          label={LABELS.username}
          hint="Letters, numbers, dots, hyphens or underscores, for example m.thistlewood."
          width="medium"
          autoComplete="username"
          value={values.username}
          onChange={(v) => setValue('username', v)}
          error={errors.username}
        />
        <NewPasswordField
          name="password"
          label={LABELS.password}
          value={values.password}
          onChange={(v) => setValue('password', v)}
          error={errors.password}
          userInputs={[values.schoolName, values.dslName, values.username]}
        />
        <TextField
          name="confirmPassword"
          label={LABELS.confirmPassword}
          type="password"
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={(v) => setValue('confirmPassword', v)}
          error={errors.confirmPassword}
        />
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? 'Setting up… (this takes a few seconds)' : 'Set up the records'}
        </button>
      </form>
    </main>
  );
}
