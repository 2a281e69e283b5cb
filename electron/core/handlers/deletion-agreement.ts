import type { EntryContent } from '../../../shared/domain/entries/kinds';
import { deletionAgreementRefusal, otherAgenciesInvolved } from '../../../shared/domain/other-agencies';
import type { Executor } from '../db/connection';
import { entriesOfIncident } from '../db/entry-queries';
import { AppError } from '../errors';
import { latestEntry } from '../records/completeness-input';
import { requireIncident } from './incident-guards';

/**
 * A deletion on an incident the police or children's social care know of carries the DSL's
 * word that they agreed to it or know of it (section 2, "Deletion of images"). Run inside the
 * write's transaction, so a report to the police recorded a moment before is seen.
 */
export async function checkDeletionAgreement(db: Pick<Executor, 'get' | 'all'>, incidentId: number, content: EntryContent): Promise<void> {
  if (content.kind !== 'deletion') return;
  const incident = await requireIncident(db, incidentId);
  const entries = (await entriesOfIncident(db, incidentId)).filter((e) => e.latest).map((e) => latestEntry(e, []));
  const refusal = deletionAgreementRefusal(otherAgenciesInvolved({ incident, entries }), content.body.otherAgencyAgreed);
  if (refusal) throw new AppError('invalid_input', 'Another agency is involved in this incident.', { 'body.otherAgencyAgreed': refusal });
}
