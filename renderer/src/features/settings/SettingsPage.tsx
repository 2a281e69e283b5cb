import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { LOCK_MINUTES_MAX, LOCK_MINUTES_MIN } from '../../../../shared/domain/settings';
import { contract } from '../../../../shared/ipc/contract';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead, useWrite } from '../../api/queries';
import { useForm } from '../../components/use-form';
import { useSession } from '../../app/session-context';
import { useCan } from '../../app/use-can';
import { DraftRetentionSection } from './DraftRetentionForm';
import { RetentionRuleSection } from './RetentionRuleForm';
import { SchoolDetailsForm } from './SchoolDetailsForm';

// The field holds text; the contract's number rule applies once it is converted.
const settingsForm = z.object({ lockMinutes: z.string().trim().min(1, 'Enter a number of minutes') });

function LockTimeoutForm({ initial }: { initial: number }) {
  const { refresh } = useSession();
  const form = useForm(settingsForm, { lockMinutes: String(initial) });
  const [saved, setSaved] = useState(false);

  const updateSettings = useWrite('settings.update');
  async function submit() {
    setSaved(false);
    const parsed = form.validate();
    if (!parsed) return;
    const checked = contract['settings.update'].input.safeParse({ lockMinutes: Number(parsed.lockMinutes) });
    if (!checked.success) {
      return form.setErrors({ lockMinutes: `Enter a whole number from ${LOCK_MINUTES_MIN} to ${LOCK_MINUTES_MAX}` });
    }
    form.setBusy(true);
    const result = await updateSettings(checked.data);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    setSaved(true);
    await refresh();
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {saved ? (
        <div className="inset inset-success" role="status">
          Saved. The records now lock after {form.values.lockMinutes} minutes without use.
        </div>
      ) : null}
      <ErrorSummary errors={form.errors} labels={{ lockMinutes: 'Lock after' }} formError={form.formError} />
      <TextField
        name="lockMinutes"
        label="Lock after this many minutes without use"
        hint={`From ${LOCK_MINUTES_MIN} to ${LOCK_MINUTES_MAX}. The records also lock at once when the computer's screen is locked or it goes to sleep.`}
        width="short"
        inputMode="numeric"
        value={form.values.lockMinutes}
        onChange={(v) => form.setValue('lockMinutes', v)}
        error={form.errors.lockMinutes}
      />
      <button type="submit" className="button" disabled={form.busy}>
        Save
      </button>
    </form>
  );
}

export function SettingsPage() {
  const canChange = useCan('settings.update');
  const loaded = useRead('settings.get', {});
  if (!canChange) {
    return (
      <>
        <PageHeading>Settings</PageHeading>
        <p>Only a Designated Safeguarding Lead can change settings.</p>
      </>
    );
  }
  return (
    <>
      <PageHeading>Settings</PageHeading>
      <LoadState loaded={loaded}>
        {(settings) => (
          <>
            <section className="panel" aria-labelledby="school-title">
              <h2 id="school-title">School</h2>
              <SchoolDetailsForm initial={settings} />
            </section>
            <section className="panel" aria-labelledby="lock-title">
              <h2 id="lock-title">Automatic lock</h2>
              <LockTimeoutForm initial={settings.lockMinutes} />
            </section>
            <DraftRetentionSection />
            <RetentionRuleSection />
            <section className="panel" aria-labelledby="backups-title">
              <h2 id="backups-title">Backups</h2>
              <p>
                Choose where backups are kept, back up now, or restore a backup: <Link to="/backups">Backups</Link>.
              </p>
            </section>
          </>
        )}
      </LoadState>
    </>
  );
}
