import type { RedactionChild } from '../../../shared/domain/redaction';
import type { IncidentPerson } from '../../../shared/domain/read-models/incident-person';

/** The child's key in exports (shared/domain/exports childKey), or null for an adult. */
export function childKeyOf(person: IncidentPerson): string | null {
  if (person.pupil) return `pupil:${person.pupil.id}`;
  // An online account's age is not known: its name is kept out of another child's file as a child's would be.
  if (person.other?.kind === 'young_person' || person.other?.kind === 'online-account') return `person:${person.id}`;
  return null;
}

/** The children of the given incidents' people, each once, in the order they first appear. */
export function childrenOf(people: readonly IncidentPerson[]): RedactionChild[] {
  const seen = new Set<string>();
  const children: RedactionChild[] = [];
  for (const person of people) {
    const key = childKeyOf(person);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    if (person.pupil) {
      children.push({ key, kind: 'pupil', firstName: person.pupil.firstName, lastName: person.pupil.lastName });
    } else if (person.other) {
      const [first = '', ...rest] = person.other.name.trim().split(/\s+/);
      children.push({ key, kind: 'young_person', firstName: first, lastName: rest.join(' ') });
    }
  }
  return children;
}
