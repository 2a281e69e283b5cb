import { formatDate } from '../../../../shared/domain/dates';
import { initialReviewBody } from '../../../../shared/domain/entries/initial-review';
import { viewingLogBody } from '../../../../shared/domain/entries/viewing-log';
import type { EntryVersion, IncidentDetail } from '../../../../shared/ipc/contract';
import { InitialReviewDetails } from '../initial-review/InitialReviewDetails';
import { ViewingLogDetails } from '../viewing-log/ViewingLogDetails';
import { bodySchemaOf, getPath, isShown, personName, plainLabel, specFields, type BodyDraft, type FieldSpec, type FormSpec } from './forms/field-spec';
import { ENTRY_FORM_SPECS } from './forms/specs';

const NOT_RECORDED = 'Not recorded';

/** One answer in words: choices by their labels, people by name, dates written out. */
function answerText(field: FieldSpec, value: unknown, detail: IncidentDetail): string {
  const optionLabel = (v: unknown) => field.options?.find((o) => o.value === v)?.label;
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof value === 'string' && value.trim() !== '' ? value : NOT_RECORDED;
    case 'date':
      return typeof value === 'string' && value !== '' ? formatDate(value) : NOT_RECORDED;
    case 'radio':
    case 'select':
      return optionLabel(value) ?? (typeof value === 'string' && value !== '' ? value : NOT_RECORDED);
    case 'checkbox':
      return value === true ? 'Yes' : 'No';
    case 'checkboxes': {
      const chosen = Array.isArray(value) ? value.map((v) => optionLabel(v) ?? String(v)) : [];
      return chosen.length > 0 ? chosen.join('; ') : 'None';
    }
    case 'person': {
      const person = detail.people.find((p) => p.id === value);
      return person ? personName(person) : typeof value === 'number' ? 'Someone no longer on this incident' : NOT_RECORDED;
    }
  }
}

/** Any spec'd kind, laid out as question and answer, in the order the form asks them. */
function SpecSummary({ spec, body, detail }: { spec: FormSpec; body: BodyDraft; detail: IncidentDetail }) {
  const shown = specFields(spec).filter((f) => isShown(f, body));
  return (
    <dl className="summary-list">
      {shown.map((field) => (
        <div key={field.name}>
          <dt>{plainLabel(field)}</dt>
          <dd className="preserve-lines">{answerText(field, getPath(body, field.name), detail)}</dd>
        </div>
      ))}
    </dl>
  );
}

const UNREADABLE = <p>This entry could not be read.</p>;

/** The whole body of one version, laid out for reading. */
export function EntryDetails({ entry, detail }: { entry: EntryVersion; detail: IncidentDetail }) {
  if (entry.kind === 'viewing-log') {
    const body = viewingLogBody.safeParse(entry.body);
    return body.success ? <ViewingLogDetails body={body.data} staff={detail.staff} /> : UNREADABLE;
  }
  if (entry.kind === 'initial-review') {
    const body = initialReviewBody.safeParse(entry.body);
    return body.success ? <InitialReviewDetails body={body.data} /> : UNREADABLE;
  }
  const spec = ENTRY_FORM_SPECS[entry.kind];
  const body = bodySchemaOf(entry.kind).safeParse(entry.body);
  if (!spec || !body.success) return UNREADABLE;
  return <SpecSummary spec={spec} body={body.data} detail={detail} />;
}
