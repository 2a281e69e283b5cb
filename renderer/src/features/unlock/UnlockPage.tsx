import { useState } from 'react';
import { z } from 'zod';
import { contract } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { PageHeading } from '../../components/PageHeading';
import { useForm } from '../../components/use-form';
import type { UnlockedStatus } from '../../app/session-context';
import { RecoverPasswordForm } from './RecoverPasswordForm';

const unlockForm = contract['session.unlock'].input;

export function UnlockPage({ notice, onUnlocked }: { notice?: string | undefined; onUnlocked: (status: UnlockedStatus) => void }) {
  const [mode, setMode] = useState<'unlock' | 'recover'>('unlock');
  const [message, setMessage] = useState<string | undefined>(notice);
  const form = useForm(unlockForm as z.ZodType<z.output<typeof unlockForm>, z.input<typeof unlockForm>>, { username: '', password: '' });
  const { values, setValue, errors } = form;

  if (mode === 'recover') {
    return (
      <RecoverPasswordForm
        onDone={(done, notRekeyed) => {
          setMode('unlock');
          // A re-key that could not run is said here too: a DSL can finish it with "Re-key now" on the Staff page.
          setMessage(done ? `The password has been reset. Sign in with the new password.${notRekeyed ? ` ${notRekeyed}` : ''}` : undefined);
        }}
      />
    );
  }

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await call('session.unlock', parsed);
    form.setBusy(false);
    if (!result.ok) {
      setValue('password', '');
      // The same words for an unknown user and a wrong password: nothing hints which it was.
      return form.showServerError({ ...result.error, fields: {} });
    }
    if (result.value.state === 'unlocked') onUnlocked(result.value);
  }

  return (
    <main className="narrow" id="main">
      <PageHeading caption="Safeguarding records">Sign in</PageHeading>
      {message ? (
        <div className="inset" role="status">
          {message}
        </div>
      ) : null}
      <p>The records are locked. Sign in with your own username and password; every action is recorded against your name.</p>
      <ErrorSummary errors={errors} formError={form.formError} labels={{ username: 'Username', password: 'Password' }} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField name="username" label="Username" width="medium" autoComplete="username" value={values.username} onChange={(v) => setValue('username', v)} error={errors.username} autoFocus />
        <TextField name="password" label="Password" type="password" width="medium" autoComplete="current-password" value={values.password} onChange={(v) => setValue('password', v)} error={errors.password} />
        <div className="button-group">
          <button type="submit" className="button" disabled={form.busy}>
            {form.busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button type="button" className="link-button" onClick={() => setMode('recover')}>
            Forgotten your password?
          </button>
        </div>
      </form>
    </main>
  );
}
