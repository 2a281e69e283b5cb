import { useState } from 'react';
import { schoolToday } from '../../../../shared/domain/dates';
import { TRANSFER_METHOD_LABELS, TRANSFER_METHODS, type TransferMethod, type TransferView } from '../../../../shared/domain/transfers/transfer';
import type { IpcError } from '../../../../shared/ipc/result';
import { useWrite } from '../../api/queries';
import { CONFIRMING_PASSWORD_LABEL, ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { NewPasswordPair } from '../../components/NewPasswordPair';
import { RadioField, TextField } from '../../components/fields';

type Errors = Record<string, string>;
const METHOD_CHOICES = TRANSFER_METHODS.map((m) => ({ value: m, label: TRANSFER_METHOD_LABELS[m] }));

/** A small form's state: errors on fields, or a message above them. */
function useStepErrors() {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  return {
    errors,
    formError,
    clear: () => {
      setErrors({});
      setFormError(null);
    },
    show: (error: IpcError) => {
      setErrors(error.fields ?? {});
      setFormError(error.fields && Object.keys(error.fields).length > 0 ? null : error.message);
    },
    set: setErrors,
  };
}

/** Step 1: the PDF, with an optional password typed twice (never stored; given to the receiving DSL by another channel). */
export function TransferPdfStep({ transfer }: { transfer: TransferView }) {
  const [pdfPassword, setPdfPassword] = useState('');
  const [retyped, setRetyped] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const state = useStepErrors();
  const print = useWrite('transfers.pdf');
  const labels = { pdfPassword: 'Password for the PDF', retypedPassword: 'Confirm password for the PDF', currentPassword: CONFIRMING_PASSWORD_LABEL };

  async function submit() {
    setSaved(null);
    if (pdfPassword !== retyped) return state.set({ retypedPassword: 'The passwords do not match' });
    state.clear();
    setBusy(true);
    const result = await print({ transferId: transfer.id, pdfPassword, currentPassword });
    setBusy(false);
    if (!result.ok) return state.show(result.error);
    setCurrentPassword('');
    if (result.value.saved) {
      setSaved(
        `Saved ${result.value.fileName} (${result.value.pages} pages)${result.value.protectedByPassword ? ', protected by the password. Give the password to the receiving DSL by another channel, such as a telephone call: never in the same email as the file.' : '.'}`,
      );
    }
  }

  return (
    <form
      noValidate
      aria-label="Save the PDF"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={state.errors} labels={labels} formError={state.formError} />
      <p>The pupil’s whole file, with the covering letter first, marked on every page for transfer to {transfer.receivingSchool}.</p>
      <p className="hint">
        A password is optional. For secure email, set one: the PDF is then encrypted (AES-256). The app does not keep the password, so write it down until you have given it
        to the receiving DSL by telephone or in person.
      </p>
      <NewPasswordPair
        name="pdfPassword"
        purpose="file"
        value={pdfPassword}
        retyped={retyped}
        onChange={setPdfPassword}
        onRetypedChange={setRetyped}
        errors={state.errors}
        userInputs={[transfer.pupilName, transfer.receivingSchool]}
      />
      <ConfirmingPasswordField value={currentPassword} onChange={setCurrentPassword} error={state.errors.currentPassword} />
      <button type="submit" className="button" disabled={busy}>
        Save the PDF
      </button>
      {saved ? (
        <div className="inset inset-success" role="status">
          {saved}
        </div>
      ) : null}
    </form>
  );
}

/** Step 3: when and how it was sent. */
export function MarkSentStep({ transfer }: { transfer: TransferView }) {
  const [sentOn, setSentOn] = useState(schoolToday());
  const [method, setMethod] = useState<TransferMethod>(transfer.method);
  const [busy, setBusy] = useState(false);
  const state = useStepErrors();
  const markSent = useWrite('transfers.markSent');
  async function submit() {
    state.clear();
    setBusy(true);
    const result = await markSent({ transferId: transfer.id, sentOn, method });
    setBusy(false);
    if (!result.ok) state.show(result.error);
  }
  return (
    <form
      noValidate
      aria-label="Mark as sent"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={state.errors} labels={{ sentOn: 'Date sent', method: 'How it was sent' }} formError={state.formError} />
      <TextField name="sentOn" label="Date sent" type="date" width="medium" value={sentOn} onChange={setSentOn} error={state.errors.sentOn} />
      <RadioField<TransferMethod> name="sentMethod" label="How it was sent" options={METHOD_CHOICES} value={method} onChange={setMethod} error={state.errors.method} />
      <button type="submit" className="button" disabled={busy}>
        Mark as sent
      </button>
    </form>
  );
}

/** Step 4: the receipt code from the package, or who at the receiving school acknowledged the file. */
export function ConfirmReceiptStep({ transfer }: { transfer: TransferView }) {
  const [by, setBy] = useState<'code' | 'acknowledgement'>(transfer.hasPackage ? 'code' : 'acknowledgement');
  const [code, setCode] = useState('');
  const [acknowledgedBy, setAcknowledgedBy] = useState('');
  const [acknowledgedOn, setAcknowledgedOn] = useState(schoolToday());
  const [busy, setBusy] = useState(false);
  const state = useStepErrors();
  const confirm = useWrite('transfers.confirmReceived');
  const labels = { code: 'Receipt code', acknowledgedBy: 'Who acknowledged it', acknowledgedOn: 'Date they acknowledged it' };
  async function submit() {
    state.clear();
    setBusy(true);
    const result = await confirm(by === 'code' ? { by, transferId: transfer.id, code } : { by, transferId: transfer.id, acknowledgedBy, acknowledgedOn });
    setBusy(false);
    if (!result.ok) state.show(result.error);
  }
  return (
    <form
      noValidate
      aria-label="Confirm receipt"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={state.errors} labels={labels} formError={state.formError} />
      {transfer.hasPackage ? (
        <RadioField<'code' | 'acknowledgement'>
          name="by"
          label="How was receipt confirmed?"
          options={[
            { value: 'code', label: 'With the receipt code their app showed' },
            { value: 'acknowledgement', label: 'They acknowledged it another way' },
          ]}
          value={by}
          onChange={setBy}
        />
      ) : null}
      {by === 'code' ? (
        <TextField name="code" label={labels.code} hint="Sixteen letters and digits, e.g. 7KQ2-M9XD-4HTB-0RWE." width="medium" value={code} onChange={setCode} error={state.errors.code} />
      ) : (
        <>
          <TextField name="acknowledgedBy" label={labels.acknowledgedBy} hint="Their name and role at the receiving school." value={acknowledgedBy} onChange={setAcknowledgedBy} error={state.errors.acknowledgedBy} />
          <TextField name="acknowledgedOn" label={labels.acknowledgedOn} type="date" width="medium" value={acknowledgedOn} onChange={setAcknowledgedOn} error={state.errors.acknowledgedOn} />
        </>
      )}
      <button type="submit" className="button" disabled={busy}>
        Confirm receipt
      </button>
    </form>
  );
}
