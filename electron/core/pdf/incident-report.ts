import type { Content, TableCell } from 'pdfmake/interfaces';
import { STEPS } from '../../../shared/domain/completeness';
import { formatDate, formatDateTime } from '../../../shared/domain/dates';
import { initialReviewBody } from '../../../shared/domain/entries/initial-review';
import { decisionInWords } from '../../../shared/domain/phrases';
import { incidentSourceInWords } from '../../../shared/domain/incident-source';
import { factChangeText, INCIDENT_EVENT_LABELS } from '../../../shared/domain/incident-lifecycle';
import { INCIDENT_KIND_LABELS, MEDIA_LABELS, otherPersonDescription, PERSON_ROLE_LABELS, SHARING_LABELS } from '../../../shared/domain/incidents';
import { SEX_LABELS, yearGroupLabel } from '../../../shared/domain/pupils';
import type { Redaction } from '../../../shared/domain/redaction';
import type { EntryVersion } from '../../../shared/domain/read-models/entry-version';
import type { IncidentDetail } from '../../../shared/domain/read-models/incident-detail';
import { personAgeText, type IncidentPerson } from '../../../shared/domain/read-models/incident-person';
import { dataTable, keyValueTable, paragraph, sectionHeading } from './blocks';
import { entryBlock } from './entry-block';
import { childKeyOf } from './children';

/** Every version of each entry, grouped, in the order the entries happened. */
function entriesByKey(entries: readonly EntryVersion[]): EntryVersion[][] {
  const groups = new Map<string, EntryVersion[]>();
  for (const entry of entries) groups.set(entry.entryKey, [...(groups.get(entry.entryKey) ?? []), entry]);
  const latestOf = (group: EntryVersion[]) => group.find((e) => e.latest) ?? group[group.length - 1]!;
  return [...groups.values()].sort((a, b) => latestOf(a).occurredAt.localeCompare(latestOf(b).occurredAt) || latestOf(a).id - latestOf(b).id);
}

function reviewDecision(detail: IncidentDetail): string {
  const reviews = detail.entries.filter((e) => e.kind === 'initial-review' && e.latest).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const latest = reviews.at(-1);
  if (!latest) return 'No initial review recorded yet';
  const body = initialReviewBody.safeParse(latest.body);
  if (!body.success) return 'Recorded, but could not be read';
  const { decision, referTo } = body.data;
  return `${decisionInWords(decision, referTo)} (review on ${formatDateTime(latest.occurredAt)})`;
}

/** Voided, or open / closed, saying when it was last reopened. */
function statusText(detail: IncidentDetail): string {
  const i = detail.incident;
  if (i.voided) return 'Voided (opened by mistake)';
  if (i.status === 'closed') return 'Closed';
  return i.reopenedAt ? `Open (reopened on ${formatDateTime(i.reopenedAt)})` : 'Open';
}

/** Every correction of the incident's facts (from → to) and change of status, with who, when and why. */
export function historyBlock(detail: IncidentDetail, heading: readonly Content[]): Content[] {
  if (detail.history.length === 0) return [{ stack: [...heading, paragraph('Nothing about the incident has been corrected or removed since it was opened.', 'note')], unbreakable: true }];
  const rows = detail.history.map((event): TableCell[] => [
    `${formatDateTime(event.at)}\n${event.byName}`,
    { text: INCIDENT_EVENT_LABELS[event.kind], bold: true },
    [event.what, ...event.changes.map(factChangeText)].filter((line) => line !== '').join('\n') || '—',
    event.reason || '—',
  ]);
  return dataTable(['When and who', 'What', 'What changed', 'Why'], rows, [80, 70, '*', 120], { heading });
}

export function incidentSummary(detail: IncidentDetail, heading: readonly Content[]): Content[] {
  const i = detail.incident;
  return keyValueTable([
    ['Reference', i.reference],
    ['Title', i.title],
    ['Status', statusText(detail)],
    ['Came to attention', formatDate(i.cameToAttentionOn)],
    ['How it reached the school', incidentSourceInWords(i)],
    ['Date of the imagery', i.imageryDate ? formatDate(i.imageryDate) : 'Not known'],
    ['What happened', INCIDENT_KIND_LABELS[i.kind]],
    ['Photo or video', MEDIA_LABELS[i.media]],
    ['Services and apps', i.services.length > 0 ? i.services.join(', ') : 'None recorded'],
    ['How widely shared', `${SHARING_LABELS[i.sharing]}${i.sharingDetails ? ` — ${i.sharingDetails}` : ''}`],
    ['Police involved', detail.police.words],
    ['Decision at the initial review', reviewDecision(detail)],
    ['Opened', `${formatDateTime(i.createdAt)} by ${i.createdByName}`],
  ], { heading });
}

