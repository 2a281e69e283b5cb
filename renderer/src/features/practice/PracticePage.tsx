import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { Link } from 'react-router';
import { confirmingPassword } from '../../../../shared/domain/staff';
import { PRACTICE_MARK } from '../../../../shared/domain/practice';
import { useWrite } from '../../api/queries';
import { useSession } from '../../app/session-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { useForm } from '../../components/use-form';
import { CONFIRMING_PASSWORD_LABEL, ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';
import { usePracticeMode } from './use-practice-mode';

/** Where the practice scenarios live (their own part of issue 22). */
const PRACTICE_SCENARIOS_PATH = '/practice/scenarios';

/**
 * After switching: another folder of records altogether, so nothing read before may show. The
 * home page of the records now in use, as after signing in (the app remounts on `practice`).
 */
function useSwitched() {
  const queryClient = useQueryClient();
  const { refresh } = useSession();
  return async () => {
    window.history.replaceState(null, '', '#/');
    queryClient.clear();
    await refresh();
  };
}

const openForm = z.object({ currentPassword: confirmingPassword });

function OpenPractice() {
  const form = useForm(openForm, { currentPassword: '' });
  const open = useWrite('practice.open');
  const switched = useSwitched();

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await open(parsed);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    await switched();
  }

  return (
    <section className="panel" aria-labelledby="open-practice-title">
      <h2 id="open-practice-title">Open practice mode</h2>
      <ErrorSummary errors={form.errors} labels={{ currentPassword: CONFIRMING_PASSWORD_LABEL }} formError={form.formError} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ConfirmingPasswordField value={form.values.currentPassword} onChange={(v) => form.setValue('currentPassword', v)} error={form.errors.currentPassword} />
        <button type="submit" className="button" disabled={form.busy}>
          Open practice mode
        </button>
      </form>
    </section>
  );
}

function ReturnToRecords() {
  const close = useWrite('practice.close');
  const switched = useSwitched();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function leave() {
    setBusy(true);
    const result = await close({});
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    await switched();
  }

  return (
    <section className="panel" aria-labelledby="return-title">
      <h2 id="return-title">Return to the real records</h2>
      {error ? (
        <p className="error-summary" role="alert">
          {error}
        </p>
      ) : null}
      <p>You go back to the school’s records where you left them, without signing in again. What you made here stays in the practice records for next time.</p>
      <button type="button" className="button" disabled={busy} onClick={() => void leave()}>
        Return to the real records
      </button>
    </section>
  );
}

/** What practice mode is, and the way in and out of it. */
export function PracticePage() {
  const practising = usePracticeMode();
  return (
    <>
      <PageHeading>Practice</PageHeading>
      <p>
        Practice mode opens a separate set of records, marked “{PRACTICE_MARK}” on every screen and on every page it prints, so you can try
        every step of the app — recording an incident, the initial review, the decision, printing — before a real one arrives. In
        practice you can do everything a Designated Safeguarding Lead can.
      </p>
      <ul>
        <li>Nothing in practice is real: use made-up names only, never a real pupil’s.</li>
        <li>Practice records are kept in their own folder beside the school’s. They are never backed up, and the school’s search, lists and audit log never show them.</li>
        <li>The school’s audit log notes only that you opened and closed practice mode.</li>
        <li>Locking the app locks both; signing in again opens the real records.</li>
      </ul>
      <p>
        The guidance’s own training exercise (UKCCIS 2016, Annex F) gives case studies to work through:{' '}
        <Link to={PRACTICE_SCENARIOS_PATH}>practice scenarios</Link>.
      </p>
      {practising ? <ReturnToRecords /> : <OpenPractice />}
    </>
  );
}
