import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { formatDate, formatDateTime } from '../../../../shared/domain/dates';
import { DESTRUCTION_KINDS, type DestructionCertificateView, type DestructionKind } from '../../../../shared/domain/destruction';
import { confirmingPassword } from '../../../../shared/domain/staff';
import type { DestructionPreview } from '../../../../shared/ipc/contract';
import { useRead, useWrite } from '../../api/queries';
import { CONFIRMING_PASSWORD_LABEL, ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField, TextField } from '../../components/fields';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { SummaryRows } from '../../components/SummaryRows';
import { useForm } from '../../components/use-form';
import { GuidanceLink } from '../help/GuidanceLink';
import { removedRows } from '../../../../shared/domain/destruction';
import { CertificateSummary } from './CertificateSummary';

const destroyForm = z.object({
  reason: z.string().trim().min(1, 'Say why this record is being destroyed').max(1000, 'Keep the reason under 1,000 characters'),
  confirmReference: z.string().trim().min(1, 'Type it exactly, to confirm'),
  currentPassword: confirmingPassword,
});

const LABELS = { reason: 'Why it is being destroyed', confirmReference: 'Type it to confirm', currentPassword: CONFIRMING_PASSWORD_LABEL };

type Destroyed = { certificate: DestructionCertificateView; backupsWarning: string; vacuumMs: number | null };

function kindOf(value: string | undefined): DestructionKind | null {
  return DESTRUCTION_KINDS.find((k) => k === value) ?? null;
}

/**
 * Destroying one record (issue 20 item 5, decision 0030), by address from the retention page:
 * what will be removed, what stops it (a legal hold, a pupil still on an incident), what backups
 * still hold, and the DSL's reason, the typed reference and their password. Afterwards, the
 * certificate the audit log keeps.
 */
export function DestroyPage() {
  const params = useParams();
  const kind = kindOf(params.kind);
  const id = Number(params.id);
  const [done, setDone] = useState<Destroyed | null>(null);
  const valid = kind !== null && Number.isInteger(id) && id > 0;
  const loaded = useRead('records.destructionPreview', { kind: kind ?? 'incident', id: valid ? id : 1 }, { enabled: valid && done === null });

  if (!valid) return <PageHeading>Nothing to destroy at this address</PageHeading>;
  if (done) {
    return (
      <div>
        <PageHeading>Destroyed: {done.certificate.reference}</PageHeading>
        <p role="status">
          {done.vacuumMs === null
            ? 'The record has been destroyed. Another program had the records file open, so its freed space is cleared at the next destruction: close any program that may be reading it (a backup tool, say).'
            : 'The record has been destroyed and its content removed from the records file.'}
        </p>
        <p className="warning-text">{done.backupsWarning}</p>
        <CertificateSummary certificate={done.certificate} />
        <p>
          <Link to="/retention/destroyed">All destruction certificates</Link>
        </p>
      </div>
    );
  }
  return (
    <div>
      <LoadState loaded={loaded}>{(preview) => <DestroyForm preview={preview} onDestroyed={setDone} />}</LoadState>
    </div>
  );
}

function DestroyForm({ preview, onDestroyed }: { preview: DestructionPreview; onDestroyed: (done: Destroyed) => void }) {
  const form = useForm(destroyForm, { reason: '', confirmReference: '', currentPassword: '' });
  const { values, setValue, errors } = form;
  const destroy = useWrite('records.destroy');
  const what = preview.kind === 'incident' ? `incident ${preview.reference}` : 'this pupil’s record';

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await destroy({ kind: preview.kind, id: preview.id, ...parsed });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    onDestroyed(result.value);
  }

  return (
    <>
      <PageHeading>Destroy {what}</PageHeading>
      <section className="panel" aria-labelledby="what-title">
        <h2 id="what-title">What will be destroyed</h2>
        <SummaryRows
          rows={[
            [preview.kind === 'incident' ? 'Reference' : 'Record', preview.reference],
            ...(preview.cameToAttentionOn ? [['Came to the school’s attention', formatDate(preview.cameToAttentionOn)] as const] : []),
            ['Recorded', formatDateTime(preview.recordedAt)],
            [preview.kind === 'incident' ? 'Closed' : 'Left the school', preview.closedOn ? formatDate(preview.closedOn) : 'Not recorded'],
            ...removedRows(preview.rows),
          ]}
        />
        <p>
          Everything above is removed from the records and the search, and the records file is rebuilt so none of it stays in the file.{' '}
          {preview.kind === 'incident' ? 'The pupils on it are not: a pupil’s record is destroyed on its own.' : null} A certificate stays in the audit
          log: the reference, the dates, who decided and why, and a content hash of what was removed, never a name or anything recorded.
        </p>
        <p className="warning-text">{preview.backupsWarning}</p>
      </section>
      {preview.refusal ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary-title">This record cannot be destroyed</h2>
          <p>{preview.refusal}</p>
        </div>
      ) : (
        <section className="panel" aria-labelledby="destroy-title">
          <h2 id="destroy-title">Destroy permanently</h2>
          <GuidanceLink sectionId="police-and-social-care" />
          <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <TextAreaField
              name="reason"
              label={LABELS.reason}
              hint="For example, the retention period has ended and the review found no reason to keep it. Name no one: the reason is kept in the certificate."
              value={values.reason}
              onChange={(v) => setValue('reason', v)}
              error={errors.reason}
            />
            <TextField
              name="confirmReference"
              label={LABELS.confirmReference}
              hint={preview.kind === 'incident' ? `Type the reference: ${preview.confirmAs}` : `Type the pupil’s name: ${preview.confirmAs}`}
              width="medium"
              value={values.confirmReference}
              onChange={(v) => setValue('confirmReference', v)}
              error={errors.confirmReference}
            />
            <ConfirmingPasswordField value={values.currentPassword} onChange={(v) => setValue('currentPassword', v)} error={errors.currentPassword} />
            <div className="button-group">
              <button type="submit" className="button button-warning" disabled={form.busy}>
                Destroy permanently
              </button>
            </div>
          </form>
        </section>
      )}
      <p>
        <Link to="/retention/destroyed">Destruction certificates</Link>
      </p>
    </>
  );
}
