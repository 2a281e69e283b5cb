import { useState } from 'react';
import { passphraseProblem } from '../../../../shared/domain/transfers/passphrase';
import { TRANSFER_PACKAGE_EXTENSION } from '../../../../shared/domain/transfers/file-names';
import { useWrite } from '../../api/queries';
import { ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { NewPassphraseFields } from './PassphraseFields';

/**
 * Makes the encrypted transfer package for one transfer (issue 20): the pupil's file, sealed
 * under a passphrase, saved where the DSL chooses, to send to the receiving school. The
 * transfer page places this panel; /transfers/:transferId/package shows it on its own.
 */
/** The name of this panel's password box, apart from the PDF step's on the same page. */
const PASSWORD_BOX = 'packageCurrentPassword';

export function MakePackagePanel({ transferId }: { transferId: number }) {
  const makePackage = useWrite('transfers.makePackage');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ fileName: string; fingerprint: string } | null>(null);

  async function submit(): Promise<void> {
    const found: Record<string, string> = {};
    const problem = passphraseProblem(passphrase);
    if (problem) found['passphrase'] = problem;
    if (again !== passphrase) found['passphraseAgain'] = 'The two passphrases are not the same: type it again';
    if (currentPassword === '') found['currentPassword'] = 'Enter your password';
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await makePackage({ transferId, passphrase, currentPassword });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setFormError(result.error.fields ? null : result.error.message);
      return;
    }
    setPassphrase('');
    setAgain('');
    setCurrentPassword('');
    if (result.value.saved) setMade({ fileName: result.value.fileName, fingerprint: result.value.fingerprint });
  }

  // The transfer page's PDF step has its own password box: this one's error links here.
  const { currentPassword: passwordError, ...otherErrors } = errors;
  const summaryErrors = passwordError === undefined ? otherErrors : { ...otherErrors, [PASSWORD_BOX]: passwordError };

  return (
    <section className="panel" aria-labelledby="make-package-heading">
      <h2 id="make-package-heading">Encrypted transfer package</h2>
      {made ? (
        <div role="status" className="banner">
          <p>
            <strong>Package saved as {made.fileName}.</strong> Send it to the receiving school; tell their DSL the passphrase by phone.
          </p>
          <p>
            Your key’s fingerprint: <span className="reference">{made.fingerprint}</span>. Read it to the receiving DSL: their app shows the same
            fingerprint if the package is yours.
          </p>
          <p>When they open it, their app gives them a receipt code. Enter it here to record that the file was received.</p>
        </div>
      ) : null}
      <p>
        The package holds the pupil’s whole file, encrypted: only someone with the passphrase can open it. Its file ends “{TRANSFER_PACKAGE_EXTENSION}” and its
        name has no pupil’s name in it.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ErrorSummary errors={summaryErrors} formError={formError} labels={{ passphrase: 'Passphrase', passphraseAgain: 'Passphrase again', [PASSWORD_BOX]: 'Your password' }} />
        <NewPassphraseFields value={passphrase} again={again} onChange={setPassphrase} onAgainChange={setAgain} errors={errors} />
        <ConfirmingPasswordField name={PASSWORD_BOX} value={currentPassword} onChange={setCurrentPassword} error={errors['currentPassword']} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Making the package…' : 'Make the encrypted package'}
        </button>
      </form>
    </section>
  );
}
