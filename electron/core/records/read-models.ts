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

/** The date ages are counted on: the imagery's, or the day it came to attention when that is not known. */
export function ageDate(incident: IncidentDetail['incident']): string {
  return incident.imageryDate || incident.cameToAttentionOn;
}

export function personView(person: PersonRecord, onDate: string): IncidentPerson {
  const dateOfBirth = personDateOfBirth(person);
  const age = dateOfBirth ? ageOn(dateOfBirth, onDate) : (person.other?.age ?? null);
  return {
    id: person.id,
    roles: person.roles,
    ageOnImageryDate: age,
    pupil: person.pupil,
    other: person.other,
    addedAt: person.addedAt,
    addedByName: person.addedByName,
    removal: person.removal,
  };
}
