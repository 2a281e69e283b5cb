import { useState } from 'react';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';

/** Saves the one-page staff summary as a PDF (made by the main process, like every printed document). */
export function StaffSummaryPrint() {
  const print = useWrite('help.staffSummaryPdf');
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
        Save the staff summary as a PDF
      </button>
      <p role="status">{saved ? `Saved ${saved}: one page to print for every member of staff.` : null}</p>
    </div>
  );
}
