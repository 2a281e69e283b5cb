import type { EntryKind } from '../../../../shared/domain/entries/kinds';

/** Where each kind of entry is recorded: two bespoke forms, the rest from their specs. */
export function recordPath(incidentId: number, kind: EntryKind): string {
  if (kind === 'viewing-log') return `/incidents/${incidentId}/viewing-log/new`;
  if (kind === 'initial-review') return `/incidents/${incidentId}/initial-review/new`;
  return `/incidents/${incidentId}/record/${kind}`;
}
