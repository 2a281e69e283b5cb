import type { EntryContent } from '../../../shared/domain/entries/kinds';
import { KINDS_ABOUT_PEOPLE } from '../../../shared/domain/whose-entry';
import type { Executor } from '../db/connection';
import { findPerson } from '../db/incident-queries';
import { AppError } from '../errors';

/**
 * Whom an entry says it is about (its `about`) must be people on the entry's own incident:
 * otherwise one child's record would show an entry about someone on another incident.
 * Someone removed from the incident (added in error) cannot be named anew; an amendment may
 * keep naming them where the version it replaces did, so the record of what was said stays.
 * Called inside the write's transaction, so no one can be moved between check and write.
 */
export async function checkEntrySubjects(tx: Pick<Executor, 'get'>, incidentId: number, content: EntryContent, namedBefore: readonly unknown[] = []): Promise<void> {
  if (!(KINDS_ABOUT_PEOPLE as readonly string[]).includes(content.kind)) return;
  const about = 'about' in content.body ? content.body.about : undefined;
  for (const personId of about ?? []) {
    const person = await findPerson(tx, personId);
    if (!person || person.incidentId !== incidentId || (person.removal !== null && !namedBefore.includes(personId))) {
      throw new AppError('invalid_input', 'Check who this entry is about: choose only people on this incident.', { 'body.about': 'Choose only people on this incident' });
    }
  }
}
