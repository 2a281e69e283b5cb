import { z } from 'zod';
import { formatDate, formatDateTime } from './dates';
import { INCIDENT_SOURCE_LABELS } from './incident-source';
import { INCIDENT_KIND_LABELS, MEDIA_LABELS, PERSON_ROLE_LABELS, SHARING_LABELS, type IncidentInput, type PersonRole } from './incidents';
import { requiredText } from './text';

/**
 * An incident's life after it is opened: its facts corrected (each correction kept with the
 * earlier facts and the reason), closed, reopened, or voided when it was opened by mistake.
 * Nothing is removed: a voided incident stays readable to DSLs, marked as voided.
 */

/** Why a correction, a voiding or a reopening was made: always required, kept in the record. */
const changeReason = (missing: string) => requiredText(missing, 1000);

/** The facts of an incident a correction may change (the reference never changes). */
export type IncidentFacts = IncidentInput;

const INCIDENT_FACT_LABELS: Record<keyof IncidentFacts, string> = {
  title: 'Title',
  cameToAttentionOn: 'Date it came to the school’s attention',
  imageryDate: 'Date the imagery was made',
  kind: 'What kind of incident',
  media: 'Photo or video',
  services: 'Services or apps involved',
  sharing: 'How widely shared',
  sharingDetails: 'Where, or with whom',
  source: 'How it reached the school',
  sourceAgency: 'Who told the school',
  sourceReference: 'Their reference',
};

const FACT_ORDER = Object.keys(INCIDENT_FACT_LABELS) as (keyof IncidentFacts)[];

/** A fact as a DSL reads it: labels for stored choices, dates in words, "none" for blanks. */
function factText(field: keyof IncidentFacts, facts: IncidentFacts): string {
  switch (field) {
    case 'kind':
      return INCIDENT_KIND_LABELS[facts.kind];
    case 'media':
      return MEDIA_LABELS[facts.media];
    case 'sharing':
      return SHARING_LABELS[facts.sharing];
    case 'services':
      return facts.services.length > 0 ? facts.services.join(', ') : 'None recorded';
    case 'cameToAttentionOn':
      return formatDate(facts.cameToAttentionOn);
    case 'imageryDate':
      return facts.imageryDate ? formatDate(facts.imageryDate) : 'Not known';
    case 'title':
      return facts.title;
    case 'sharingDetails':
      return facts.sharingDetails || 'None recorded';
    case 'source':
      return INCIDENT_SOURCE_LABELS[facts.source];
    case 'sourceAgency':
    case 'sourceReference':
      return facts[field] || 'None recorded';
  }
}

export type FactChange = { field: keyof IncidentFacts; label: string; from: string; to: string };

/** What a correction changed, fact by fact in the form's order, in words. */
export function factChanges(before: IncidentFacts, after: IncidentFacts): FactChange[] {
  return FACT_ORDER.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).map((field) => ({
    field,
    label: INCIDENT_FACT_LABELS[field],
    from: factText(field, before),
    to: factText(field, after),
  }));
}

export type IncidentState = { status: 'open' | 'closed'; voided: boolean; reference: string };

/** A voided incident is kept as a record of the mistake for the DSL, who answers for the records; no one else reads it. */
export function readRefusal(incident: Pick<IncidentState, 'voided' | 'reference'>, roles: readonly string[]): string | null {
  return incident.voided && !roles.includes('dsl') ? `${incident.reference} was voided; only a DSL can open it.` : null;
}

/**
 * Why nothing can be changed on this incident now, or null when it can. A voided incident is
 * kept only as a record of the mistake; a closed one must be reopened (with a reason) first.
 */
export function writeRefusal(incident: IncidentState): string | null {
  if (incident.voided) return `${incident.reference} was voided, so nothing on it can be added, signed or changed.`;
  if (incident.status === 'closed') return `${incident.reference} is closed, so nothing on it can be added, signed or changed. A DSL can reopen it, giving the reason.`;
  return null;
}

/**
 * Completeness applies again after a reopening: the closure was signed for the record as it
 * stood then, so an approval signed before the latest reopening no longer counts. The DSL
 * amends the closure entry (a new version, with the reason) or records a new one, and signs it.
 */
export function closureSignatureCounts(signedAt: string, reopenedAt: string | null): boolean {
  return reopenedAt === null || signedAt > reopenedAt;
}

export const INCIDENT_EVENT_KINDS = ['corrected', 'person-removed', 'closed', 'reopened', 'voided'] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];
export const INCIDENT_EVENT_LABELS: Record<IncidentEventKind, string> = {
  corrected: 'Incident details corrected',
  'person-removed': 'Person removed from the incident',
  closed: 'Incident closed',
  reopened: 'Incident reopened',
  voided: 'Incident voided',
};

export type IncidentEvent = {
  kind: IncidentEventKind;
  at: string;
  byName: string;
  reason: string;
  /** What happened, in a sentence, where the kind and the changes do not say it (a person removed). */
  what: string;
  changes: FactChange[];
};

/** "Photo or video: “Photo” changed to “Video”" (words, not an arrow: the PDF font has no arrow). */
export function factChangeText(change: Pick<FactChange, 'label' | 'from' | 'to'>): string {
  return `${change.label}: “${change.from}” changed to “${change.to}”`;
}

/** One line for a chronology row: what happened to the incident record, and why. */
export function incidentEventSummary(event: Pick<IncidentEvent, 'kind' | 'reason' | 'what'> & { changes: readonly Pick<FactChange, 'label' | 'from' | 'to'>[] }): string {
  const lines = [...(event.what ? [event.what] : []), ...event.changes.map(factChangeText)];
  if (event.kind === 'corrected' && lines.length === 0) lines.push('No facts changed');
  if (event.reason) lines.push(`Reason: ${event.reason}`);
  return lines.join('\n');
}

export const correctIncidentReason = changeReason('Give the reason for the correction');
export const voidIncidentReason = changeReason('Give the reason for voiding this incident, for example “Duplicate of YPSI-2026-004”');
export const reopenIncidentReason = changeReason('Give the reason for reopening, for example new information or an escalation');

export const voidOrReopenInput = (reason: z.ZodType<string>) => z.object({ incidentId: z.number({ error: 'Choose the incident' }).int().positive(), reason }).strict();

/** A person added to an incident in error, and removed from it: when they were added, by whom, and what they were recorded as. */
export function personRemovedEvent(person: {
  name: string;
  roles: readonly PersonRole[];
  addedAt: string;
  addedByName: string;
  removal: { at: string; byName: string; reason: string };
}): IncidentEvent {
  const roles = person.roles.map((r) => PERSON_ROLE_LABELS[r].toLowerCase()).join('; ');
  return {
    kind: 'person-removed',
    at: person.removal.at,
    byName: person.removal.byName,
    what: `${person.name} was removed from this incident. They had been added on ${formatDateTime(person.addedAt)} by ${person.addedByName}, as: ${roles}.`,
    reason: person.removal.reason,
    changes: [],
  };
}
