import { useMemo, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { schoolToday, utcToSchoolTime } from '../../../../../shared/domain/dates';
import { ENTRY_KIND_DEFINITIONS, entryContent, entryTiming, type EntryKind } from '../../../../../shared/domain/entries/kinds';
import type { EntryVersion, IncidentDetail } from '../../../../../shared/ipc/contract';
import { call } from '../../../api/client';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { CheckboxesField, fieldId, RadioField, SelectField, TextAreaField, TextField } from '../../../components/fields';
import { useForm } from '../../../components/use-form';
import { useUnsavedChanges } from '../../../components/unsaved-changes';
import { AmendmentReasonField } from '../AmendmentReasonField';
import {
  bodySchemaOf,
  checkDraft,
  emptyDraft,
  getPath,
  isShown,
  personOptions,
  setPath,
  specFields,
  type BodyDraft,
  type FieldSpec,
  type FormSpec,
} from '../../../../../shared/forms/field-spec';

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A tick box that can carry an error (a statement the schema requires to be confirmed). */
function ConfirmField({ name, label, hint, error, checked, onChange }: { name: string; label: string; hint?: string | undefined; error?: string | undefined; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`form-group${error ? ' form-group-error' : ''}`}>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <div className="checkbox">
        <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} />
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <div className="hint checkbox-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Short answers sit side by side; longer ones stack. */
function inlineOptions(field: FieldSpec): boolean {
  return (field.options ?? []).every((o) => o.label.length <= 10 && !o.hint);
}

function Field({
  field,
  value,
  error,
  detail,
  onChange,
}: {
  field: FieldSpec;
  value: unknown;
  error: string | undefined;
  detail: IncidentDetail;
  onChange: (value: unknown) => void;
}): ReactNode {
  const name = `body.${field.name}`;
  const common = { name, label: field.label, hint: field.hint, error };
  switch (field.type) {
    case 'text':
      return <TextField {...common} value={textOf(value)} onChange={onChange} />;
    case 'date':
      return <TextField {...common} type="date" width="medium" value={textOf(value)} onChange={onChange} />;
    case 'textarea':
      return <TextAreaField {...common} rows={field.rows ?? 4} value={textOf(value)} onChange={onChange} />;
    case 'radio':
      return <RadioField {...common} options={field.options ?? []} inline={inlineOptions(field)} value={typeof value === 'string' ? value : undefined} onChange={onChange} />;
    case 'select':
      return <SelectField {...common} options={field.options ?? []} value={textOf(value)} onChange={(v) => onChange(v === '' ? undefined : v)} />;
    case 'checkboxes':
      return (
        <CheckboxesField
          {...common}
          options={field.options ?? []}
          value={Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []}
          onChange={onChange}
        />
      );
    case 'checkbox':
      return <ConfirmField name={name} label={field.label} hint={field.hint} error={error} checked={value === true} onChange={onChange} />;
    case 'person': {
      const options = personOptions(detail.people, field.pupilsOnly ?? false);
      const none = options.length === 0 ? `No ${field.pupilsOnly ? 'pupils have' : 'one has'} been added to this incident yet. Add them on the incident page first.` : null;
      return (
        <SelectField
          {...common}
          hint={none ?? field.hint}
          options={options}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(v) => onChange(v === '' ? undefined : Number(v))}
        />
      );
    }
    case 'people': {
      const options = personOptions(detail.people, false);
      const chosen = Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number').map(String) : [];
      return options.length === 0 ? (
        <p className="hint">No one has been added to this incident yet, so this entry is about the incident as a whole.</p>
      ) : (
        <CheckboxesField {...common} options={options} value={chosen} onChange={(ids) => onChange(ids.map(Number))} />
      );
    }
  }
}

/**
 * One entry's form, drawn from its spec: the date and time it happened, then the kind's
 * questions. Records a new entry, or (with `amending`) a new version of one.
 */
