import { dueOfIncident, transferDue } from '../../../shared/domain/due';
import type { WhatIsDue } from '../../../shared/domain/read-models/due';
import type { Executor } from '../db/connection';
import { entriesOfOpenIncidents, signaturesOfOpenIncidents } from '../db/entry-queries';
import { openIncidents } from '../db/incident-queries';
import { listStaff } from '../db/staff-queries';
import { transfersAwaitingConfirmation } from '../db/transfer-queries';
import { latestEntry } from './completeness-input';

/**
 * What is due on the open incidents (the backup is added by the handler, which knows the
 * time): the dashboard's queries, then the rules of shared/domain/due.ts on each incident's
 * latest versions, and the transfers awaiting confirmation. Five queries whatever the number of incidents.
 */
export async function readWhatIsDue(db: Pick<Executor, 'all'>, today: string): Promise<WhatIsDue> {
  const [staff, incidents, entries, signatures, transfers] = await Promise.all([
    listStaff(db),
    openIncidents(db),
    entriesOfOpenIncidents(db),
    signaturesOfOpenIncidents(db),
    transfersAwaitingConfirmation(db),
  ]);
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const staffName = (id: number) => staffById.get(id)?.name;
  const items = incidents.flatMap((incident) => {
    const ownSignatures = signatures.get(incident.id) ?? [];
    const current = (entries.get(incident.id) ?? [])
      .filter((e) => e.latest)
      .map((e) => ({ ...latestEntry(e, ownSignatures, incident.reopenedAt), entryId: e.id }));
    return dueOfIncident(incident, current, staffName, today);
  });
  // Transfers of child-protection files awaiting confirmation (issue 20), whatever the incidents' status.
  items.push(...transfers.map((t) => transferDue(t, today)));
  return { today, items, staff: staff.map(({ id, name, roles, active }) => ({ id, name, roles, active })) };
}
