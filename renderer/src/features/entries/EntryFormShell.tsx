import type { ReactNode } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { GUIDANCE_FOR_KIND } from '../../../../shared/help/form-links';
import type { EntryKind } from '../../../../shared/domain/entries/kinds';
import { TextField } from '../../components/fields';
import { GuidanceLink } from '../help/GuidanceLink';
import { DraftNotice } from '../drafts/DraftNotice';
import { ContactsBeside } from '../contacts/ContactsBeside';
import { AmendmentReasonField } from './AmendmentReasonField';
import type { EntryForm } from './use-entry-form';

/**
 * The frame of every entry form: the error summary, the contacts the step needs, the reason
 * when amending, when it happened, then the form's own questions (`children`) and the save button.
 */
export function EntryFormShell({
  form,
  kind,
  name,
  dateLabel,
  whenHeading,
  labels,
  saveLabel,
  children,
}: {
  form: EntryForm;
  /** The kind of entry: which section of the guidance the form links to, and the contacts its step needs (shared/domain/contacts/contacts-for-step.ts). */
  kind: EntryKind;
  /** The form's accessible name: the kind of entry. */
  name: string;
  /** What the date is the date of: "Date it happened", "Date of the meeting". */
  dateLabel: string;
  /** A heading above the date, when the form's first section begins with it. */
  whenHeading?: string;
  /** The form's own fields in the order they appear, so the summary lists messages in that order. */
  labels: Record<string, string>;
  /** The button's words for a new entry; amending always saves a new version. */
  saveLabel: string;
  children: ReactNode;
}) {
  const { errors } = form;
  const order = { reason: 'Reason for the amendment', occurredOn: dateLabel, occurredTime: 'Time', ...labels };
  return (
    <>
      <ErrorSummary errors={errors} labels={order} formError={form.formError} />
      <GuidanceLink sectionId={GUIDANCE_FOR_KIND[kind]} />
      <DraftNotice draft={form.draft} />
      <ContactsBeside kind={kind} />
      <form
        noValidate
        className="form-narrow"
        aria-label={name}
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit();
        }}
      >
        {form.amending ? <AmendmentReasonField signed={form.signed} value={form.amendmentReason} onChange={form.setAmendmentReason} error={errors.reason} /> : null}
        {whenHeading ? <h2>{whenHeading}</h2> : null}
        <div className="field-row">
          <TextField name="occurredOn" label={dateLabel} type="date" width="medium" value={form.timing.occurredOn ?? ''} onChange={(v) => form.setTiming('occurredOn', v)} error={errors.occurredOn} />
          <TextField name="occurredTime" label="Time" type="time" width="short" value={form.timing.occurredTime ?? ''} onChange={(v) => form.setTiming('occurredTime', v)} error={errors.occurredTime} />
        </div>
        {children}
        <button type="submit" className="button" disabled={form.busy}>
          {form.amending ? 'Save new version' : saveLabel}
        </button>
      </form>
    </>
  );
}
