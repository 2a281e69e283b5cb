import { newPassword, type StaffMember } from '../../../../shared/domain/staff';
import { staffChangeReason } from '../../../../shared/domain/staff-rules';
import { rolesInWords } from '../../../../shared/domain/staff-words';
import { useWrite } from '../../api/queries';
import { withConfirmation } from '../../components/confirm-password';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField, TextField } from '../../components/fields';
import { NewPasswordField } from '../../components/NewPasswordField';
import { useForm } from '../../components/use-form';
import { useFocusOnMount } from './use-focus-on-mount';

const reactivateForm = withConfirmation({ reason: staffChangeReason, newPassword }, 'newPassword');
const LABELS = { reason: 'Reason for reactivating', newPassword: 'Temporary password', confirmPassword: 'Confirm temporary password' };

/**
 * Reactivates a deactivated account. Deactivation removed the person's key to the records,
 * so they come back with a temporary password from the DSL, to change from "Your account".
 */
export function ReactivateForm({ member, onDone, onCancel }: { member: StaffMember; onDone: () => void; onCancel: () => void }) {
  const form = useForm(reactivateForm, { reason: '', newPassword: '', confirmPassword: '' });
  const { values, setValue, errors } = form;
  const heading = useFocusOnMount<HTMLHeadingElement>();

  const reactivate = useWrite('staff.reactivate');
  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await reactivate({ staffId: member.id, reason: parsed.reason, newPassword: parsed.newPassword });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    onDone();
  }

  return (
    <section aria-labelledby="reactivate-title" className="panel">
      <h2 id="reactivate-title" tabIndex={-1} ref={heading}>
        Reactivate {member.name}&apos;s account
      </h2>
      <p>
        They will be able to sign in again as {rolesInWords(member.roles)}. Their old password no longer works: give them a
        temporary one, which they change from “Your account”.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextAreaField
          name="reason"
          label={LABELS.reason}
          hint="For example, “Returned from leave”. It is kept in the audit log."
          rows={3}
          value={values.reason ?? ''}
          onChange={(v) => setValue('reason', v)}
          error={errors.reason}
        />
        <NewPasswordField name="newPassword" label={LABELS.newPassword} value={values.newPassword ?? ''} onChange={(v) => setValue('newPassword', v)} error={errors.newPassword} userInputs={[member.name, member.username]} />
        <TextField name="confirmPassword" label={LABELS.confirmPassword} type="password" autoComplete="new-password" value={values.confirmPassword ?? ''} onChange={(v) => setValue('confirmPassword', v)} error={errors.confirmPassword} />
        <div className="button-group">
          <button type="submit" className="button" disabled={form.busy}>
            Reactivate account
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
