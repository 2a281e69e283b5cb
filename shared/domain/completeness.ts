import { formatDate } from './dates';
import type { EntryBody, EntryKind } from './entries/kinds';
import { ENTRY_KIND_DEFINITIONS } from './entries/kinds';
import type { ReferTo } from './entries/initial-review';
import { nextReviewDate } from './entries/decision-review';
import { crimeReferenceSettled } from './entries/police-report';
import type { IncidentSource } from './incident-source';
import { signatoryInWords } from './phrases';
import type { SignatureMeaning } from './signatures';

/** The guidance's path (Annex G), as the steps down the side of an incident. */
const STEP_LABELS = {
  disclosure: 'Disclosure',
  'initial-review': 'Initial review and decision',
  'risk-assessment': 'Risk assessment',
  referrals: 'Police and children’s social care',
  parents: 'Parents and carers',
  imagery: 'Viewing, searching and deletion',
  conversations: 'Conversations and support',
  actions: 'Actions and outcomes',
  closure: 'Review and closure',
} as const;
export type StepId = keyof typeof STEP_LABELS;
export const STEP_IDS = Object.keys(STEP_LABELS) as [StepId, ...StepId[]];

/**
 * The step each kind of entry is recorded under, listed in the order a step offers them. A
 * record over every kind, so a new kind without a step does not compile.
 */
export const STEP_OF_KIND = {
  disclosure: 'disclosure',
  'initial-review': 'initial-review',
  escalation: 'initial-review',
  'decision-review': 'initial-review',
  'risk-assessment': 'risk-assessment',
  'police-report': 'referrals',
  'social-care': 'referrals',
  extortion: 'referrals',
  parents: 'parents',
  // Which images there are comes before who viewed or deleted them.
  'imagery-item': 'imagery',
  'viewing-log': 'imagery',
  deletion: 'imagery',
  device: 'imagery',
  'online-report': 'imagery',
  conversation: 'conversations',
  'staff-welfare': 'conversations',
  action: 'actions',
  closure: 'closure',
} as const satisfies Record<EntryKind, StepId>;

type Step = { id: StepId; label: string; kinds: readonly EntryKind[] };

export const STEPS: readonly Step[] = STEP_IDS.map((id) => ({
  id,
  label: STEP_LABELS[id],
  kinds: (Object.keys(STEP_OF_KIND) as EntryKind[]).filter((kind) => STEP_OF_KIND[kind] === id),
}));

/**
 * What a gap asks of the people keeping the record: something not recorded at all (or
 * recorded without what the guidance requires in it), a recorded entry awaiting a
 * signature, or a task recorded and not yet finished (a device held, a deletion
 * unconfirmed, an action not done).
 */
export const GAP_KINDS = ['missing', 'awaiting-signature', 'open-task'] as const;
type GapKind = (typeof GAP_KINDS)[number];

export type Gap = { step: StepId; kind: GapKind; message: string };

/** The latest version of each entry, as completeness needs it. */
export type LatestEntry = {
  [K in EntryKind]: {
    kind: K;
    body: EntryBody<K>;
    occurredAt: string;
    signatures: readonly { meaning: SignatureMeaning; signerId: number }[];
  };
}[EntryKind];

export type CompletenessInput = {
  /** `source`: how it reached the school (shared/domain/incidents); absent, the school found out itself. */
  incident: { kind: string; policeMatter: boolean; source?: IncidentSource; sourceReference?: string };
  /** Pupils on the incident, with the name to show in a gap. */
  pupils: readonly { personId: number; name: string }[];
  entries: readonly LatestEntry[];
  staffName: (id: number) => string;
  /** The school's date today, for dates that pass (a review date); absent, none is checked. */
  today?: string;
};

function ofKind<K extends EntryKind>(entries: readonly LatestEntry[], kind: K): Extract<LatestEntry, { kind: K }>[] {
  return entries.filter((e): e is Extract<LatestEntry, { kind: K }> => e.kind === kind);
}

/** Signatures the entry's kind requires and the version does not yet carry. */
export function missingSignatures(entry: LatestEntry): { meaning: SignatureMeaning; staffId?: number; role?: string }[] {
  const definition = ENTRY_KIND_DEFINITIONS[entry.kind] as { requiredSignatures(body: unknown): { meaning: SignatureMeaning; staffId?: number; role?: string }[] };
  return definition
    .requiredSignatures(entry.body)
    .filter((need) => !entry.signatures.some((s) => s.meaning === need.meaning && (need.staffId === undefined || s.signerId === need.staffId)));
}

/** Who the incident has been (or must be) referred to, from the review decision and any escalations. */
function referralsNeeded(input: CompletenessInput): Set<ReferTo> {
  const needed = new Set<ReferTo>();
  if (input.incident.policeMatter) needed.add('police');
  const reviews = ofKind(input.entries, 'initial-review');
  const latestReview = reviews.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)).at(-1);
  if (latestReview?.body.decision === 'refer') latestReview.body.referTo.forEach((t) => needed.add(t));
  for (const escalation of ofKind(input.entries, 'escalation')) escalation.body.referTo.forEach((t) => needed.add(t));
  return needed;
}

