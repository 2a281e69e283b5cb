import { z } from 'zod';
import { dateField, formatDate, timeField } from '../dates';
import { actionSummary, asSentence, decisionInWords, disclosureSummary, onlineReportSummary, policeReportSummary, referralTargets } from '../phrases';
import type { SignatureMeaning } from '../signatures';
import { namesSomeoneWithoutAccount, NO_ACCOUNT, viewingLogBody, type ViewingLogBody, VIEWING_REASON_LABELS } from './viewing-log';
import { actionBody, closureBody, escalationBody, type ActionBody, type ClosureBody, type EscalationBody } from './action';
import { decisionReviewBody, decisionReviewSummary, type DecisionReviewBody } from './decision-review';
import { conversationBody, staffWelfareBody, type ConversationBody, type StaffWelfareBody } from './conversation';
import { deletionBody, type DeletionBody } from './deletion';
import { deviceBody, DEVICE_OUTCOME_LABELS, type DeviceBody } from './device';
import { disclosureBody, type DisclosureBody } from './disclosure';
import { IMAGERY_FORM_LABELS, imageryItemBody, IMAGERY_NATURE_LABELS, type ImageryItemBody } from './imagery-item';
import { extortionBody, extortionSummary, type ExtortionBody } from './extortion';
import { initialReviewBody, type InitialReviewBody } from './initial-review';
import { onlineReportBody, type OnlineReportBody } from './online-report';
import { parentsBody, type ParentsBody } from './parents';
import { policeReportBody, type PoliceReportBody } from './police-report';
import { riskAssessmentBody, TYPOLOGY_LABELS, type RiskAssessmentBody } from './risk-assessment';
import { socialCareBody, type SocialCareBody } from './social-care';

export type Signer = { id: number; roles: readonly string[] };

/** Everything the app knows about one kind of entry, beside its body's schema. */
export type EntryKindDefinition<Body> = {
  label: string;
  /** Every meaning a signature on this kind can ever carry. */
  meanings: readonly SignatureMeaning[];
  /**
   * Null when this version's content calls for `meaning`; otherwise why it does not. A head's
   * "I authorise the decision not to refer" on a decision to refer would put a false statement
   * into a signed record, so a meaning is offered and accepted only where the content fits it.
   */
  unfitting(meaning: SignatureMeaning, body: Body): string | null;
  /** Null when `signer` may sign with `meaning`; otherwise the reason, in words for the user. */
  mayNotSign(meaning: SignatureMeaning, body: Body, signer: Signer, authorId: number): string | null;
  /** The signatures a complete record of this kind needs, and from whom (a staff id, or any holder of a role). */
  requiredSignatures(body: Body): { meaning: SignatureMeaning; staffId?: number; role?: string }[];
  /** One line for lists and chronologies. Never more than the facts the entry holds. */
  summary(body: Body): string;
};

const viewingLog: EntryKindDefinition<ViewingLogBody> = {
  label: 'Viewing of the imagery',
  meanings: ['viewed-accurate', 'present-accurate', 'attest-no-account'],
  unfitting(meaning, body) {
    if (meaning === 'viewed-accurate' && body.viewerStaffId === NO_ACCOUNT) return 'The person recorded as viewing the imagery has no account in the app, so nobody can sign as the viewer.';
    if (meaning === 'present-accurate' && body.presentStaffId === 'none') return 'This record says no one else was present, so nobody can sign as present.';
    if (meaning === 'present-accurate' && body.presentStaffId === NO_ACCOUNT) return 'The person recorded as present has no account in the app, so nobody can sign as present.';
    if (meaning === 'attest-no-account' && !namesSomeoneWithoutAccount(body)) return 'Everyone named in this record has an account in the app and signs for themselves.';
    return null;
  },
  mayNotSign(meaning, body, signer) {
    if (meaning === 'viewed-accurate' && signer.id !== body.viewerStaffId) {
      return 'Only the member of staff recorded as having viewed the imagery can sign for viewing it.';
    }
    if (meaning === 'present-accurate' && signer.id !== body.presentStaffId) {
      return 'Only the member of staff recorded as present can sign as present.';
    }
    if (meaning === 'attest-no-account' && !signer.roles.includes('dsl')) return DSL_ONLY;
    return null;
  },
  // The guidance wants the record of who viewed and who was present signed (section 2, "Viewing
  // the imagery"). Someone without an account cannot sign for themselves, so a DSL's signature
  // stands in for theirs: the record is not complete until a DSL has attested it.
  requiredSignatures(body) {
    const required: { meaning: SignatureMeaning; staffId?: number; role?: string }[] = [];
    if (body.viewerStaffId !== NO_ACCOUNT) required.push({ meaning: 'viewed-accurate', staffId: body.viewerStaffId });
    if (typeof body.presentStaffId === 'number') required.push({ meaning: 'present-accurate', staffId: body.presentStaffId });
    if (namesSomeoneWithoutAccount(body)) required.push({ meaning: 'attest-no-account', role: 'dsl' });
    return required;
  },
  summary(body) {
    const reason = VIEWING_REASON_LABELS[body.reason].split(':')[0] ?? '';
    return `Imagery viewed at ${body.place}. Reason: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`;
  },
};

