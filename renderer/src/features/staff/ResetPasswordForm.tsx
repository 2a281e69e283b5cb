import { confirmingPassword, newPassword, type StaffMember } from '../../../../shared/domain/staff';
import type { RekeyOutcomeView } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { newPasswordLabels, withRetypedPassword } from '../../components/new-password';
import { NewPasswordPair } from '../../components/NewPasswordPair';
import { useForm } from '../../components/use-form';
import { CONFIRMING_PASSWORD_LABEL, ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';

const LABELS = { ...newPasswordLabels('newPassword', 'replacement'), currentPassword: CONFIRMING_PASSWORD_LABEL };
const resetForm = withRetypedPassword({ newPassword, currentPassword: confirmingPassword }, 'newPassword');

export function ResetPasswordForm({ member, onDone, onCancel }: { member: StaffMember; onDone: (rekey: RekeyOutcomeView) => void; onCancel: () => void }) {
  const form = useForm(resetForm, { newPassword: '', retypedPassword: '', currentPassword: '' });
  const { values, setValue, errors } = form;
  const reset = useWrite('staff.resetPassword');

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await reset({ staffId: member.id, newPassword: parsed.newPassword, currentPassword: parsed.currentPassword });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    onDone(result.value.rekey);
  }

  return (
    <section aria-labelledby="reset-title" className="panel">
      <h2 id="reset-title">Reset {member.name}&apos;s password</h2>
      <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <NewPasswordPair
          name="newPassword"
          purpose="replacement"
          value={values.newPassword}
          retyped={values.retypedPassword}
          onChange={(v) => setValue('newPassword', v)}
          onRetypedChange={(v) => setValue('retypedPassword', v)}
          errors={errors}
          userInputs={[member.name, member.username]}
        />
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
