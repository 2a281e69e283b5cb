import type { z } from 'zod';
import { ENTRY_BODY_SCHEMAS, entryTiming, type EntryKind } from '../domain/entries/kinds';
import { OTHER_PERSON_KIND_LABELS } from '../domain/incidents';
import type { OtherAgency } from '../domain/other-agencies';
import { pupilFullName, yearGroupLabel } from '../domain/pupils';
import type { IncidentPerson } from '../domain/read-models/incident-person';
import { fieldErrors } from '../ipc/field-errors';

/**
 * A data-driven form for one kind of entry. The spec says what to ask and in what words;
 * the kind's body schema (shared/domain/entries) stays the only place a rule is written.
 */

/** An entry body being filled in: nested plain values, any question possibly unanswered. */
export type BodyDraft = Record<string, unknown>;

type FieldType =
  | 'text'
  | 'textarea'
  | 'date'
  /** One answer from `options`, as radio buttons. */
  | 'radio'
  /** Any number of answers from `options`; the value is an array. */
  | 'checkboxes'
  /** One answer from `options`, as a drop-down list. */
  | 'select'
  /** One box to tick; the value is a boolean. */
  | 'checkbox'
  /** A person on the incident (IncidentDetail.people); the value is their incident-person id. */
  | 'person'
  /** Any number of people on the incident, as tick boxes; the value is an array of incident-person ids. */
  | 'people'
  /** A member of staff with an account (IncidentDetail.staff, active ones offered); the value is their staff id. */
  | 'staff';

/** What a form knows of the incident beyond the draft itself. */
export type FormContext = {
  /** Agencies other than the school that know of the incident (shared/domain/other-agencies). */
  readonly otherAgencies: readonly OtherAgency[];
  /** Why imagery should not be deleted yet (shared/domain/evidence-to-keep), or null. */
  readonly evidenceToKeep: string | null;
};

export type FieldOption = { readonly value: string; readonly label: string; readonly hint?: string };

export type FieldSpec = {
  /** Dotted path under `body`, e.g. 'whatWasSaid' or 'considerations.sharing'. */
  readonly name: string;
  readonly label: string;
  /** The guidance's advice for this question, short and in plain words. */
  readonly hint?: string;
  readonly type: FieldType;
  /** For radio, checkboxes and select: the values the schema accepts, with their words. */
  readonly options?: readonly FieldOption[];
  /** Asked only when this holds for the draft; hidden answers are dropped before validation. */
  readonly showIf?: (body: BodyDraft) => boolean;
  /**
   * Asked only on an incident where this holds. Printed only when answered (ticked), since
   * the incident may have changed since the entry was recorded.
   */
  readonly askIf?: (context: FormContext) => boolean;
  /** A warning shown just before the question, in the incident's terms; none when it gives null. */
  readonly warning?: (context: FormContext) => string | null;
  /** For person: offer only the pupils on the incident. */
  readonly pupilsOnly?: boolean;
  /** For textarea: its height in lines. */
  readonly rows?: number;
};

type FormSection = {
  readonly heading?: string;
  /** A short paragraph of guidance shown under the heading. */
  readonly note?: string;
  readonly fields: readonly FieldSpec[];
};

/** A form is a list of sections, asked in order, after the entry's date and time. */
export type FormSpec = readonly FormSection[];

// ── Building specs ─────────────────────────────────────────────────────────────────────

/** Options from a domain list and its labels, in the domain's order. */
export function choices<T extends string>(values: readonly T[], labels: Record<T, string>, hints: Partial<Record<T, string>> = {}): FieldOption[] {
  return values.map((value) => {
    const hint = hints[value];
    return hint ? { value, label: labels[value], hint } : { value, label: labels[value] };
  });
}

export const YES_NO_OPTIONS: readonly FieldOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export const YES_NO_UNKNOWN_OPTIONS: readonly FieldOption[] = [...YES_NO_OPTIONS, { value: 'unknown', label: 'Not known' }];

/** A `showIf` that holds when the named answer is one of `values`. */
export function when(name: string, ...values: readonly unknown[]): (body: BodyDraft) => boolean {
  return (body) => values.includes(getPath(body, name));
}