/**
 * What the record still lacks, in plain words, against what the guidance requires for the
 * path this incident has taken. Closure itself is not a gap here: an incident may be
 * closed only when this list is empty.
 */
export function incidentGaps(input: CompletenessInput): Gap[] {
  const gaps: Gap[] = [];
  const { entries } = input;
  if (ofKind(entries, 'disclosure').length === 0) gaps.push({ step: 'disclosure', kind: 'missing', message: 'The disclosure has not been recorded: who told whom, when, and what was said.' });

  const reviews = ofKind(entries, 'initial-review').sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const review = reviews.at(-1);
  if (!review) gaps.push({ step: 'initial-review', kind: 'missing', message: 'The initial review meeting and its decision have not been recorded.' });
  if (review?.body.decision === 'manage-in-school') {
    if (!review.signatures.some((s) => s.meaning === 'authorise-no-referral')) {
      gaps.push({ step: 'initial-review', kind: 'awaiting-signature', message: 'The decision not to refer has not been signed off by the headteacher.' });
    }
    if (ofKind(entries, 'risk-assessment').length === 0) gaps.push({ step: 'risk-assessment', kind: 'missing', message: 'No risk assessment (Annex A) has been recorded for an incident managed in school.' });
  }

  const needed = referralsNeeded(input);
  const policeReports = ofKind(entries, 'police-report');
  if (needed.has('police') || policeReports.length > 0) {
    if (policeReports.length === 0) gaps.push({ step: 'referrals', kind: 'missing', message: 'The report to the police has not been recorded.' });
    else if (!policeReports.some((r) => crimeReferenceSettled(r.body))) {
      gaps.push({ step: 'referrals', kind: 'missing', message: 'The report to the police has no crime reference number, and no reason is recorded for there being none.' });
    }
  }
  if (needed.has('social-care') || needed.has('mash')) {
    if (!ofKind(entries, 'social-care').some((s) => s.body.referralMade === 'yes')) {
      gaps.push({ step: 'referrals', kind: 'missing', message: 'The referral to children’s social care or the MASH has not been recorded.' });
    }
  }

  const parentRecords = ofKind(entries, 'parents');
  for (const pupil of input.pupils) {
    if (!parentRecords.some((p) => p.body.pupilPersonId === pupil.personId)) {
      gaps.push({ step: 'parents', kind: 'missing', message: `Parents or carers of ${pupil.name}: not recorded whether they were told, or why not.` });
    }
  }

  for (const entry of entries) {
    for (const need of missingSignatures(entry)) {
      const who = signatoryInWords(need, input.staffName);
      const label = ENTRY_KIND_DEFINITIONS[entry.kind].label;
      if (entry.kind === 'initial-review') continue; // already said above, in the guidance's words
      if (entry.kind === 'closure') continue;
      gaps.push({ step: STEP_OF_KIND[entry.kind], kind: 'awaiting-signature', message: `${label} on ${formatDate(entry.occurredAt)}: awaiting the signature of ${who}.` });
    }
  }

  for (const device of ofKind(entries, 'device')) {
    if (device.body.outcome === 'held') gaps.push({ step: 'imagery', kind: 'open-task', message: `Device “${device.body.description}” is still held: record its handover to the police or its return.` });
  }
  for (const deletion of ofKind(entries, 'deletion')) {
    if (deletion.body.mode === 'pupils-asked' && deletion.body.confirmedOn === '') {
      gaps.push({ step: 'imagery', kind: 'open-task', message: `Deletion by pupils (deadline ${formatDate(deletion.body.deadline)}) has not been confirmed.` });
    }
  }
  const reviewBy = nextReviewDate([...ofKind(entries, 'initial-review'), ...ofKind(entries, 'decision-review')]);
  if (input.today !== undefined && reviewBy !== '' && reviewBy < input.today) {
    gaps.push({ step: 'initial-review', kind: 'open-task', message: `The decision was due to be reviewed by ${formatDate(reviewBy)}: record the review.` });
  }
  for (const action of ofKind(entries, 'action')) {
    if (action.body.dueOn !== '' && action.body.completedOn === '') gaps.push({ step: 'actions', kind: 'open-task', message: `Not yet done: ${action.body.description.split('\n')[0]}` });
  }
  return gaps;
}

/** Closed only when nothing is missing and a DSL has signed the closure. */
export function closureReadiness(input: CompletenessInput): { ready: boolean; gaps: Gap[]; closureSigned: boolean } {
  const gaps = incidentGaps(input);
  const closureSigned = ofKind(input.entries, 'closure').some((c) => c.signatures.some((s) => s.meaning === 'approve-closure'));
  return { ready: gaps.length === 0 && closureSigned, gaps, closureSigned };
}
