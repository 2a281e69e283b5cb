import { incidentGaps, missingSignatures } from '../../../shared/domain/completeness';
import { schoolToday } from '../../../shared/domain/dates';
import { actionOverdue } from '../../../shared/domain/entries/action';
import { deletionOverdue } from '../../../shared/domain/entries/deletion';
import { ENTRY_KIND_DEFINITIONS } from '../../../shared/domain/entries/kinds';
import type { Dashboard } from '../../../shared/ipc/contract';
import { dashboardBackup } from '../backup-schedule';
import { entriesOfIncident, signaturesOfIncident } from '../db/entry-queries';
import { findIncident, listIncidents, openIncidentIds, peopleOfIncident } from '../db/incident-queries';
import { listStaff } from '../db/staff-queries';
import { completenessInput, latestEntry } from '../records/completeness-input';
import type { Handlers } from './types';

export const dashboardHandlers = {
  'dashboard.get': async (_input, ctx) => {
    const { db, user } = ctx.session;
    const today = schoolToday(ctx.now());
    const staff = await listStaff(db);
    const summaries = new Map((await listIncidents(db, 'open')).map((s) => [s.id, s]));
    const result: Dashboard = { openIncidents: [], overdue: [], awaitingSignature: [], lastBackup: await dashboardBackup(db, ctx.now()) };

    for (const incidentId of await openIncidentIds(db)) {
      const incident = await findIncident(db, incidentId);
      const summary = summaries.get(incidentId);
      if (!incident || !summary) continue;
      const [people, entries, signatures] = await Promise.all([peopleOfIncident(db, incidentId), entriesOfIncident(db, incidentId), signaturesOfIncident(db, incidentId)]);
      const input = completenessInput(incident, people, entries, signatures, staff);
      result.openIncidents.push({ ...summary, gaps: incidentGaps(input) });

      for (const entry of entries.filter((e) => e.latest)) {
        const latest = latestEntry(entry, signatures);
        const ref = { incidentId, reference: incident.reference, entryId: entry.id };
        if (latest.kind === 'deletion' && deletionOverdue(latest.body, today) && latest.body.mode === 'pupils-asked') {
          result.overdue.push({ ...ref, what: `Deletion by pupils not confirmed (${latest.body.pupils})`, dueOn: latest.body.deadline });
        }
        if (latest.kind === 'action' && actionOverdue(latest.body, today)) {
          result.overdue.push({ ...ref, what: latest.body.description.split('\n')[0] ?? '', dueOn: latest.body.dueOn });
        }
        for (const need of missingSignatures(latest)) {
          const from = need.staffId !== undefined ? (staff.find((s) => s.id === need.staffId)?.name ?? 'a member of staff') : need.role === 'head' ? 'The headteacher' : 'A DSL';
          const forMe = need.staffId !== undefined ? need.staffId === user.id : user.roles.some((r) => r === need.role);
          result.awaitingSignature.push({ ...ref, entryLabel: ENTRY_KIND_DEFINITIONS[entry.kind].label, occurredAt: entry.occurredAt, meaning: need.meaning, from, forMe });
        }
      }
    }
    result.overdue.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    result.awaitingSignature.sort((a, b) => Number(b.forMe) - Number(a.forMe) || a.occurredAt.localeCompare(b.occurredAt));
    return result;
  },
} satisfies Partial<Handlers>;
