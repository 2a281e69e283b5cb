import { contract } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { withConfirmation } from '../../components/confirm-password';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { NewPasswordField } from '../../components/NewPasswordField';
import { PageHeading } from '../../components/PageHeading';
import { useForm } from '../../components/use-form';

const recoverForm = withConfirmation(contract['recovery.resetPassword'].input.shape, 'newPassword');

const LABELS = { recoveryCode: 'Recovery code', username: 'Username', newPassword: 'New password', confirmPassword: 'Confirm new password' };

export function RecoverPasswordForm({ onDone }: { onDone: (reset: boolean, notRekeyed?: string) => void }) {
  const form = useForm(recoverForm, { recoveryCode: '', username: '', newPassword: '', confirmPassword: '' });
  const { values, setValue, errors } = form;

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const { confirmPassword: _confirm, ...input } = parsed;
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
        <NewPasswordField name="newPassword" label={LABELS.newPassword} value={values.newPassword} onChange={(v) => setValue('newPassword', v)} error={errors.newPassword} userInputs={[values.username]} />
        <TextField name="confirmPassword" label={LABELS.confirmPassword} type="password" autoComplete="new-password" value={values.confirmPassword} onChange={(v) => setValue('confirmPassword', v)} error={errors.confirmPassword} />
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
