import { useState } from 'react';
import { meaningsFor } from '../../../../shared/domain/entries/kinds';
import { SIGNATURE_MEANINGS, type SignatureMeaning } from '../../../../shared/domain/signatures';
import type { EntryVersion } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField, TextField } from '../../components/fields';
import { useSession } from '../../app/session-context';
import type { AwaitedSignature } from './signature-state';

/**
 * Signing is a fresh proof of identity: the signer types their own username and password,
 * so the headteacher can sign at the DSL's desk without the DSL signing out.
 */
export function SignPanel({
  entry,
  suggested,
  onSigned,
  onCancel,
}: {
  entry: EntryVersion;
  suggested: AwaitedSignature | undefined;
  onSigned: () => void;
  onCancel: () => void;
}) {
  const { status } = useSession();
  const meanings = meaningsFor(entry.kind, entry.body);
  const [meaning, setMeaning] = useState<SignatureMeaning | undefined>(suggested?.meaning ?? (meanings.length === 1 ? meanings[0] : undefined));
  const [username, setUsername] = useState(status.user.username);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signEntry = useWrite('entries.sign');
  async function sign() {
    const next: Record<string, string> = {};
    if (!meaning) next.meaning = 'Choose what your signature means';
    if (username.trim() === '') next.username = 'Enter the signer’s username';
    if (password === '') next.password = 'Enter the signer’s password';
    setErrors(next);
    setFormError(null);
    if (!meaning || Object.keys(next).length > 0) return;
    setBusy(true);
    const result = await signEntry({ entryId: entry.id, meaning, username, password });
    setBusy(false);
    setPassword('');
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setFormError(result.error.fields ? null : result.error.message);
      return;
    }
    onSigned();
  }

  return (
    <section className="panel sign-panel" aria-labelledby={`sign-${entry.id}`}>
      <h4 id={`sign-${entry.id}`}>Sign version {entry.version}</h4>
      <p className="hint">
        Your signature records your name, role, the time and a fingerprint of this exact version. If this version is later amended,
        your signature stays with this version.
      </p>
      <ErrorSummary errors={errors} formError={formError} labels={{ meaning: 'Meaning', username: 'Username', password: 'Password' }} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void sign();
        }}
      >
        <RadioField
          name="meaning"
          label="What does your signature mean?"
          options={meanings.map((value) => ({ value, label: SIGNATURE_MEANINGS[value] }))}
          value={meaning}
          onChange={setMeaning}
          error={errors.meaning}
        />
        <TextField name="username" label="Signer’s username" hint="Someone else signing types their own username and password here." width="medium" value={username} onChange={setUsername} error={errors.username} />
        <TextField name="password" label="Signer’s password" type="password" width="medium" autoComplete="current-password" value={password} onChange={setPassword} error={errors.password} />
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Signing…' : 'Sign'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
