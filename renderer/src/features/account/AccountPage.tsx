import { useState } from 'react';
import { contract } from '../../../../shared/ipc/contract';
import { ROLE_LABELS } from '../../../../shared/domain/staff';
import { useWrite } from '../../api/queries';
import { withConfirmation } from '../../components/confirm-password';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { NewPasswordField } from '../../components/NewPasswordField';
import { PageHeading } from '../../components/PageHeading';
import { useForm } from '../../components/use-form';
import { useSession } from '../../app/session-context';

const changeForm = withConfirmation(contract['account.changePassword'].input.shape, 'newPassword');

const LABELS = { currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Confirm new password' };
const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function AccountPage() {
  const { status, refresh } = useSession();
  const form = useForm(changeForm, EMPTY);
  const { values, setValue, errors } = form;
  const [changed, setChanged] = useState(false);

  const changePassword = useWrite('account.changePassword');
  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await changePassword({ currentPassword: parsed.currentPassword, newPassword: parsed.newPassword });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.setValues(EMPTY);
    setChanged(true);
    // The notice that someone else set the password goes once the core has cleared it.
    if (status.passwordSetBy) await refresh();
  }

  return (
    <>
      <PageHeading>Your account</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{status.user.name}</dd>
        </div>
        <div>
          <dt>Username</dt>
          <dd>{status.user.username}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{status.user.roles.map((r) => ROLE_LABELS[r]).join(', ')}</dd>
        </div>
      </dl>
      <section aria-labelledby="change-title" className="panel">
        <h2 id="change-title">Change your password</h2>
        {changed ? (
          <div className="inset inset-success" role="status">
            Your password has been changed. Use the new one next time you sign in.
          </div>
        ) : null}
        <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setChanged(false);
            void submit();
          }}
        >
          <TextField name="currentPassword" label={LABELS.currentPassword} type="password" width="medium" autoComplete="current-password" value={values.currentPassword} onChange={(v) => setValue('currentPassword', v)} error={errors.currentPassword} />
          <NewPasswordField name="newPassword" label={LABELS.newPassword} value={values.newPassword} onChange={(v) => setValue('newPassword', v)} error={errors.newPassword} userInputs={[status.user.name, status.user.username, status.schoolName]} />
          <TextField name="confirmPassword" label={LABELS.confirmPassword} type="password" autoComplete="new-password" value={values.confirmPassword} onChange={(v) => setValue('confirmPassword', v)} error={errors.confirmPassword} />
          <button type="submit" className="button" disabled={form.busy}>
            {form.busy ? 'Changing…' : 'Change password'}
          </button>
        </form>
      </section>
    </>
  );
}
