import { ROLE_LABELS, ROLES, type StaffMember } from '../../../../shared/domain/staff';
import { contract } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { withConfirmation } from '../../components/confirm-password';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxesField, TextField } from '../../components/fields';
import { NewPasswordField } from '../../components/NewPasswordField';
import { CONFIRMING_PASSWORD_LABEL, ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';
import { useForm } from '../../components/use-form';
import { useSession } from '../../app/session-context';

const addForm = withConfirmation(contract['staff.add'].input.shape, 'password');

const LABELS = { name: 'Full name', username: 'Username', roles: 'Roles', password: 'Password', confirmPassword: 'Confirm password', currentPassword: CONFIRMING_PASSWORD_LABEL };
const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

export function AddStaffForm({ onAdded }: { onAdded: (member: StaffMember) => void }) {
  const { status } = useSession();
  const form = useForm(addForm, { name: '', username: '', roles: [], password: '', confirmPassword: '', currentPassword: '' });
  const { values, setValue, errors } = form;

  const addStaff = useWrite('staff.add');
  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const { confirmPassword: _confirm, ...input } = parsed;
    const result = await addStaff(input);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    // Empty for the next person: nothing of this one (least of all their roles) carries over.
    form.reset();
    onAdded(result.value);
  }

  return (
    <section aria-labelledby="add-staff-title" className="panel">
      <h2 id="add-staff-title">Add a member of staff</h2>
      <p className="hint">Ask the person to type their own password here, or give them a temporary one to change from “Your account”.</p>
      <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField name="name" label={LABELS.name} value={values.name} onChange={(v) => setValue('name', v)} error={errors.name} />
        <TextField name="username" label={LABELS.username} width="medium" value={values.username} onChange={(v) => setValue('username', v)} error={errors.username} />
        <CheckboxesField
          name="roles"
          label={LABELS.roles}
          hint="Choose every role the person holds. The headteacher authorises decisions not to refer and any search of devices by staff."
          options={ROLE_OPTIONS}
          value={values.roles ?? []}
          onChange={(v) => setValue('roles', v)}
          error={errors.roles}
        />
        <NewPasswordField name="password" label={LABELS.password} value={values.password} onChange={(v) => setValue('password', v)} error={errors.password} userInputs={[values.name, values.username, status.schoolName]} />
        <TextField name="confirmPassword" label={LABELS.confirmPassword} type="password" autoComplete="new-password" value={values.confirmPassword} onChange={(v) => setValue('confirmPassword', v)} error={errors.confirmPassword} />
        <ConfirmingPasswordField value={values.currentPassword ?? ''} onChange={(v) => setValue('currentPassword', v)} error={errors.currentPassword} />
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? 'Adding…' : 'Add member of staff'}
        </button>
      </form>
    </section>
  );
}
