import { useState } from 'react';
import type { z } from 'zod';
import { schoolToday, utcToSchoolTime } from '../../../../shared/domain/dates';
import { draftDescription, type DraftForm } from '../../../../shared/domain/drafts';
import { entryTiming, type entryContent, type EntryKind } from '../../../../shared/domain/entries/kinds';
import type { EntryVersion, IncidentDetail } from '../../../../shared/ipc/contract';
import { useWrite } from '../../api/queries';
import { useForm, type FormErrors } from '../../components/use-form';
import { useUnsavedChanges } from '../../components/unsaved-changes';
import { useDraft, type DraftValues } from '../drafts/use-draft';

export type Timing = { occurredOn: string; occurredTime: string };

/** What a form's own check makes of its questions: an entry ready to send, or a message per field. */
export type CheckedEntry = { ok: true; value: Timing & z.input<typeof entryContent> } | { ok: false; errors: FormErrors };

const REASON_MISSING = 'Give the reason for amending a signed entry';

/**
 * What every entry form shares, new or amending: when it happened, the reason for an
 * amendment, the errors, the unsaved-changes guard and the save itself. The form keeps its
 * own questions in `draft` (so leaving with them half-answered asks first) and says in
 * `check` what they make; the save goes through the query cache, so the incident page
 * shows the new entry when `onSaved` takes the person there. Everything typed is kept as the
 * author's draft and restored when the form opens again (decision 0023): `restore` puts a
 * kept `draft` back into the form's own questions.
 */
export function useEntryForm({
  kind,
  detail,
  amending,
  draft,
  restore,
  check,
  onSaved,
}: {
  kind: EntryKind;
  detail: IncidentDetail;
  amending: EntryVersion | undefined;
  draft: DraftValues;
  restore: (draft: DraftValues) => void;
  check: (timing: Timing) => CheckedEntry;
  onSaved: () => void;
}) {
  const [start] = useState(() => (amending ? utcToSchoolTime(amending.occurredAt) : { date: schoolToday(), time: '' }));
  const form = useForm(entryTiming, { occurredOn: start.date, occurredTime: start.time });
  const [amendmentReason, setAmendmentReason] = useState('');
  // The form's questions and the reason live beside the timing: they count as unsaved typing too.
  const drafted = useUnsavedChanges({ draft, amendmentReason });
  const create = useWrite('entries.create');
  const revise = useWrite('entries.revise');
  const signed = (amending?.signatures.length ?? 0) > 0;
  const incidentId = detail.incident.id;
  const which: DraftForm = amending ? { form: 'amend', entryId: amending.id, kind, incidentId } : { form: 'entry', kind, incidentId };
  const kept = useDraft({
    draft: { form: which, description: draftDescription(which, detail.incident.reference) },
    state: { timing: form.values, body: draft, amendmentReason },
    touched: form.unsaved || drafted.unsaved,
    paused: form.busy,
    restore: (values) => {
      // Kept from this same form, so each part has the shape it was saved in.
      form.setValues({ ...form.values, ...(values.timing as Partial<Timing>) });
      if (typeof values.amendmentReason === 'string') setAmendmentReason(values.amendmentReason);
      if (typeof values.body === 'object' && values.body !== null) restore(values.body as DraftValues);
    },
  });

  async function submit() {
    const checked = check({ occurredOn: form.values.occurredOn ?? '', occurredTime: form.values.occurredTime ?? '' });
    const reason = amendmentReason.trim();
    // Every message at once: a missing reason does not hide what else needs answering.
    const reasonErrors: FormErrors = signed && reason === '' ? { reason: REASON_MISSING } : {};
    const errors = { ...reasonErrors, ...(checked.ok ? {} : checked.errors) };
    form.setFormError(null);
    form.setErrors(errors);
    if (!checked.ok || Object.keys(errors).length > 0) return;
    form.setBusy(true);
    const result = amending
      ? await revise({ ...checked.value, entryId: amending.id, ...(reason ? { reason } : {}) })
      : await create({ ...checked.value, incidentId: detail.incident.id });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    drafted.saved();
    onSaved();
  }

  return {
    amending,
    signed,
    timing: form.values,
    setTiming: form.setValue,
    amendmentReason,
    setAmendmentReason,
    errors: form.errors,
    formError: form.formError,
    busy: form.busy,
    draft: kept,
    submit,
  };
}

export type EntryForm = ReturnType<typeof useEntryForm>;
