import { useEffect, useRef } from 'react';
import { z } from 'zod';
import { formatDateTime } from '../../../../shared/domain/dates';
import { confirmingPassword } from '../../../../shared/domain/staff';
import type { BackupFile } from '../../../../shared/ipc/contract';
import { useSession } from '../../app/session-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldId, TextField } from '../../components/fields';
import { useRead, useWrite } from '../../api/queries';
import { useForm } from '../../components/use-form';
import { CONFIRMING_PASSWORD_LABEL, ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';
import { folderName } from './format';

const restoreForm = z.object({
  username: z.string().trim().min(1, 'Enter your username'),
  password: z.string().min(1, 'Enter your password'),
  currentPassword: confirmingPassword,
  confirm: z.boolean().refine((ticked) => ticked, 'Tick the box to confirm that the records will be replaced'),
});

/**
 * The confirmation step before a backup replaces the records: what will happen in plain
 * words, the DSL's username and password again, and a tick.
 */
export function RestoreForm({ backup, onCancel }: { backup: BackupFile; onCancel: () => void }) {
  const { lock } = useSession();
  const info = useRead('app.info', {});
  const form = useForm(restoreForm, { username: '', password: '', currentPassword: '', confirm: false });
  const made = formatDateTime(backup.createdAt);
  const dataFolder = info.state === 'ready' ? info.value.dataDir : null;
  const replacedName = `${dataFolder ? folderName(dataFolder) : 'data'}-replaced-`;
  // The step replaces the list on the same page: the heading takes focus, as a new page's would.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const restore = useWrite('backups.restoreLive');
  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await restore({ file: backup.fileName, username: parsed.username, password: parsed.password, confirm: true, currentPassword: parsed.currentPassword });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    // The app is locked now: the unlock screen asks for the sign-in of the restored records.
    await lock();
  }

  return (
    <>
      <h2 tabIndex={-1} ref={heading}>
        Restore the backup made {made}
      </h2>
      <div className="warning-text">
        <p>
          The records will be replaced by this backup: anything recorded since {made} will not be in them.
        </p>
        <p>
          The records as they are now will be kept, not deleted, in a folder named <strong>{replacedName}</strong> followed by
          today’s date and time, beside the data folder{dataFolder ? <> (<code>{dataFolder}</code>)</> : null}.
        </p>
        <p>The app will then lock, and you sign in again with the username and password you had when the backup was made.</p>
      </div>
      <form
        noValidate
        aria-label="Restore this backup"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ErrorSummary errors={form.errors} labels={{ username: 'Username', password: 'Password', currentPassword: CONFIRMING_PASSWORD_LABEL, confirm: 'Confirm' }} formError={form.formError} />
        <TextField
          name="username"
          label="Your username"
          hint="As it was when the backup was made."
          width="medium"
          autoComplete="username"
          value={form.values.username}
          onChange={(v) => form.setValue('username', v)}
          error={form.errors.username}
        />
        <TextField
          name="password"
          label="Your password"
          hint="As it was when the backup was made."
          type="password"
          width="medium"
          autoComplete="off"
          value={form.values.password}
          onChange={(v) => form.setValue('password', v)}
          error={form.errors.password}
        />
        {/* The backup's credentials may be anyone's, as they were then; this one is the DSL signed in now. */}
        <ConfirmingPasswordField value={form.values.currentPassword} onChange={(v) => form.setValue('currentPassword', v)} error={form.errors.currentPassword} />
        <div className={`form-group${form.errors.confirm ? ' form-group-error' : ''}`}>
          {form.errors.confirm ? (
            <p className="field-error" id={`${fieldId('confirm')}-error`}>
              <span className="visually-hidden">Error:</span> {form.errors.confirm}
            </p>
          ) : null}
          <div className="checkbox">
            <input
              id={fieldId('confirm')}
              type="checkbox"
              checked={form.values.confirm === true}
              aria-describedby={form.errors.confirm ? `${fieldId('confirm')}-error` : undefined}
              onChange={(event) => form.setValue('confirm', event.target.checked)}
            />
            <label htmlFor={fieldId('confirm')}>I understand that the records will be replaced by the backup made {made}</label>
          </div>
        </div>
        <div className="backup-actions">
          <button type="submit" className="button button-warning" disabled={form.busy}>
            Restore this backup
          </button>
          <button type="button" className="button button-secondary" disabled={form.busy} onClick={onCancel}>
            Cancel
          </button>
        </div>
        <div className="backup-progress" role="status">
          {form.busy ? (
            <>
              <progress className="backup-progress-bar" aria-label="Restoring" />
              <span>Restoring the backup and checking every table…</span>
            </>
          ) : null}
        </div>
      </form>
    </>
  );
}