export function SpecForm({
  kind,
  spec,
  detail,
  amending,
  onSaved,
}: {
  kind: EntryKind;
  spec: FormSpec;
  detail: IncidentDetail;
  amending?: EntryVersion;
  onSaved: () => void;
}) {
  const start = amending ? utcToSchoolTime(amending.occurredAt) : { date: schoolToday(), time: '' };
  const form = useForm(entryTiming, { occurredOn: start.date, occurredTime: start.time });
  const { values, setValue, errors } = form;
  const [amendmentReason, setAmendmentReason] = useState('');
  const [body, setBody] = useState<BodyDraft>(() => {
    if (!amending) return emptyDraft(spec);
    const previous = bodySchemaOf(kind).safeParse(amending.body);
    return { ...emptyDraft(spec), ...(previous.success ? previous.data : amending.body) };
  });
  // The body and reason live beside the form's values: they count as unsaved typing too.
  const draft = useUnsavedChanges({ body, amendmentReason });
  const signed = (amending?.signatures.length ?? 0) > 0;

  // The summary lists messages in the order the questions appear.
  const labels = useMemo(
    () => ({
      reason: 'Reason for the amendment',
      occurredOn: 'Date it happened',
      occurredTime: 'Time',
      ...Object.fromEntries(specFields(spec).map((f) => [`body.${f.name}`, f.label])),
    }),
    [spec],
  );

  async function submit() {
    const checked = checkDraft(kind, spec, { occurredOn: values.occurredOn ?? '', occurredTime: values.occurredTime ?? '' }, body);
    const reason = amendmentReason.trim();
    const reasonError: Record<string, string> = signed && reason === '' ? { reason: 'Give the reason for amending a signed entry' } : {};
    if (!checked.ok || Object.keys(reasonError).length > 0) {
      form.setFormError(null);
      form.setErrors({ ...reasonError, ...(checked.ok ? {} : checked.errors) });
      return;
    }
    form.setErrors({});
    form.setFormError(null);
    form.setBusy(true);
    // The body has just been parsed by this kind's own schema, so kind and body agree.
    const content = { kind, body: checked.value.body } as z.input<typeof entryContent>;
    const timing = { occurredOn: checked.value.occurredOn, occurredTime: checked.value.occurredTime };
    const result = amending
      ? await call('entries.revise', { ...timing, ...content, entryId: amending.id, ...(reason ? { reason } : {}) })
      : await call('entries.create', { ...timing, ...content, incidentId: detail.incident.id });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    draft.saved();
    onSaved();
  }

  return (
    <>
      <ErrorSummary errors={errors} labels={labels} formError={form.formError} />
      <form
        noValidate
        className="form-narrow"
        aria-label={ENTRY_KIND_DEFINITIONS[kind].label}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {amending ? <AmendmentReasonField signed={signed} value={amendmentReason} onChange={setAmendmentReason} error={errors.reason} /> : null}
        <div className="field-row">
          <TextField name="occurredOn" label="Date it happened" type="date" width="medium" value={values.occurredOn ?? ''} onChange={(v) => setValue('occurredOn', v)} error={errors.occurredOn} />
          <TextField name="occurredTime" label="Time" type="time" width="short" value={values.occurredTime ?? ''} onChange={(v) => setValue('occurredTime', v)} error={errors.occurredTime} />
        </div>
        {spec.map((section, index) => {
          const shown = section.fields.filter((f) => isShown(f, body));
          if (shown.length === 0) return null;
          return (
            <div key={section.heading ?? `section-${index}`}>
              {section.heading ? <h2>{section.heading}</h2> : null}
              {section.note ? <p className="inset">{section.note}</p> : null}
              {shown.map((field) => (
                <Field
                  key={field.name}
                  field={field}
                  value={getPath(body, field.name)}
                  error={errors[`body.${field.name}`]}
                  detail={detail}
                  onChange={(value) => setBody((current) => setPath(current, field.name, value))}
                />
              ))}
            </div>
          );
        })}
        <button type="submit" className="button" disabled={form.busy}>
          {amending ? 'Save new version' : 'Save record'}
        </button>
      </form>
    </>
  );
}
