import { contract } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { newPasswordLabels, withRetypedPassword } from '../../components/new-password';
import { NewPasswordPair } from '../../components/NewPasswordPair';
import { PageHeading } from '../../components/PageHeading';
import { useForm } from '../../components/use-form';

const recoverForm = withRetypedPassword(contract['recovery.resetPassword'].input.shape, 'newPassword');

const LABELS = { recoveryCode: 'Recovery code', username: 'Username', ...newPasswordLabels('newPassword', 'replacement') };

export function RecoverPasswordForm({ onDone }: { onDone: (reset: boolean, notRekeyed?: string) => void }) {
  const form = useForm(recoverForm, { recoveryCode: '', username: '', newPassword: '', retypedPassword: '' });
  const { values, setValue, errors } = form;

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const { retypedPassword: _retyped, ...input } = parsed;
    const result = await call('recovery.resetPassword', input);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    onDone(true, result.value.rekey.rekeyed ? undefined : result.value.rekey.reason);
  }

  return (
    <main className="narrow" id="main">
      <PageHeading caption="Safeguarding records">Reset a password with the recovery code</PageHeading>
      <p>
        Use the recovery code printed when the records were set up (it is usually kept in the school safe). Any DSL can also reset
        a colleague&apos;s password from the Staff page without it.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField name="recoveryCode" label={LABELS.recoveryCode} hint="28 letters and numbers in 7 groups, for example ABCD-EFGH-…. Dashes and spaces are optional." value={values.recoveryCode} onChange={(v) => setValue('recoveryCode', v)} error={errors.recoveryCode} autoFocus />
        <TextField name="username" label={LABELS.username} hint="The account whose password should be reset." width="medium" value={values.username} onChange={(v) => setValue('username', v)} error={errors.username} />
        <NewPasswordPair
          name="newPassword"
          purpose="replacement"
          value={values.newPassword}
          retyped={values.retypedPassword}
          onChange={(v) => setValue('newPassword', v)}
          onRetypedChange={(v) => setValue('retypedPassword', v)}
          errors={errors}
          userInputs={[values.username]}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={form.busy}>
            {form.busy ? 'Resetting…' : 'Reset password'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
            Back to sign in
          </button>
        </div>
      </form>
    </main>
  );
}
