import type { OtherEntriesChoice } from '../../../shared/domain/exports';
import { concernsOnlyOthers, entrySubjectIds } from '../../../shared/domain/whose-entry';
import type { IncidentDetail } from '../../../shared/domain/read-models/incident-detail';

/**
 * The entries of a pupil's incidents that concern only other people, by entry (all its
 * versions go together, judged by the latest: what the record now says it is about).
 */
function entryKeysAboutOthers(pupilId: number, detail: IncidentDetail): Set<string> {
  const own = detail.people.filter((p) => p.pupil?.id === pupilId).map((p) => p.id);
  return new Set(detail.entries.filter((e) => e.latest && concernsOnlyOthers(entrySubjectIds(e.kind, e.body), own)).map((e) => e.entryKey));
}

/** How many entries across a pupil's incidents concern only other people. */
export function countAboutOthers(pupilId: number, incidents: readonly IncidentDetail[]): number {
  return incidents.reduce((n, d) => n + entryKeysAboutOthers(pupilId, d).size, 0);
}

/** A pupil's incidents as the chosen document prints them: with or without the entries about others only. */
export function applyOtherEntriesChoice(pupilId: number, incidents: readonly IncidentDetail[], choice: OtherEntriesChoice): IncidentDetail[] {
  if (choice === 'include') return [...incidents];
  return incidents.map((d) => {
    const others = entryKeysAboutOthers(pupilId, d);
    return others.size === 0 ? d : { ...d, entries: d.entries.filter((e) => !others.has(e.entryKey)) };
  });
}