const HEAD_ONLY = 'Only the headteacher can sign with this meaning.';
const DSL_ONLY = 'Only a Designated Safeguarding Lead can sign with this meaning.';

/** "I made this record and it is accurate": the author's own attestation. */
function authorAttests(meaning: SignatureMeaning, signer: Signer, authorId: number): string | null {
  return meaning === 'record-accurate' && signer.id !== authorId ? 'Only the person who made this record can sign that it is accurate.' : null;
}

/** A kind whose only signature is the author's optional attestation. */
function plain<Body>(label: string, summary: (body: Body) => string): EntryKindDefinition<Body> {
  return {
    label,
    meanings: ['record-accurate'],
    unfitting: () => null,
    mayNotSign: (meaning, _body, signer, authorId) => authorAttests(meaning, signer, authorId),
    requiredSignatures: () => [],
    summary,
  };
}

const sentence = asSentence;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const disclosure = plain<DisclosureBody>('Disclosure', disclosureSummary);

const initialReview: EntryKindDefinition<InitialReviewBody> = {
  label: 'Initial review meeting',
  meanings: ['authorise-no-referral', 'record-accurate'],
  unfitting: (meaning, body) =>
    meaning === 'authorise-no-referral' && body.decision !== 'manage-in-school'
      ? 'This review decided to refer, so there is no decision not to refer to authorise.'
      : null,
  mayNotSign(meaning, _body, signer, authorId) {
    if (meaning === 'authorise-no-referral' && !signer.roles.includes('head')) return HEAD_ONLY;
    return authorAttests(meaning, signer, authorId);
  },
  requiredSignatures: (b) => (b.decision === 'manage-in-school' ? [{ meaning: 'authorise-no-referral', role: 'head' }] : []),
  summary: (b) => `Decision: ${lowerFirst(decisionInWords(b.decision, b.referTo))}.`,
};

const riskAssessment = plain<RiskAssessmentBody>('Risk assessment', (b) =>
  b.typology ? `Risk assessed (Annex A). Typology: ${TYPOLOGY_LABELS[b.typology]}.` : 'Risk assessed against the Annex A questions.',
);

const parents = plain<ParentsBody>('Parents or carers', (b) =>
  b.informed === 'yes' ? sentence(`Parents or carers informed: ${b.whoWasTold}, told by ${b.toldBy}`) : 'Parents or carers not informed; reasons recorded.',
);

const policeReport = plain<PoliceReportBody>('Report to the police', policeReportSummary);

const device = plain<DeviceBody>('Device secured', (b) => sentence(`${b.description} (${b.owner}): ${DEVICE_OUTCOME_LABELS[b.outcome].toLowerCase()}`));

const socialCare = plain<SocialCareBody>('Children’s social care / MASH', (b) =>
  b.referralMade === 'yes'
    ? asSentence(`Referral made to ${b.target === 'mash' ? referralTargets(['mash']) : referralTargets(['social-care'])}${b.reference ? `, reference ${b.reference}` : ''}`)
    : 'Contact recorded; no referral made.',
);

