import { useState } from 'react';
import type { StaffMember } from '../../../../shared/domain/staff';
import type { RekeyOutcomeView } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';

export function DeactivatePanel({ member, onDone, onCancel }: { member: StaffMember; onDone: (rekey: RekeyOutcomeView) => void; onCancel: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const deactivateAccount = useWrite('staff.deactivate');
  async function deactivate() {
    setBusy(true);
    const result = await deactivateAccount({ staffId: member.id });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onDone(result.value.rekey);
  }

  return (
    <section aria-labelledby="deactivate-title" className="panel panel-warning" role="alertdialog" aria-describedby="deactivate-text">
      <h2 id="deactivate-title">Deactivate {member.name}?</h2>
      <p id="deactivate-text">
        They will no longer be able to sign in. Everything they recorded or signed keeps their name. The records then get a new key,
        so their old password opens nothing written from now on. If they return, a DSL can reactivate the account and give them a
        new password.
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="button-group">
        <button type="button" className="button button-warning" disabled={busy} onClick={() => void deactivate()} autoFocus>
          Deactivate account
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
