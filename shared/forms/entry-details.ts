import { formatDate } from '../domain/dates';
import {
  initialReviewBody,
  REVIEW_CONSIDERATIONS,
  type InitialReviewBody,
  type ReviewConsideration,
} from '../domain/entries/initial-review';
import type { EntryKind } from '../domain/entries/kinds';
import {
  namesSomeoneWithoutAccount,
  NO_ACCOUNT,
  STAFF_SUPPORT_LABELS,
  VIEWER_AUTHORITY_LABELS,
  VIEWING_REASON_LABELS,
  viewingLogBody,
  viewingLogWarnings,
  type ViewingLogBody,
} from '../domain/entries/viewing-log';
import { decisionInWords } from '../domain/phrases';
import { TRIGGERS } from '../domain/referral';
import { MALICIOUS_SHARING_QUESTION, TRIGGER_ANSWER_FIELD, TRIGGER_TEXT } from '../domain/referral-text';
import type { IncidentPerson } from '../domain/read-models/incident-person';
import { bodySchemaOf, getPath, isShown, personName, plainLabel, specFields, type BodyDraft, type FieldSpec, type FormSpec } from './field-spec';
import { ENTRY_FORM_SPECS } from './specs';

/**
 * An entry's body in words, question by question, as the incident page shows it and the
 * PDFs print it: one place, so the screen and the paper cannot drift apart.
 */

export type DetailRow = { label: string; value: string };

/**
 * Someone an entry names, as a file received from another school gives them (issue 20): only
 * the name or label that file uses, never the sending school's record of them.
 */
type NamedPerson = { id: number; name: string; removal: unknown };

/** The person's name as this record knows it. */
function nameOf(person: IncidentPerson | NamedPerson): string {
  return 'name' in person ? person.name : personName(person);
}

export type EntryDetailContext = {
  /**
   * The people on the incident, for person answers: those removed from it too
   * (IncidentDetail['removedPeople']), so an entry that names one stays readable.
   */
  people: readonly (IncidentPerson | NamedPerson)[];
  /** Staff by id, for the viewing log's viewer and witness. */
  staff: readonly { id: number; name: string }[];
  /** The version's signatures, for the DSL who attested someone without an account (viewing log). */
  signatures?: readonly { meaning: string; signerName: string }[];
};

const NOT_RECORDED = 'Not recorded';

const row = (label: string, value: string): DetailRow => ({ label, value });

/** One answer in words: choices by their labels, people by name, dates written out. */
function answerText(field: FieldSpec, value: unknown, people: EntryDetailContext['people'], staff: EntryDetailContext['staff']): string {
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
      const person = people.find((p) => p.id === value);
      if (person) return person.removal ? `${nameOf(person)} (since removed from this incident)` : nameOf(person);
      return typeof value === 'number' ? 'Someone no longer on this incident' : NOT_RECORDED;
    }
    case 'staff':
      return typeof value === 'number' ? (staff.find((s) => s.id === value)?.name ?? `Staff member ${value}`) : 'Anyone';
    case 'people': {
      const ids = Array.isArray(value) ? value : [];
      if (ids.length === 0) return 'The incident as a whole';
      return ids.map((id) => {
        const person = people.find((p) => p.id === id);
        return person ? nameOf(person) : 'Someone no longer on this incident';
      }).join('; ');
    }
  }
}

/** Any spec'd kind: the questions being asked, in the form's order, with their answers. */
function specRows(spec: FormSpec, body: BodyDraft, people: EntryDetailContext['people'], staff: EntryDetailContext['staff']): DetailRow[] {
  return specFields(spec)
    .filter((field) => isShown(field, body) && (!field.askIf || getPath(body, field.name) === true))
    .map((field) => row(plainLabel(field), answerText(field, getPath(body, field.name), people, staff)));
}

const VIEWING_YES_NO: Record<string, string> = { yes: 'Yes', no: 'No', not_known: 'Not known' };

/** Who attested the people without an account: the DSLs who signed for them, or that a DSL's signature is awaited. */
function attestation(signatures: EntryDetailContext['signatures']): string {
  const attesters = (signatures ?? []).filter((s) => s.meaning === 'attest-no-account').map((s) => s.signerName);
  return attesters.length > 0 ? `Attested by ${attesters.join(' and ')}` : 'Awaiting a DSL’s signature to attest it';
}

