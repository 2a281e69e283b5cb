import { ROLE_LABELS, ROLES, type StaffMember } from '../../../../shared/domain/staff';
import { roleChangeRefusal } from '../../../../shared/domain/staff-rules';
import { contract } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { useSession } from '../../app/session-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxesField, TextAreaField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { CONFIRMING_PASSWORD_LABEL, ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';
import { useFocusOnMount } from './use-focus-on-mount';

const rolesForm = contract['staff.setRoles'].input.omit({ staffId: true });
const LABELS = { roles: 'Roles', reason: 'Reason for the change', currentPassword: CONFIRMING_PASSWORD_LABEL };
const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

/** Changes another member of staff's roles, with the reason kept in the audit log. */
export function ChangeRolesForm({
  member,
  staff,
  onDone,
  onCancel,
}: {
  member: StaffMember;
  /** Everyone, to check as the core does that an active DSL remains. */
  staff: readonly StaffMember[];
  onDone: (updated: StaffMember) => void;
  onCancel: () => void;
}) {
  const { status } = useSession();
  const form = useForm(rolesForm, { roles: member.roles, reason: '', currentPassword: '' });
  const { values, setValue, errors } = form;
  const heading = useFocusOnMount<HTMLHeadingElement>();

  const setRoles = useWrite('staff.setRoles');
  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    const otherActiveDsls = staff.filter((s) => s.active && s.id !== member.id && s.roles.includes('dsl')).length;
    const refusal = roleChangeRefusal({ actorId: status.user.id, target: member, roles: parsed.roles, otherActiveDsls });
    if (refusal) return form.setErrors({ roles: refusal });
    form.setBusy(true);
    const result = await setRoles({ staffId: member.id, ...parsed });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    onDone(result.value);
  }

  return (
    <section aria-labelledby="roles-title" className="panel">
      <h2 id="roles-title" tabIndex={-1} ref={heading}>
        Change {member.name}&apos;s roles
      </h2>
      <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <CheckboxesField
          name="roles"
          label={LABELS.roles}
          hint="Choose every role the person holds. The headteacher authorises decisions not to refer and any search of devices by staff."
          options={ROLE_OPTIONS}
          value={values.roles ?? []}
          onChange={(v) => setValue('roles', v)}
          error={errors.roles}
        />
        <TextAreaField
          name="reason"
          label={LABELS.reason}
          hint="For example, “Added with the wrong role” or “Now also the deputy DSL”. It is kept in the audit log."
          rows={3}
          value={values.reason ?? ''}
          onChange={(v) => setValue('reason', v)}
          error={errors.reason}
        />
        <ConfirmingPasswordField value={values.currentPassword ?? ''} onChange={(v) => setValue('currentPassword', v)} error={errors.currentPassword} />
        <div className="button-group">
          <button type="submit" className="button" disabled={form.busy}>
            Change roles
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
