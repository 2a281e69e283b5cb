import { formatDate } from './dates';
import type { PersonRole } from './incidents';

/**
 * Dates that cannot be true, refused by the core and shown as the DSL types. Every date
 * here is a calendar date (yyyy-mm-dd) on the school's clock, so "today" is the school's
 * today (dates.ts `schoolToday`), not the computer's UTC date: at 00:30 in British Summer
 * Time it is already tomorrow in London and still yesterday in UTC. Each function answers
 * with the message for the field, or null when the date is possible; an empty date (not
 * known) is always possible.
 */

/** A date of birth after today: it would show as "age -1". */
export function dateOfBirthError(dateOfBirth: string, today: string): string | null {
  if (dateOfBirth === '' || dateOfBirth <= today) return null;
  return 'The date of birth cannot be in the future';
}

/** An incident cannot come to the school's attention after today (it would take next year's reference). */
export function cameToAttentionError(cameToAttentionOn: string, today: string): string | null {
  if (cameToAttentionOn === '' || cameToAttentionOn <= today) return null;
  return 'The date it came to the school’s attention cannot be in the future';
}

/**
 * The date imagery was made at the latest: its own date, or the day it came to attention
 * when that is not known (it cannot have been made later than that).
 */
function imageryMadeBy(incident: { imageryDate: string; cameToAttentionOn: string }): string {
  return incident.imageryDate || incident.cameToAttentionOn;
}

/** A person pictured in imagery made before they were born. */
export function bornAfterImageryError(dateOfBirth: string, incident: { imageryDate: string; cameToAttentionOn: string }): string | null {
  const madeBy = imageryMadeBy(incident);
  if (dateOfBirth === '' || madeBy === '' || dateOfBirth <= madeBy) return null;
  const made = incident.imageryDate ? `made on ${formatDate(madeBy)}` : `made by ${formatDate(madeBy)}, when it came to attention,`;
  return `Imagery ${made} cannot picture someone born on ${formatDate(dateOfBirth)}: check the date of birth and the imagery date`;
}

/** `bornAfterImageryError` for a person with these roles: only someone pictured is checked. */
export function picturedBornAfterImageryError(
  roles: readonly PersonRole[],
  dateOfBirth: string,
  incident: { imageryDate: string; cameToAttentionOn: string },
): string | null {
  return roles.includes('pictured') ? bornAfterImageryError(dateOfBirth, incident) : null;
}

/**
 * The first of these people pictured in the imagery and born after it was made, for a check
 * of a new or changed imagery date against everyone already on the incident.
 */
export function firstPicturedBornAfterImagery<P extends { roles: readonly PersonRole[]; dateOfBirth: string }>(
  people: readonly P[],
  incident: { imageryDate: string; cameToAttentionOn: string },
): { person: P; message: string } | null {
  for (const person of people) {
    const message = picturedBornAfterImageryError(person.roles, person.dateOfBirth, incident);
    if (message) return { person, message };
  }
  return null;
}
