import type { EntryKind } from '../domain/entries/kinds';
import { aboutSentence, canBeAboutPeople, entrySubjectIds } from '../domain/whose-entry';
import type { IncidentPerson } from '../domain/read-models/incident-person';
import { personName } from './field-spec';

/**
 * The "About …" line of an entry, naming the incident's people as typed: the incident page
 * shows it, and the PDFs print it before their redaction replaces withheld children's names
 * with labels ("Pupil B"). Null for kinds that are always about the incident as a whole.
 */
export function entryAboutLine(kind: EntryKind, body: unknown, people: readonly IncidentPerson[]): string | null {
  const ids = entrySubjectIds(kind, body);
  if (ids.length === 0 && !canBeAboutPeople(kind)) return null;
  return aboutSentence(
    ids.map((id) => {
      const person = people.find((p) => p.id === id);
      return person ? personName(person) : 'someone no longer on this incident';
    }),
  );
}