function whoTheyAre(person: IncidentPerson, named: boolean): string {
  if (person.pupil) {
    const parts = [`Pupil, ${yearGroupLabel(person.pupil.yearGroup)}`, SEX_LABELS[person.pupil.sex]];
    if (named) parts.push(`born ${formatDate(person.pupil.dateOfBirth)}`);
    // Only beside the name: the UPN identifies the child as surely as the name does.
    if (named && person.pupil.upn) parts.push(`UPN ${person.pupil.upn}`);
    return parts.join(', ');
  }
  const other = person.other;
  if (!other) return '';
  return otherPersonDescription(other);
}

export function peopleTable(detail: IncidentDetail, redaction: Redaction, heading: readonly Content[]): Content[] {
  if (detail.people.length === 0) return [{ stack: [...heading, paragraph('No one has been added to this incident.', 'note')], unbreakable: true }];
  const rows = detail.people.map((person): TableCell[] => {
    const key = childKeyOf(person);
    const label = key ? redaction.labelOf(key) : null;
    const name = label ?? (person.pupil ? `${person.pupil.firstName} ${person.pupil.lastName}` : (person.other?.name ?? ''));
    return [
      { text: name, bold: true },
      whoTheyAre(person, label === null),
      personAgeText(person),
      person.roles.map((r) => PERSON_ROLE_LABELS[r]).join('; '),
    ];
  });
  return dataTable(['Name', 'Who they are', 'Age on the imagery’s date', 'Roles'], rows, [100, '*', 60, 130], { heading });
}

/**
 * People added in error and removed: who removed them, when and why. Nothing is left out
 * of the record, so the printed copy shows them too (names redacted like everyone else's).
 */
export function removedPeopleTable(detail: IncidentDetail, redaction: Redaction, heading: readonly Content[]): Content[] {
  if (detail.removedPeople.length === 0) return [];
  const rows = detail.removedPeople.map((person): TableCell[] => {
    const key = childKeyOf(person);
    const name = (key ? redaction.labelOf(key) : null) ?? (person.pupil ? `${person.pupil.firstName} ${person.pupil.lastName}` : (person.other?.name ?? ''));
    return [
      { text: name, bold: true },
      person.roles.map((r) => PERSON_ROLE_LABELS[r]).join('; '),
      `${formatDateTime(person.addedAt)} by ${person.addedByName}`,
      person.removal ? `${formatDateTime(person.removal.at)} by ${person.removal.byName}` : '',
      person.removal?.reason ?? '',
    ];
  });
  return dataTable(['Name', 'Roles they had', 'Added', 'Removed', 'Why they were removed'], rows, [80, 90, 80, 80, '*'], { heading });
}

export function gapsBlock(detail: IncidentDetail, heading: readonly Content[]): Content[] {
  if (detail.gaps.length === 0) {
    const none = detail.incident.status === 'closed' ? 'Nothing was missing when the incident was closed.' : 'Nothing is missing for the path this incident has taken.';
    return [{ stack: [...heading, paragraph(none)], unbreakable: true }];
  }
  const [first, ...rest] = detail.gaps;
  return [
    { stack: [...heading, paragraph('The completeness check found these gaps in the record for the path this incident has taken:'), { ul: [first!.message] }], unbreakable: true },
    { ul: rest.map((g) => g.message), margin: [0, 0, 0, 8] },
  ];
}

/** The guidance's path, step by step, each entry in full with its signatures and earlier versions. */
export function stepSections(detail: IncidentDetail): Content[] {
  const groups = entriesByKey(detail.entries);
  return STEPS.flatMap((step) => {
    const inStep = groups.filter((g) => (step.kinds as readonly string[]).includes(g[0]!.kind));
    const heading = [sectionHeading(step.label)];
    if (inStep.length === 0) return [{ stack: [...heading, paragraph('Nothing recorded.', 'note')], unbreakable: true }];
    return inStep.flatMap((group, index) => entryBlock(group, detail, index === 0 ? heading : []));
  });
}