// ── Reading and writing a draft ────────────────────────────────────────────────────────

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getPath(body: BodyDraft, path: string): unknown {
  let current: unknown = body;
  for (const key of path.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A copy of `body` with the value at `path` replaced (or removed, for undefined). */
export function setPath(body: BodyDraft, path: string, value: unknown): BodyDraft {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy: BodyDraft = { ...body };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = copy[head];
  copy[head] = setPath(isRecord(child) ? child : {}, rest.join('.'), value);
  return copy;
}

export function specFields(spec: FormSpec): FieldSpec[] {
  return spec.flatMap((section) => section.fields);
}

export function isShown(field: FieldSpec, body: BodyDraft): boolean {
  return field.showIf ? field.showIf(body) : true;
}

/** The draft without the answers to questions that are not being asked. */
function withoutHidden(spec: FormSpec, body: BodyDraft): BodyDraft {
  return specFields(spec).reduce((draft, field) => (isShown(field, body) ? draft : setPath(draft, field.name, undefined)), body);
}

/** What a new, empty form holds: blank text, unticked boxes, unanswered choices. */
export function emptyDraft(spec: FormSpec): BodyDraft {
  return specFields(spec).reduce<BodyDraft>((draft, field) => {
    switch (field.type) {
      case 'text':
      case 'textarea':
      case 'date':
        return setPath(draft, field.name, '');
      case 'checkbox':
        return setPath(draft, field.name, false);
      case 'checkboxes':
      case 'people':
        return setPath(draft, field.name, []);
      default:
        return draft;
    }
  }, {});
}

/**
 * An answer the field's schema accepts, put in place of one that is missing so that the
 * checks which only run once the rest parses (refinements, the other branch of a union)
 * can say what else is missing. Never saved: only used to collect every message at once.
 * `variant` picks among the choices, so each one can be tried.
 */
export function standInAnswer(field: FieldSpec, variant = 0): unknown {
  const choicesOf = (field.options ?? []).filter((o) => o.value !== '');
  const choice = choicesOf.length > 0 ? choicesOf[variant % choicesOf.length]?.value : undefined;
  switch (field.type) {
    case 'text':
    case 'textarea':
      return 'x';
    case 'date':
      return '2000-01-01';
    case 'checkbox':
      return true;
    case 'person':
    case 'staff':
      return 1;
    case 'people':
      return [];
    case 'checkboxes':
      return choice === undefined ? [] : [choice];
    case 'radio':
    case 'select':
      return choice;
  }
}

// ── People ─────────────────────────────────────────────────────────────────────────────

export function personName(person: Pick<IncidentPerson, 'id' | 'pupil' | 'other'>): string {
  if (person.pupil) return pupilFullName(person.pupil);
  return person.other?.name ?? `Person ${person.id}`;
}

/** The person as offered in a list: name, with year group or who they are. */
function personChoiceLabel(person: IncidentPerson): string {
  if (person.pupil) return `${pupilFullName(person.pupil)} (${yearGroupLabel(person.pupil.yearGroup)})`;
  if (person.other) return `${person.other.name} (${OTHER_PERSON_KIND_LABELS[person.other.kind].toLowerCase()})`;
  return `Person ${person.id}`;
}

export function personOptions(people: readonly IncidentPerson[], pupilsOnly: boolean): FieldOption[] {
  return people.filter((p) => !pupilsOnly || p.pupil !== null).map((p) => ({ value: String(p.id), label: personChoiceLabel(p) }));
}

/**
 * "Who is this about?": the people on the incident an entry concerns, none for the incident
 * as a whole (shared/domain/whose-entry.ts; docs/decisions/0006-whose-entry.md).
 */
export const ABOUT_FIELD: FieldSpec = {
  name: 'about',
  label: 'Who is this about?',
  hint: 'Tick each person on this incident it concerns, so that each child’s record shows whose entry it is. Leave them all unticked if it is about the incident as a whole.',
  type: 'people',
};

/** A label without its "(optional)" marker, for summaries and read-only views. */
export function plainLabel(field: FieldSpec): string {
  return field.label.replace(/ \(optional\)$/, '');
}

// ── Checking a draft ───────────────────────────────────────────────────────────────────

export type Timing = { occurredOn: string; occurredTime: string };
export type CheckedDraft = { ok: true; value: Timing & { body: Record<string, unknown> } } | { ok: false; errors: Record<string, string> };

/** A kind's body schema, seen loosely: forms hold the kind as a value. */
export function bodySchemaOf(kind: EntryKind): z.ZodType<Record<string, unknown>> {
  return ENTRY_BODY_SCHEMAS[kind];
}

/**
 * Checks a draft with the kind's own schema, hidden questions left out. Zod stops short in
 * two places: a union says nothing about its other fields until its discriminator is
 * chosen, and an object's refinements wait until its fields parse. So, on failure, each
 * field in error is given a stand-in answer and the schema asked again, and a further
 * message is kept when it is for a question on screen and comes whichever way the
 * unanswered choices are filled in: every missing answer has its own message at once, and
 * no message depends on an answer the person has not given.
 */
export function checkDraft(kind: EntryKind, spec: FormSpec, timing: Timing, draft: BodyDraft): CheckedDraft {
  const schema = entryTiming.extend({ body: bodySchemaOf(kind) });
  const fields = specFields(spec);
  const byKey = new Map(fields.map((f) => [`body.${f.name}`, f]));
  const onScreen = new Set(['occurredOn', 'occurredTime', ...fields.filter((f) => isShown(f, draft)).map((f) => `body.${f.name}`)]);
  const body = withoutHidden(spec, draft);
  const first = schema.safeParse({ ...timing, body });
  if (first.success) return { ok: true, value: first.data };
  const errors = fieldErrors(first.error);

  /** The further messages on screen when unanswered questions get stand-ins of one variant. */
  const furtherErrors = (variant: number): Record<string, string> => {
    const found: Record<string, string> = {};
    let latest = errors;
    let probeTiming: Timing = timing;
    let probeBody = body;
    for (let pass = 0; pass < 4; pass += 1) {
      let changed = false;
      for (const key of Object.keys(latest)) {
        const field = byKey.get(key);
        if (field) {
          probeBody = setPath(probeBody, field.name, standInAnswer(field, variant));
          changed = true;
        } else if (key === 'occurredOn') {
          probeTiming = { ...probeTiming, occurredOn: '2000-01-01' };
        } else if (key === 'occurredTime') {
          probeTiming = { ...probeTiming, occurredTime: '00:00' };
        }
      }
      if (!changed) break;
      const next = schema.safeParse({ ...probeTiming, body: probeBody });
      if (next.success) break;
      latest = fieldErrors(next.error);
      for (const [key, message] of Object.entries(latest)) {
        if (onScreen.has(key) && !(key in errors)) found[key] ??= message;
      }
    }
    return found;
  };

  const variants = Math.max(1, ...fields.map((f) => (f.options ?? []).filter((o) => o.value !== '').length));
  const [firstVariant = {}, ...others] = Array.from({ length: variants }, (_, variant) => furtherErrors(variant));
  for (const [key, message] of Object.entries(firstVariant)) {
    if (others.every((found) => key in found)) errors[key] = message;
  }
  return { ok: false, errors };
}
