import { Fragment, useMemo, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { ENTRY_KIND_DEFINITIONS, type entryContent, type EntryKind } from '../../../../../shared/domain/entries/kinds';
import type { EntryVersion, IncidentDetail } from '../../../../../shared/ipc/contract';
import { CheckboxesField, fieldId, RadioField, SelectField, TextAreaField, TextField } from '../../../components/fields';
import { EntryFormShell } from '../EntryFormShell';
import { useEntryForm } from '../use-entry-form';
import { evidenceToKeep } from '../../../../../shared/domain/evidence-to-keep';
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
  type FormContext,
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
    case 'staff': {
      // Someone since deactivated stays shown when already chosen, so an amendment keeps them.
      const options = detail.staff.filter((s) => s.active || s.id === value).map((s) => ({ value: String(s.id), label: s.name }));
      return (
        <SelectField
          {...common}
          placeholder="Anyone"
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
function FieldWarning({ text }: { text: string | null }) {
  return text === null ? null : <p className="warning-text">{text}</p>;
}

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
  const [body, setBody] = useState<BodyDraft>(() => {
    if (!amending) return emptyDraft(spec);
    const previous = bodySchemaOf(kind).safeParse(amending.body);
    return { ...emptyDraft(spec), ...(previous.success ? previous.data : amending.body) };
  });
  const form = useEntryForm({
    kind,
    detail,
    amending,
    draft: body,
    restore: (kept) => setBody({ ...emptyDraft(spec), ...kept }),
    check: (timing) => {
      const checked = checkDraft(kind, spec, timing, body);
      if (!checked.ok) return checked;
      // The body has just been parsed by this kind's own schema, so kind and body agree.
      const content = { kind, body: checked.value.body } as z.input<typeof entryContent>;
      return { ok: true, value: { occurredOn: checked.value.occurredOn, occurredTime: checked.value.occurredTime, ...content } };
    },
    onSaved,
  });

  // The summary lists messages in the order the questions appear.
  const context: FormContext = { otherAgencies: detail.otherAgencies, evidenceToKeep: evidenceToKeep(detail.incident.kind, detail.entries.filter((entry) => entry.latest)) };
  const labels = useMemo(() => Object.fromEntries(specFields(spec).map((f) => [`body.${f.name}`, f.label])), [spec]);

  return (
    <EntryFormShell form={form} kind={kind} name={ENTRY_KIND_DEFINITIONS[kind].label} dateLabel="Date it happened" labels={labels} saveLabel="Save record">
      {spec.map((section, index) => {
        const shown = section.fields.filter((f) => isShown(f, body) && (!f.askIf || f.askIf(context)));
        if (shown.length === 0) return null;
        return (
          <div key={section.heading ?? `section-${index}`}>
            {section.heading ? <h2>{section.heading}</h2> : null}
            {section.note ? <p className="inset">{section.note}</p> : null}
            {shown.map((field) => (
              <Fragment key={field.name}>
                <FieldWarning text={field.warning?.(context) ?? null} />
                <Field
                field={field}
                value={getPath(body, field.name)}
                error={form.errors[`body.${field.name}`]}
                detail={detail}
                onChange={(value) => setBody((current) => setPath(current, field.name, value))}
                />
              </Fragment>
            ))}
          </div>
        );
      })}
    </EntryFormShell>
  );
}