const deletion: EntryKindDefinition<DeletionBody> = {
  label: 'Searching and deletion',
  meanings: ['authorised-search', 'record-accurate'],
  unfitting: (meaning, body) =>
    meaning === 'authorised-search' && body.mode !== 'staff-search'
      ? 'This record is of pupils asked to delete the imagery, not a search by staff, so there is no search to authorise.'
      : null,
  mayNotSign(meaning, _body, signer, authorId) {
    if (meaning === 'authorised-search' && !signer.roles.includes('head')) return HEAD_ONLY;
    return authorAttests(meaning, signer, authorId);
  },
  requiredSignatures: (b) => (b.mode === 'staff-search' ? [{ meaning: 'authorised-search', role: 'head' }] : []),
  summary: (b) =>
    b.mode === 'pupils-asked'
      ? `Pupils asked to delete by ${formatDate(b.deadline)}; ${b.confirmedOn ? `confirmed on ${formatDate(b.confirmedOn)}` : 'not yet confirmed'}.`
      : `Search by ${b.searchedBy}, authorised by ${b.authorisedBy}; imagery ${b.action === 'deleted' ? 'deleted' : 'kept as evidence'}.`,
};

const imageryItem = plain<ImageryItemBody>('Image or video', (b) => {
  // "AI" keeps its capitals mid-sentence; "not known" alone would read as the image being unknown.
  const nature = b.nature === 'not-known' ? 'not known whether real' : b.nature === 'ai-generated' ? IMAGERY_NATURE_LABELS[b.nature] : lowerFirst(IMAGERY_NATURE_LABELS[b.nature]);
  return sentence(`${IMAGERY_FORM_LABELS[b.form]} (${nature}): ${b.description.split('\n')[0] ?? ''}`);
});

const onlineReport = plain<OnlineReportBody>('Reported online', onlineReportSummary);
const extortion = plain<ExtortionBody>('Sexual extortion: the threat and demand', extortionSummary);
const conversation = plain<ConversationBody>('Conversation', (b) => sentence(`Conversation with ${b.withWhom}, held by ${b.byWhom}`));
const staffWelfare = plain<StaffWelfareBody>('Staff welfare', (b) => sentence(`Support offered to ${b.staffMember}`));
const action = plain<ActionBody>('Action', actionSummary);
const decisionReview = plain<DecisionReviewBody>('Review of the decision', decisionReviewSummary);

const escalation: EntryKindDefinition<EscalationBody> = {
  label: 'Escalation',
  meanings: ['authorise-escalation', 'record-accurate'],
  // Every escalation names who it goes to and why, so authorising it always fits its content.
  unfitting: () => null,
  mayNotSign(meaning, _body, signer, authorId) {
    if (meaning === 'authorise-escalation' && !signer.roles.some((r) => r === 'dsl' || r === 'head')) return 'Only a DSL or the headteacher can authorise an escalation.';
    return authorAttests(meaning, signer, authorId);
  },
  requiredSignatures: () => [],
  summary: (b) => `Escalated to ${referralTargets(b.referTo)}.`,
};

const closure: EntryKindDefinition<ClosureBody> = {
  label: 'Review and closure',
  meanings: ['approve-closure'],
  unfitting: () => null,
  mayNotSign: (_meaning, _body, signer) => (signer.roles.includes('dsl') ? null : DSL_ONLY),
  requiredSignatures: () => [{ meaning: 'approve-closure', role: 'dsl' }],
  summary: (b) => sentence(`Outcome: ${b.outcome.split('\n')[0] ?? ''}`),
};

