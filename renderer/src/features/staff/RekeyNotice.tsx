import { useState } from 'react';
import type { RekeyOutcomeView } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { CheckboxField } from '../../components/fields';

type Fresh = { fileName: string } | null;

/**
 * What a re-key means for the DSL, after a deactivation, a password reset or a new recovery
 * code (issue 16 item 6): whose accounts need a new password, and that older backups still
 * open with the passwords and recovery code they were made with; with the two things to do
 * about it (a fresh backup, then retiring the older ones). When the re-key could not run,
 * why, and "Re-key now".
 */
export function RekeyNotice({ outcome: initial }: { outcome: RekeyOutcomeView }) {
  const [outcome, setOutcome] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fresh, setFresh] = useState<Fresh>(null);
  const [confirmRetire, setConfirmRetire] = useState(false);
  const [retired, setRetired] = useState<number | null>(null);
  const rekey = useWrite('records.rekey');
  const runBackup = useWrite('backups.run');
  const retireOlder = useWrite('backups.retireOlder');

  async function rekeyNow() {
    setBusy(true);
    setError(null);
    const result = await rekey({});
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setOutcome(result.value);
  }

  async function backUpNow() {
    setBusy(true);
    setError(null);
    const result = await runBackup({});
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setFresh({ fileName: result.value.fileName });
  }

  async function retire() {
    if (!fresh) return;
    if (!confirmRetire) return setError('Tick the box to confirm that the older backups will be deleted.');
    setBusy(true);
    setError(null);
    const result = await retireOlder({ keepFrom: fresh.fileName, confirm: true });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setRetired(result.value.retired);
  }

  const errorLine = error ? (
    <p className="field-error" role="alert">
      {error}
    </p>
  ) : null;

  if (!outcome.rekeyed) {
    return (
      <section className="panel panel-warning" aria-labelledby="rekey-title">
        <h2 id="rekey-title">The records were not given a new key</h2>
        <p>{outcome.reason}</p>
        {errorLine}
        <button type="button" className="button" disabled={busy} onClick={() => void rekeyNow()}>
          Re-key now
        </button>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="rekey-title">
      <h2 id="rekey-title">The records now have a new key</h2>
      <p>Everyone who still has an account signs in as before. Old passwords and old copies of the key file no longer open the records as they are now.</p>
      {outcome.needReset.length > 0 ? (
        <p className="warning-text">
          These accounts could not be given the new key and cannot sign in until you reset their password:{' '}
          {outcome.needReset.map((m) => m.name).join(', ')}.
        </p>
      ) : null}
      {outcome.recoveryDropped ? (
        <p className="warning-text">The recovery code no longer opens the records. Replace the recovery code now (below).</p>
      ) : null}
      <h3>Older backups</h3>
      <p>
        Backups made before now still open with the passwords and the recovery code they were made with, so someone who has left can
        still open them with their old password. Make a fresh backup now, then retire the older ones.
      </p>
      {errorLine}
      {fresh === null ? (
        <button type="button" className="button" disabled={busy} onClick={() => void backUpNow()}>
          Make a fresh backup now
        </button>
      ) : retired !== null ? (
        <p role="status">
          {retired === 0 ? 'There were no older backups to delete.' : `${retired} older backup${retired === 1 ? '' : 's'} deleted.`} The fresh
          backup is the one to keep.
        </p>
      ) : (
        <>
          <p role="status">Fresh backup made: {fresh.fileName}.</p>
          <CheckboxField
            name="confirmRetire"
            label="Delete every older backup of these records from the backup folder"
            hint="They cannot be brought back. Backups kept elsewhere (another USB stick, say) must be destroyed by hand."
            checked={confirmRetire}
            onChange={setConfirmRetire}
          />
          <button type="button" className="button button-warning" disabled={busy} onClick={() => void retire()}>
            Retire older backups
          </button>
        </>
      )}
    </section>
  );
}
