import type { EntryKind } from './entries/kinds';

/**
 * Whom an entry is about (docs/decisions/0006-whose-entry.md). A pure rule over the kind and
 * the stored body, used by the screens, the PDFs and the core alike; the pupil chronology's
 * SQL filter mirrors it (electron/core/db/chronology-queries.ts, checked by a test).
 */

/** Kinds whose body holds `about`: the people on the incident it concerns, chosen in the form. */
export const KINDS_ABOUT_PEOPLE = ['risk-assessment', 'device', 'social-care', 'deletion', 'online-report', 'extortion', 'conversation', 'action', 'imagery-item'] as const satisfies readonly EntryKind[];

/** Kinds about one pupil by construction: the pupil is a required field of their own. */
const KINDS_ABOUT_ONE_PUPIL = { parents: 'pupilPersonId' } as const satisfies Partial<Record<EntryKind, string>>;

/** Whether entries of this kind can be about particular people (else: always the incident as a whole). */
export function canBeAboutPeople(kind: EntryKind): boolean {
  return (KINDS_ABOUT_PEOPLE as readonly string[]).includes(kind) || Object.hasOwn(KINDS_ABOUT_ONE_PUPIL, kind);
}

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/**
 * The incident people (incident_people ids) an entry is about, each once, in the order
 * recorded; empty when it is about the incident as a whole. Reads the stored body loosely:
 * an entry recorded before `about` existed has none, and so is about the whole incident.
 */
export function entrySubjectIds(kind: EntryKind, body: unknown): number[] {
  if (typeof body !== 'object' || body === null) return [];
  const fields = body as Record<string, unknown>;
  if (kind === 'parents') {
    const id = fields[KINDS_ABOUT_ONE_PUPIL.parents];
    return isId(id) ? [id] : [];
  }
  if (!(KINDS_ABOUT_PEOPLE as readonly string[]).includes(kind)) return [];
  const about = fields['about'];
  return Array.isArray(about) ? [...new Set(about.filter(isId))] : [];
}

/**
 * Whether, seen from one child's record, an entry concerns only other people: it names whom
 * it is about and that child is not among them. `ownPersonIds`: the child's incident_people
 * ids (one per incident they are on). An entry about the whole incident concerns everyone on it.
 */
export function concernsOnlyOthers(subjectIds: readonly number[], ownPersonIds: readonly number[]): boolean {
  return subjectIds.length > 0 && !subjectIds.some((id) => ownPersonIds.includes(id));
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

const WHOLE_INCIDENT = 'About the incident as a whole';

/** The line shown with an entry: "About Sam Jones and Pupil B", or the whole incident. */
export function aboutSentence(names: readonly string[]): string {
  return names.length === 0 ? WHOLE_INCIDENT : `About ${joinNames(names)}`;
}

/** The mark on a pupil's chronology for an entry about others only: children, or people who include an adult. */
export function onlyOthersLabel(subjectsAreChildren: readonly boolean[]): string {
  return subjectsAreChildren.every(Boolean) ? 'Concerns other children only' : 'Concerns other people only';
}
