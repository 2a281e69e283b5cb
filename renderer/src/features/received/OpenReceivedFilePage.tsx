import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/domain/dates';
import type { Output } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { PageHeading } from '../../components/PageHeading';
import { PackageSignatureLine, ReceiptCodePanel } from './received-parts';

type Opened = Extract<Output<'receivedFiles.open'>, { opened: true }>;
type Imported = Output<'receivedFiles.import'>;

const NEW_PUPIL = 'new';

/**
 * /received/open: a transfer package from another school, opened with the passphrase its DSL
 * gave by phone, checked, attached to a pupil here (or added as a new one), and its receipt
 * code shown to send back (issue 20).
 */
export function OpenReceivedFilePage() {
  const open = useWrite('receivedFiles.open');
  const importFile = useWrite('receivedFiles.import');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [target, setTarget] = useState<string>(NEW_PUPIL);
  const [imported, setImported] = useState<Imported | null>(null);

  async function openFile(): Promise<void> {
    setErrors({});
    setFormError(null);
    if (passphrase === '') {
      setErrors({ passphrase: 'Enter the passphrase the sending school gave you' });
      return;
    }
    setBusy(true);
    const result = await open({ passphrase });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setFormError(result.error.message);
      return;
    }
    if (!result.value.opened) return;
    setPassphrase('');
    setOpened(result.value);
    setTarget(result.value.matches[0] ? String(result.value.matches[0].id) : NEW_PUPIL);
  }

  async function attach(token: string): Promise<void> {
    setFormError(null);
    setBusy(true);
    const result = await importFile(target === NEW_PUPIL ? { token, newPupil: true } : { token, pupilId: Number(target) });
    setBusy(false);
    if (!result.ok) {
      setFormError(result.error.message);
      return;
    }
    setImported(result.value);
  }

  if (imported && opened) {
    return (
      <>
        <PageHeading>File received</PageHeading>
        <ReceiptCodePanel code={imported.receiptCode} school={opened.preview.sendingSchool} />
        <p>
          <Link to={`/received/${imported.receivedFileId}`}>Read the received file</Link> · <Link to={`/pupils/${imported.pupilId}`}>Go to the pupil’s page</Link>
        </p>
      </>
    );
  }

  if (opened) {
    const { preview } = opened;
    return (
      <>
        <PageHeading caption={`From ${preview.sendingSchool}`}>Check the file before importing it</PageHeading>
        <ErrorSummary errors={{}} formError={formError} />
        <dl className="summary-list">
          <div className="summary-row"><dt>Sent by</dt><dd>{preview.sendingDslName}, {preview.sendingSchool}, on {formatDateTime(preview.sentAt)}</dd></div>
          <div className="summary-row"><dt>Pupil</dt><dd>{preview.pupil.firstName} {preview.pupil.lastName}, born {formatDate(preview.pupil.dateOfBirth)}</dd></div>
          <div className="summary-row"><dt>What it holds</dt><dd>{preview.incidentCount} incidents, {preview.entryCount} entries, {preview.signatureCount} signatures</dd></div>
          <div className="summary-row"><dt>Signatures</dt><dd>{preview.signaturesVerified} of {preview.signatureCount} signatures verified (each matches the words it signed)</dd></div>
          <div className="summary-row"><dt>Package</dt><dd><PackageSignatureLine verified={preview.packageSignatureVerified} fingerprint={preview.fingerprint} /></dd></div>
        </dl>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void attach(opened.token);
          }}
        >
          <fieldset className="fieldset">
            <legend>Whose record does this file go on?</legend>
            {opened.matches.map((match) => (
              <label key={match.id} className="radio">
                <input type="radio" name="target" value={String(match.id)} checked={target === String(match.id)} onChange={() => setTarget(String(match.id))} />
                {match.firstName} {match.lastName}, born {formatDate(match.dateOfBirth)} (already on the register here)
              </label>
            ))}
            <label className="radio">
              <input type="radio" name="target" value={NEW_PUPIL} checked={target === NEW_PUPIL} onChange={() => setTarget(NEW_PUPIL)} />
              Add {preview.pupil.firstName} {preview.pupil.lastName} as a new pupil
            </label>
          </fieldset>
          <button type="submit" className="button" disabled={busy}>
            Import the file
          </button>
        </form>
      </>
    );
  }

  return (
    <>
      <PageHeading>Open a transfer package</PageHeading>
      <p>A transfer package is the encrypted file another school sends when a pupil joins you. Its name ends “.ypsi-transfer”.</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void openFile();
        }}
      >
        <ErrorSummary errors={errors} formError={formError} labels={{ passphrase: 'Passphrase' }} />
        <TextField
          name="passphrase"
          label="Passphrase"
          hint="The sending school’s DSL tells you this, by phone or in person."
          type="password"
          autoComplete="off"
          width="full"
          value={passphrase}
          onChange={setPassphrase}
          error={errors['passphrase']}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Opening…' : 'Choose the file and open it'}
        </button>
      </form>
    </>
  );
}
