import { contract, type SessionStatus } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, TextField } from '../../components/fields';
import { newPasswordLabels, withRetypedPassword } from '../../components/new-password';
import { NewPasswordPair } from '../../components/NewPasswordPair';
import { PageHeading } from '../../components/PageHeading';
import { useForm } from '../../components/use-form';
import type { UnlockedStatus } from '../../app/session-context';

const setupForm = withRetypedPassword(contract['setup.create'].input.shape, 'password');

const LABELS = {
  schoolName: 'School name',
  schoolUrn: 'URN',
  dslName: 'Your full name',
  username: 'Username',
  ...newPasswordLabels('password', 'account'),
};

export function SetupPage({ onCreated }: { onCreated: (recoveryCode: string, status: UnlockedStatus) => void }) {
  const form = useForm(setupForm, {
    schoolName: '',
    schoolUrn: '',
    dslName: '',
    alsoHead: false,
    username: '',
    password: '',
    retypedPassword: '',
  });
  const { values, setValue, errors } = form;

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const { retypedPassword: _retyped, ...input } = parsed;
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
        <NewPasswordPair
          name="password"
          purpose="account"
          value={values.password}
          retyped={values.retypedPassword}
          onChange={(v) => setValue('password', v)}
          onRetypedChange={(v) => setValue('retypedPassword', v)}
          errors={errors}
          userInputs={[values.schoolName, values.dslName, values.username]}
        />
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? 'Setting up… (this takes a few seconds)' : 'Set up the records'}
        </button>
      </form>
    </main>
  );
}
