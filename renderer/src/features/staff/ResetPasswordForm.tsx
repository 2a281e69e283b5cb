import { confirmingPassword, newPassword, type StaffMember } from '../../../../shared/domain/staff';
import type { RekeyOutcomeView } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { withConfirmation } from '../../components/confirm-password';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { NewPasswordField } from '../../components/NewPasswordField';
import { useForm } from '../../components/use-form';
import { CONFIRMING_PASSWORD_LABEL, ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';

const resetForm = withConfirmation({ newPassword, currentPassword: confirmingPassword }, 'newPassword');

export function ResetPasswordForm({ member, onDone, onCancel }: { member: StaffMember; onDone: (rekey: RekeyOutcomeView) => void; onCancel: () => void }) {
  const form = useForm(resetForm, { newPassword: '', confirmPassword: '', currentPassword: '' });
  const { values, setValue, errors } = form;

  const resetPassword = useWrite('staff.resetPassword');
  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await resetPassword({ staffId: member.id, newPassword: parsed.newPassword, currentPassword: parsed.currentPassword });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    onDone(result.value.rekey);
  }

  return (
    <section aria-labelledby="reset-title" className="panel">
      <h2 id="reset-title">Reset {member.name}&apos;s password</h2>
      <ErrorSummary errors={errors} labels={{ newPassword: 'New password', confirmPassword: 'Confirm new password', currentPassword: CONFIRMING_PASSWORD_LABEL }} formError={form.formError} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <NewPasswordField name="newPassword" label="New password" value={values.newPassword} onChange={(v) => setValue('newPassword', v)} error={errors.newPassword} userInputs={[member.name, member.username]} />
        <TextField name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" value={values.confirmPassword} onChange={(v) => setValue('confirmPassword', v)} error={errors.confirmPassword} />
        <ConfirmingPasswordField value={values.currentPassword} onChange={(v) => setValue('currentPassword', v)} error={errors.currentPassword} />
        <div className="button-group">
          <button type="submit" className="button" disabled={form.busy}>
            Reset password
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
