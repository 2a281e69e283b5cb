import { useEffect, useRef, useState } from 'react';
import {
  DEFAULT_OTHER_ENTRIES,
  EXPORT_DOCUMENT_LABELS,
  exportRequest,
  OTHER_ENTRIES_CHOICES,
  OTHER_ENTRIES_LABELS,
  type ExportDocument,
  type ExportDocumentType,
  type OtherEntriesChoice,
} from '../../../../shared/domain/exports';
import type { ExportChild, ExportResult } from '../../../../shared/ipc/contract';
import { fieldErrors } from '../../../../shared/ipc/field-errors';
import type { IpcError } from '../../../../shared/ipc/result';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxesField, RadioField, TextField, type Choice } from '../../components/fields';
import { LoadState } from '../../components/LoadState';
import { CONFIRMING_PASSWORD_LABEL, ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';
import { useExportOptions } from './use-export-options';
import './exports.css';

/** What is being printed from: one incident, or one pupil across their incidents. */
export type ExportScope = { type: 'incident'; incidentId: number } | { type: 'pupil'; pupilId: number };

const LABELS = {
  document: 'Which document?',
  namedChildren: 'Which children are named?',
  otherEntries: 'Entries that concern only other children',
  preparedFor: 'Who is this copy for? (optional)',
  currentPassword: CONFIRMING_PASSWORD_LABEL,
};

const CHOICES: Record<ExportScope['type'], Choice<ExportDocumentType>[]> = {
  incident: [
    { value: 'incident-report', label: EXPORT_DOCUMENT_LABELS['incident-report'], hint: 'The incident’s details, the people involved and every entry in full, with its signatures.' },
    { value: 'incident-chronology', label: EXPORT_DOCUMENT_LABELS['incident-chronology'], hint: 'Every entry on this incident in the order things happened.' },
  ],
  pupil: [
    { value: 'pupil-file', label: EXPORT_DOCUMENT_LABELS['pupil-file'], hint: 'Every incident the pupil is on, each in full.' },
    { value: 'pupil-chronology', label: EXPORT_DOCUMENT_LABELS['pupil-chronology'], hint: 'Everything about the pupil across their incidents, in the order it happened.' },
  ],
};

function documentFor(scope: ExportScope, type: ExportDocumentType): ExportDocument {
  if (scope.type === 'incident') return type === 'incident-chronology' ? { type, incidentId: scope.incidentId } : { type: 'incident-report', incidentId: scope.incidentId };
  return type === 'pupil-chronology' ? { type, pupilId: scope.pupilId } : { type: 'pupil-file', pupilId: scope.pupilId };
}

function entries(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

function aboutOthersText(count: number): string {
  if (count === 0) return 'Every entry on this pupil’s incidents concerns them or the incident as a whole.';
  return `${count === 1 ? '1 entry' : `${count} entries`} on this pupil’s incidents ${count === 1 ? 'concerns' : 'concern'} only other children or people.`;
}

function childLabel(child: ExportChild): string {
  return child.description ? `${child.name} (${child.description})` : child.name;
}

/** The core's messages land on the three questions; anything else is shown above the form. */
function placeErrors(error: IpcError): { errors: Record<string, string>; formError: string | null } {
  const errors: Record<string, string> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const field = Object.keys(LABELS).find((name) => path === name || path.startsWith(`${name}.`));
    if (field) errors[field] ??= message;
    else other.push(message);
  }
  const formError = Object.keys(errors).length === 0 ? error.message : other.length > 0 ? other.join(' ') : null;
  return { errors, formError };
}

type Outcome = { state: 'saved'; result: Extract<ExportResult, { saved: true }> } | { state: 'cancelled' };

/** Choose a document and who is named in it, then save it as a PDF (the core asks where). */
export function ExportForm({ scope }: { scope: ExportScope }) {
  const [type, setType] = useState<ExportDocumentType | undefined>(undefined);
  const document = type ? documentFor(scope, type) : null;
  const options = useExportOptions(document);
  // Only the boxes the person has changed; the rest follow the core's namedByDefault.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [preparedFor, setPreparedFor] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [otherEntries, setOtherEntries] = useState<OtherEntriesChoice>(DEFAULT_OTHER_ENTRIES);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The outcome takes focus when it appears, so keyboard and screen-reader users meet it at once.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const ready = options?.state === 'ready' ? options.value : null;
  const named = ready ? ready.children.filter((child) => ticked[child.key] ?? child.namedByDefault).map((child) => child.key) : [];

  const exportPdf = useWrite('exports.pdf');
  async function submit() {
    if (busy) return;
    setOutcome(null);
    const parsed = exportRequest.safeParse({ document: document ?? undefined, namedChildren: named, preparedFor, currentPassword, ...(scope.type === 'pupil' ? { otherEntries } : {}) });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setFormError(null);
      return;
    }
    // The children are listed once the document's details are in; until then there is nothing to choose.
    if (!ready) {
      if (options?.state === 'error') setFormError(options.error.message);
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    const answer = await exportPdf(parsed.data);
    setBusy(false);
    if (!answer.ok) {
      const placed = placeErrors(answer.error);
      setErrors(placed.errors);
      setFormError(placed.formError);
      return;
    }
    // Asked again for the next copy: each document printed is confirmed on its own.
    if (answer.value.saved) setCurrentPassword('');
    setOutcome(answer.value.saved ? { state: 'saved', result: answer.value } : { state: 'cancelled' });
  }

  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} formError={formError} />
      {outcome?.state === 'saved' ? (
        <div className="inset inset-success export-outcome" role="status" tabIndex={-1} ref={outcomeRef}>
          <h2 className="export-outcome-title">The PDF has been saved</h2>
          <p>
            Saved {outcome.result.pages}-page PDF as <strong className="export-file-name">{outcome.result.fileName}</strong>.
          </p>
          <p>The export is recorded in the audit log.</p>
          {outcome.result.unprintable.length > 0 ? (
            <p className="warning-text" data-testid="export-unprintable">
              Some characters in this record are in a script the app has no font for, so they print as boxes:{' '}
              <span lang="und">{outcome.result.unprintable.join(' ')}</span>. The app prints Latin letters with any accents, Greek, Cyrillic, Arabic and
              Hebrew. Where a name matters to the reader, also write it in Latin letters in the record.
            </p>
          ) : null}
          <p>Read it through before you share it: a name typed another way in an entry, such as a nickname or a misspelling, may not have been replaced. Keep the file as safely as the record itself, share it only with the people it is for, and delete it when it is no longer needed.</p>
        </div>
      ) : null}
      {outcome?.state === 'cancelled' ? (
        <div className="inset export-outcome" role="status" tabIndex={-1} ref={outcomeRef}>
          Nothing was saved: choosing where to save the PDF was cancelled.
        </div>
      ) : null}
      <form
        noValidate
        className="form-narrow export-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <RadioField
          name="document"
          label={LABELS.document}
          options={CHOICES[scope.type]}
          value={type}
          onChange={(value) => {
            setType(value);
            setOutcome(null);
            setErrors(({ document: _answered, ...rest }) => rest);
          }}
          error={errors.document}
        />
        {options ? (
          <LoadState loaded={options}>
            {(value) => (
              <>
                <p className="inset export-summary">
                  <strong>{value.title}</strong>: {entries(value.entryCount)}. The save dialog will offer the name{' '}
                  <span className="export-file-name">{value.suggestedFileName}</span>.
                </p>
                {value.children.length === 0 ? (
                  <p>There are no children in this document.</p>
                ) : (
                  <CheckboxesField
                    name="namedChildren"
                    label={LABELS.namedChildren}
                    hint={
                      <>
                        <p>
                          Children not ticked are printed as a label such as “Pupil B” everywhere in the document, including where their name was typed in an
                          entry.
                        </p>
                        <p>
                          Think about who will read this copy. Name only the children they need to know about: the guidance says to share only what is
                          necessary.
                        </p>
                      </>
                    }
                    options={value.children.map((child) => ({ value: child.key, label: childLabel(child) }))}
                    value={named}
                    onChange={(keys) => {
                      setTicked(Object.fromEntries(value.children.map((child) => [child.key, keys.includes(child.key)])));
                      setOutcome(null);
                    }}
                    error={errors.namedChildren}
                  />
                )}
                {value.aboutOthersCount !== null ? (
                  <RadioField
                    name="otherEntries"
                    label={LABELS.otherEntries}
                    hint={
                      <>
                        <p>{aboutOthersText(value.aboutOthersCount)}</p>
                        <p>
                          A child-protection file sent to a new school normally goes in its entirety, other children’s information included (Keeping
                          Children Safe in Education and local transfer protocols), so the whole record is the default. A chronology for a meeting about
                          this child alone may leave them out. The cover says which you chose.
                        </p>
                      </>
                    }
                    options={OTHER_ENTRIES_CHOICES.map((choice) => ({ value: choice, label: OTHER_ENTRIES_LABELS[choice] }))}
                    value={otherEntries}
                    onChange={(choice) => {
                      setOtherEntries(choice);
                      setOutcome(null);
                    }}
                    error={errors.otherEntries}
                  />
                ) : null}
              </>
            )}
          </LoadState>
        ) : null}
        <TextField
          name="preparedFor"
          label={LABELS.preparedFor}
          hint="Printed on the cover, for example “Strategy meeting with police and children’s social care, 24 November 2026”."
          value={preparedFor}
          onChange={(value) => {
            setPreparedFor(value);
            setOutcome(null);
          }}
          error={errors.preparedFor}
        />
        <ConfirmingPasswordField value={currentPassword} onChange={setCurrentPassword} error={errors.currentPassword} />
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            Save PDF
          </button>
        </div>
        <div className="export-progress" role="status">
          {busy && ready ? (
            <>
              <progress className="export-progress-bar" aria-label="Making the PDF" />
              <span>Making the PDF of {entries(ready.entryCount)}… You will then be asked where to save it.</span>
            </>
          ) : null}
        </div>
      </form>
    </>
  );
}
