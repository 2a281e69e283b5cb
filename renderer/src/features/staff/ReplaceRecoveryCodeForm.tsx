import { z } from 'zod';
import { confirmingPassword } from '../../../../shared/domain/staff';
import type { RekeyOutcomeView } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useForm } from '../../components/use-form';
import { CONFIRMING_PASSWORD_LABEL, ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';

const replaceForm = z.object({ currentPassword: confirmingPassword });

/**
 * A new recovery code in place of the old one (lost, or seen by someone who should not have
 * it). The DSL confirms with their own password; the new code is shown once, as at set-up.
 */
export function ReplaceRecoveryCodeForm({ onReplaced, onCancel }: { onReplaced: (code: string, rekey: RekeyOutcomeView) => void; onCancel: () => void }) {
  const form = useForm(replaceForm, { currentPassword: '' });
  const { values, setValue, errors } = form;

  const replaceCode = useWrite('recovery.replaceCode');
  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await replaceCode({ currentPassword: parsed.currentPassword });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    onReplaced(result.value.recoveryCode, result.value.rekey);
  }

  return (
    <section aria-labelledby="replace-code-title" className="panel">
      <h2 id="replace-code-title">Replace the recovery code</h2>
      <p>
        The old code stops working at once, and the records get a new key. The new code is shown once: have somewhere safe ready to
        write or print it.
      </p>
      <ErrorSummary errors={errors} labels={{ currentPassword: CONFIRMING_PASSWORD_LABEL }} formError={form.formError} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ConfirmingPasswordField value={values.currentPassword} onChange={(v) => setValue('currentPassword', v)} error={errors.currentPassword} />
        <div className="button-group">
          <button type="submit" className="button" disabled={form.busy}>
            Replace the recovery code
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