/** Each kind's body schema; the contract builds its union from this. */
export const ENTRY_BODY_SCHEMAS = {
  disclosure: disclosureBody,
  'initial-review': initialReviewBody,
  'risk-assessment': riskAssessmentBody,
  parents: parentsBody,
  'police-report': policeReportBody,
  device: deviceBody,
  'social-care': socialCareBody,
  'viewing-log': viewingLogBody,
  deletion: deletionBody,
  'imagery-item': imageryItemBody,
  'online-report': onlineReportBody,
  extortion: extortionBody,
  conversation: conversationBody,
  'staff-welfare': staffWelfareBody,
  action: actionBody,
  escalation: escalationBody,
  'decision-review': decisionReviewBody,
  closure: closureBody,
} as const;

export type EntryKind = keyof typeof ENTRY_BODY_SCHEMAS;
export const ENTRY_KINDS = Object.keys(ENTRY_BODY_SCHEMAS) as [EntryKind, ...EntryKind[]];
export type EntryBody<K extends EntryKind> = z.output<(typeof ENTRY_BODY_SCHEMAS)[K]>;

export const ENTRY_KIND_DEFINITIONS: { [K in EntryKind]: EntryKindDefinition<EntryBody<K>> } = {
  disclosure,
  'initial-review': initialReview,
  'risk-assessment': riskAssessment,
  parents,
  'police-report': policeReport,
  device,
  'social-care': socialCare,
  'viewing-log': viewingLog,
  deletion,
  'imagery-item': imageryItem,
  'online-report': onlineReport,
  extortion,
  conversation,
  'staff-welfare': staffWelfare,
  action,
  escalation,
  'decision-review': decisionReview,
  closure,
};

/** When something happened, on the school's clock. Every entry has one. */
export const entryTiming = z.object({
  occurredOn: dateField('Enter the date it happened'),
  occurredTime: timeField('Enter the time it happened'),
});

function entryOf<K extends EntryKind>(kind: K) {
  return z.object({ kind: z.literal(kind), body: ENTRY_BODY_SCHEMAS[kind] });
}

/** A kind and its body, checked together: the body must be valid for that kind. */
export const entryContent = z.discriminatedUnion('kind', [
  entryOf('disclosure'),
  entryOf('initial-review'),
  entryOf('risk-assessment'),
  entryOf('parents'),
  entryOf('police-report'),
  entryOf('device'),
  entryOf('social-care'),
  entryOf('viewing-log'),
  entryOf('deletion'),
  entryOf('imagery-item'),
  entryOf('online-report'),
  entryOf('extortion'),
  entryOf('conversation'),
  entryOf('staff-welfare'),
  entryOf('action'),
  entryOf('escalation'),
  entryOf('decision-review'),
  entryOf('closure'),
]);
export type EntryContent = z.output<typeof entryContent>;

/**
 * Looks up a kind's definition for a body already validated against that kind's schema
 * (as every stored body is). Typed loosely because the caller holds the kind as a value.
 */
export function definitionOf(kind: EntryKind): EntryKindDefinition<Record<string, unknown>> {
  // Method parameters are bivariant, so each kind's definition is accepted as the loose type.
  return ENTRY_KIND_DEFINITIONS[kind];
}

/** The meanings this version's content calls for: what the sign panel offers. */
export function meaningsFor(kind: EntryKind, body: Record<string, unknown>): SignatureMeaning[] {
  return definitionOf(kind).meanings.filter((meaning) => meaningMisfit(kind, meaning, body) === null);
}

/** Null when the kind allows `meaning` and this version's content calls for it; otherwise why not. */
export function meaningMisfit(kind: EntryKind, meaning: SignatureMeaning, body: Record<string, unknown>): string | null {
  const definition = definitionOf(kind);
  if (!definition.meanings.includes(meaning)) return `A record of this kind (${definition.label}) cannot be signed with that meaning.`;
  return definition.unfitting(meaning, body);
}

/**
 * Null when `signer` may sign this version with `meaning`; otherwise the reason. The one rule
 * the core applies before any signature is written: the kind allows the meaning, the content
 * calls for it, and the signer holds the role or is the person it names.
 */
export function signingRefusal(kind: EntryKind, meaning: SignatureMeaning, body: Record<string, unknown>, signer: Signer, authorId: number): string | null {
  return meaningMisfit(kind, meaning, body) ?? definitionOf(kind).mayNotSign(meaning, body, signer, authorId);
}
