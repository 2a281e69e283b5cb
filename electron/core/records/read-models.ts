import { ageOn, isBackdated } from '../../../shared/domain/dates';
import { definitionOf } from '../../../shared/domain/entries/kinds';
import { personDateOfBirth } from '../../../shared/domain/incidents';
import type { EntryVersion } from '../../../shared/domain/read-models/entry-version';
import type { IncidentDetail } from '../../../shared/domain/read-models/incident-detail';
import type { IncidentPerson } from '../../../shared/domain/read-models/incident-person';
import type { EntryRecord, SignatureRecord } from '../db/entry-queries';
import type { PersonRecord } from '../db/incident-queries';

// Database rows turned into the read models the screens and the PDFs share.

export function entryView(entry: EntryRecord, signatures: SignatureRecord[]): EntryVersion {
  return {
    ...entry,
    backdated: isBackdated(entry.occurredAt, entry.recordedAt),
    summary: definitionOf(entry.kind).summary(entry.body),
    signatures: signatures.filter((s) => s.entryId === entry.id),
  };
}

/**
 * A person's age as the records show it. On the imagery's date when that is known; when it is
 * not, the age the day the school found out is shown as that and nothing else, because the
 * imagery may have been made when they were younger (the five points read it the same way:
 * shared/domain/review-people.ts).
 */
export function personView(person: PersonRecord, incident: Pick<IncidentDetail['incident'], 'imageryDate' | 'cameToAttentionOn'>): IncidentPerson {
  const dateOfBirth = personDateOfBirth(person);
  const onDate = incident.imageryDate || incident.cameToAttentionOn;
  const age = dateOfBirth ? ageOn(dateOfBirth, onDate) : (person.other?.age ?? null);
  const imageryDateKnown = incident.imageryDate !== '';
  return {
    id: person.id,
    roles: person.roles,
    ageOnImageryDate: imageryDateKnown ? age : null,
    ageWhenReported: imageryDateKnown ? null : age,
    pupil: person.pupil,
    other: person.other,
    addedAt: person.addedAt,
    addedByName: person.addedByName,
    removal: person.removal,
  };
}
