import { incidentGaps, missingSignatures } from '../../../shared/domain/completeness';
import { actionOverdue } from '../../../shared/domain/entries/action';
import { latestReviewOf, type ReviewOfDecision } from '../../../shared/domain/entries/decision-review';
import { deletionOverdue } from '../../../shared/domain/entries/deletion';
import { ENTRY_KIND_DEFINITIONS } from '../../../shared/domain/entries/kinds';
import { firstLineOf, signatoryInWords } from '../../../shared/domain/phrases';
import type { StaffMember } from '../../../shared/domain/staff';
import type { Dashboard } from '../../../shared/domain/read-models/dashboard';
import type { Executor } from '../db/connection';
import { entriesOfOpenIncidents, signaturesOfOpenIncidents } from '../db/entry-queries';
import { openIncidents, peopleOfOpenIncidents } from '../db/incident-queries';
import { listStaff } from '../db/staff-queries';
import { transfersAwaitingConfirmation } from '../db/transfer-queries';
import { completenessInput, latestEntry } from './completeness-input';

export type DashboardRecords = Omit<Dashboard, 'lastBackup'>;

/**
 * What the dashboard shows from the records: every open incident with what it is missing,
 * what is overdue on `today`, and the signatures still awaited (marked for `user`). Five
 * queries whatever the number of open incidents, then the domain rules on each.
 */
export async function readDashboard(db: Pick<Executor, 'all'>, user: Pick<StaffMember, 'id' | 'roles'>, today: string): Promise<DashboardRecords> {
  const [staff, incidents, people, entries, signatures, transfers] = await Promise.all([
    listStaff(db),
    openIncidents(db),
    peopleOfOpenIncidents(db),
    entriesOfOpenIncidents(db),
    signaturesOfOpenIncidents(db),
    transfersAwaitingConfirmation(db),
  ]);
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const result: DashboardRecords = { openIncidents: [], overdue: [], awaitingSignature: [], transfersAwaiting: [] };
  // Issue 20: overdue transfers first, then by deadline (the query's order).
  result.transfersAwaiting = transfers
    .map((t) => ({ transferId: t.id, pupilName: t.pupilName, receivingSchool: t.receivingSchool, dueOn: t.dueOn, sent: t.sentOn !== null, overdue: t.dueOn < today }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));

  for (const incident of incidents) {
    const incidentId = incident.id;
    const reviews: (ReviewOfDecision & { entryId: number })[] = [];
    const ownPeople = people.get(incidentId) ?? [];
    const ownEntries = entries.get(incidentId) ?? [];
    const ownSignatures = signatures.get(incidentId) ?? [];
    const current = ownEntries.filter((e) => e.latest);
    const { id, reference, title, status, cameToAttentionOn, kind, policeMatter } = incident;
    result.openIncidents.push({
      id,
      reference,
      title,
      status,
      cameToAttentionOn,
      kind,
      policeMatter,
      peopleCount: ownPeople.length,
      entryCount: current.length,
      gaps: incidentGaps(completenessInput(incident, ownPeople, ownEntries, ownSignatures, staff, today)),
    });

    for (const entry of current) {
      const latest = latestEntry(entry, ownSignatures, incident.reopenedAt);
      const ref = { incidentId, reference, entryId: entry.id };
      if (latest.kind === 'deletion' && deletionOverdue(latest.body, today) && latest.body.mode === 'pupils-asked') {
        result.overdue.push({ ...ref, what: `Deletion by ${latest.body.pupils} not yet confirmed`, dueOn: latest.body.deadline });
      }
      if (latest.kind === 'decision-review' || latest.kind === 'initial-review') reviews.push({ entryId: entry.id, occurredAt: latest.occurredAt, body: latest.body });
      if (latest.kind === 'action' && actionOverdue(latest.body, today)) {
        result.overdue.push({ ...ref, what: firstLineOf(latest.body.description), dueOn: latest.body.dueOn });
      }
      for (const need of missingSignatures(latest)) {
        const from = signatoryInWords(need, (id) => staffById.get(id)?.name);
        // Nobody signs one version twice with one meaning (a closure approved before a reopening is amended, then signed).
        const signedAlready = ownSignatures.some((s) => s.entryId === entry.id && s.signerId === user.id && s.meaning === need.meaning);
        const forMe = !signedAlready && (need.staffId !== undefined ? need.staffId === user.id : user.roles.some((r) => r === need.role));
        result.awaitingSignature.push({ ...ref, entryLabel: ENTRY_KIND_DEFINITIONS[entry.kind].label, occurredAt: entry.occurredAt, meaning: need.meaning, from, forMe });
      }
    }
    // Only the latest review's date counts: recording a review moves the date on.
    const latestReview = latestReviewOf(reviews);
    const reviewBy = latestReview?.body.nextReviewBy ?? '';
    if (latestReview && reviewBy !== '' && reviewBy < today) {
      result.overdue.push({ incidentId, reference: incident.reference, entryId: latestReview.entryId, what: 'Review the decision', dueOn: reviewBy });
    }
  }
  result.overdue.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  result.awaitingSignature.sort((a, b) => Number(b.forMe) - Number(a.forMe) || a.occurredAt.localeCompare(b.occurredAt));
  return result;
}
