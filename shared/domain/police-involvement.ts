import type { CompletenessInput } from './completeness';
import { formatDate } from './dates';

export type PoliceInvolvement = {
  /** The police know of the incident: an adult was involved from the start, or it was reported to them. */
  involved: boolean;
  /** What is true, for the summary on screen and in print. */
  words: string;
};

/**
 * Whether the police are involved, and how: "from the outset" is only ever an incident the
 * police started or one whose kind is a police matter (adult-shared, sexual-extortion); an
 * incident reported to them later is involved "by referral". A record must never say "No"
 * about an incident the school reported to the police.
 */
export function policeInvolvement(input: Pick<CompletenessInput, 'incident' | 'entries'>): PoliceInvolvement {
  const reports = input.entries.filter((e) => e.kind === 'police-report').map((e) => e.occurredAt).sort();
  const firstReport = reports[0];
  const decided = input.entries.some(
    (e) => (e.kind === 'initial-review' && e.body.decision === 'refer' && e.body.referTo.includes('police')) || (e.kind === 'escalation' && e.body.referTo.includes('police')),
  );
  if (input.incident.source === 'police') {
    // Annex F case 14: the police started it, so they knew before the school did.
    const reference = input.incident.sourceReference ? ` (their reference ${input.incident.sourceReference})` : '';
    return {
      involved: true,
      words: `Yes, from the outset: the police told the school${reference}.${firstReport ? ` The school’s report to them is recorded on ${formatDate(firstReport)}.` : ''}`,
    };
  }
  if (input.incident.policeMatter) {
    // Why the police knew from the outset, as the incident's kind says (decision 0021).
    const why = input.incident.kind === 'sexual-extortion' ? 'this is sexual extortion (‘sextortion’)' : 'an adult is involved';
    return {
      involved: true,
      words: firstReport
        ? `Yes, from the outset: ${why}. Reported to the police on ${formatDate(firstReport)}.`
        : `Yes, from the outset: ${why}, so the police must be told. The report to them is not yet recorded.`,
    };
  }
  if (firstReport) return { involved: true, words: `Yes, by referral: reported to the police on ${formatDate(firstReport)}.` };
  if (decided) return { involved: false, words: 'Not yet: the school decided to refer to the police, but the report to them is not yet recorded.' };
  return { involved: false, words: 'No' };
}
