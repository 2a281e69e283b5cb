import { useState } from 'react';
import { useWrite } from '../api/queries';
import { ErrorSummary } from './ErrorSummary';

/** The printed documents that hold no record and need no password again: only where to save them. */
type PlainPdfChannel = 'help.staffSummaryPdf' | 'practice.logPdf';

/**
 * One button that has the core make a PDF and save it where the person chooses (the save
 * dialog), then says in words where it went; a cancelled dialog says nothing.
 */
export function SavePdfButton({ channel, label, savedWords }: { channel: PlainPdfChannel; label: string; savedWords: (fileName: string) => string }) {
  const print = useWrite(channel);
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
        {label}
      </button>
      <p role="status">{saved ? savedWords(saved) : null}</p>
    </div>
  );
}
