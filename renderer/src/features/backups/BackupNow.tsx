import { useState } from 'react';
import { formatDateTime } from '../../../../shared/domain/dates';
import type { BackupRunResult } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formatBytes } from './format';

/** "Back up now", with a progress bar while the copy is made and checked, then what happened. */
export function BackupNow() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BackupRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runBackup = useWrite('backups.run');

  async function run() {
    setBusy(true);
    setResult(null);
    setError(null);
    const answer = await runBackup({});
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message);
    setResult(answer.value);
  }

  const removed = result?.removed.length ?? 0;
  return (
    <section className="panel" aria-labelledby="now-title">
      <h2 id="now-title">Back up now</h2>
      <ErrorSummary errors={{}} formError={error} />
      <button type="button" className="button" disabled={busy} onClick={() => void run()}>
        Back up now
      </button>
      <div className="backup-progress" role="status">
        {busy ? (
          <>
            <progress className="backup-progress-bar" aria-label="Backing up" />
            <span>Backing up the records and checking the copy…</span>
          </>
        ) : null}
        {result ? (
          <span className="inset inset-success">
            Backed up at {formatDateTime(result.createdAt)}: {result.fileName} ({formatBytes(result.bytes)}), checked against the records.
            {removed > 0 ? ` ${removed} older backup${removed === 1 ? ' was' : 's were'} removed.` : ''}
          </span>
        ) : null}
      </div>
    </section>
  );
}
