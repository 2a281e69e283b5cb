import type { CompletenessInput } from './completeness';
import { policeInvolvement } from './police-involvement';

export const OTHER_AGENCIES = ['police', 'childrens-social-care'] as const;
export type OtherAgency = (typeof OTHER_AGENCIES)[number];

/**
 * The agencies other than the school that know of the incident: the police (as
 * `policeInvolvement` says: an adult from the outset, or a report to them), and children's
 * social care when they told the school of it, a referral was made to them, or a contact found
 * them already involved.
 */
export function otherAgenciesInvolved(input: Pick<CompletenessInput, 'incident' | 'entries'>): OtherAgency[] {
  const agencies: OtherAgency[] = [];
  if (policeInvolvement(input).involved) agencies.push('police');
  const socialCare =
    input.incident.source === 'childrens-social-care' ||
    input.entries.some((e) => e.kind === 'social-care' && (e.body.referralMade === 'yes' || e.body.alreadyInvolved === 'yes'));
  if (socialCare) agencies.push('childrens-social-care');
  return agencies;
}

const AGENCY_WORDS: Record<OtherAgency, string> = { police: 'the police', 'childrens-social-care': 'children’s social care' };

/** "The police", "Children’s social care", or both joined with "and", to begin a sentence. */
export function agenciesInWords(agencies: readonly OtherAgency[]): string {
  const words = agencies.map((a) => AGENCY_WORDS[a]).join(' and ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Section 2, "Deletion of images": deletion is considered "if the school has decided that
 * other agencies do not need to be involved". When one is, the imagery may be evidence, so a
 * deletion is recorded only with the DSL's word that the agency agreed to it or knows of it.
 * Returns the message for the tick when it is missing, otherwise undefined.
 */
export function deletionAgreementRefusal(agencies: readonly OtherAgency[], agreed: boolean): string | undefined {
  if (agencies.length === 0 || agreed) return undefined;
  return `${agenciesInWords(agencies)} are involved: confirm they have agreed to the deletion, or know of it, before recording it`;
}