function viewingLogRows(body: ViewingLogBody, context: EntryDetailContext): DetailRow[] {
  const name = (id: number) => context.staff.find((s) => s.id === id)?.name ?? `Staff member ${id}`;
  const viewer = body.viewerStaffId === NO_ACCOUNT ? `${body.viewerName ?? ''}, ${body.viewerRole ?? ''} (no account in the app)` : name(body.viewerStaffId);
  const alsoViewed = body.presentAlsoViewed ? 'also viewed' : 'did not view';
  const present =
    body.presentStaffId === 'none'
      ? 'No one else was present'
      : body.presentStaffId === NO_ACCOUNT
        ? `${body.presentName ?? ''}, ${body.presentRole ?? ''} (no account in the app; ${alsoViewed})`
        : `${name(body.presentStaffId)} (${alsoViewed})`;
  return [
    row('Place', body.place),
    row('On school premises', VIEWING_YES_NO[body.onPremises] ?? body.onPremises),
    row('Viewed by', `${viewer} — ${VIEWER_AUTHORITY_LABELS[body.viewerAuthority]}`),
    row('Also present', present),
    ...(namesSomeoneWithoutAccount(body) ? [row('No account in the app', attestation(context.signatures))] : []),
    row('Viewer the same sex as the young person pictured', VIEWING_YES_NO[body.sameSex] ?? body.sameSex),
    ...(body.notSameSexReason ? [row('Why not the same sex', body.notSameSexReason)] : []),
    row('Why it had to be viewed', VIEWING_REASON_LABELS[body.reason]),
    row('The facts behind that reason', body.reasonFacts),
    row('Headteacher consulted first', VIEWING_YES_NO[body.headConsulted] ?? body.headConsulted),
    row('Nothing copied, printed or shared', body.nothingCopied ? 'Confirmed' : 'Not confirmed'),
    row('Subsequent actions', body.subsequentActions || 'None recorded'),
    row('Support for staff who saw it', STAFF_SUPPORT_LABELS[body.staffSupport]),
  ];
}

const POINT_ANSWER: Record<string, string> = { yes: 'Yes', no: 'No', unknown: 'Not known' };

function initialReviewRows(body: InitialReviewBody): DetailRow[] {
  return [
    row('Who attended', body.attendees),
    ...(Object.keys(REVIEW_CONSIDERATIONS) as ReviewConsideration[])
      .filter((k) => body.considerations[k] !== '')
      .map((k) => row(REVIEW_CONSIDERATIONS[k], body.considerations[k])),
    ...TRIGGERS.map((t) => {
      const field = TRIGGER_ANSWER_FIELD[t];
      const note = body.pointNotes[field];
      return row(`Point ${TRIGGER_TEXT[t].number}: ${TRIGGER_TEXT[t].question}`, `${POINT_ANSWER[body.points[field]] ?? ''}${note ? ` — ${note}` : ''}`);
    }),
    // Reviews signed before the question was asked have no answer: say so rather than "No".
    row(MALICIOUS_SHARING_QUESTION.question, body.maliciousSharing ? (POINT_ANSWER[body.maliciousSharing] ?? '') : 'Not asked (recorded before this question was on the form)'),
    ...(body.maliciousSharing === 'yes' ? [row('Aggravating factor', `${MALICIOUS_SHARING_QUESTION.met} The guidance says such incidents should generally be referred.`)] : []),
    row('Decision', decisionInWords(body.decision, body.referTo)),
    row('Reasons', body.reasons),
    ...(body.overrideReasons ? [row('Why not referred despite the guidance', body.overrideReasons)] : []),
    ...(body.nextReviewBy ? [row('Review the decision by', formatDate(body.nextReviewBy))] : []),
  ];
}

/** An entry's whole body as question-and-answer rows, in the order the form asks them, with the guidance departures (viewing log) as warnings; null when the body does not parse with its kind's schema. */
export function entryDetailRows(kind: EntryKind, body: unknown, context: EntryDetailContext): { rows: DetailRow[]; warnings: string[] } | null {
  if (kind === 'viewing-log') {
    const parsed = viewingLogBody.safeParse(body);
    return parsed.success ? { rows: viewingLogRows(parsed.data, context), warnings: viewingLogWarnings(parsed.data) } : null;
  }
  if (kind === 'initial-review') {
    const parsed = initialReviewBody.safeParse(body);
    return parsed.success ? { rows: initialReviewRows(parsed.data), warnings: [] } : null;
  }
  const spec = ENTRY_FORM_SPECS[kind];
  const parsed = bodySchemaOf(kind).safeParse(body);
  if (!spec || !parsed.success) return null;
  return { rows: specRows(spec, parsed.data, context.people, context.staff), warnings: [] };
}
