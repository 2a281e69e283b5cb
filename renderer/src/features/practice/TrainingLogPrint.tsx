import { useState } from 'react';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';

/** Saves the training log as a PDF for the school's training records (made by the core, like every printed document). */
export function TrainingLogPrint() {
  const print = useWrite('practice.logPdf');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    setSaved(null);
    const answer = await print({});
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message);
    if (answer.value.saved) setSaved(answer.value.fileName);
  }

  return (
    <div>
      <ErrorSummary errors={{}} formError={error} />
      <button type="button" className="button" disabled={busy} onClick={() => void run()}>
        Save the training log as a PDF
      </button>
      <p role="status">{saved ? `Saved ${saved} for the school’s training records.` : null}</p>
    </div>
  );
}
