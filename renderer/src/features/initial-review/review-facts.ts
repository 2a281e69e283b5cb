import { formatDate } from '../../../../shared/domain/dates';
import { pupilFullName } from '../../../../shared/domain/pupils';
import { ADULT_AGE, UNDER_AGE } from '../../../../shared/domain/referral';
import type { IncidentDetail } from '../../../../shared/ipc/contract';

/** The facts behind the age-based points, in words: who is an adult, who pictured is under 13. */
export function ageFacts(detail: IncidentDetail): string[] {
  const onDate = detail.incident.imageryDate || detail.incident.cameToAttentionOn;
  const facts: string[] = [];
  for (const person of detail.people) {
    const name = person.pupil ? pupilFullName(person.pupil) : (person.other?.name ?? 'Someone');
    const age = person.ageOnImageryDate;
    if (person.other?.kind === 'adult' || (age !== null && age >= ADULT_AGE)) {
      facts.push(`${name} is an adult${age !== null ? ` (${age} on ${formatDate(onDate)})` : ''}: point 1 is met whatever is answered below.`);
    } else if (person.roles.includes('pictured') && age !== null && age < UNDER_AGE) {
      facts.push(`${name} is pictured and was ${age} on ${formatDate(onDate)}: under 13.`);
    } else if (person.roles.includes('pictured') && age === null) {
      facts.push(`${name} is pictured and their age is not known.`);
    }
  }
  return facts;
}
