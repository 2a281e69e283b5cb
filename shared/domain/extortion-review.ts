import type { IncidentKind } from './incidents';

/**
 * Why point 2 of the five points (coercion, blackmail or grooming) is met on this incident
 * whatever else is known, or null. A threat to share nudes or semi-nudes of a young person
 * unless they pay or send more is blackmail in the five points' terms (UKCCIS 2016, section 2,
 * point 2; decision 0021, field 8), so an incident opened as sexual extortion, or with sexual
 * extortion recorded on it, answers point 2 "yes" and the review's outcome is "refer now".
 */
export function blackmailOnRecord(kind: IncidentKind, entries: readonly { kind: string }[]): string | null {
  if (kind === 'sexual-extortion') return 'This incident is sexual extortion: a threat to share nudes or semi-nudes unless demands are met is blackmail, so point 2 is met.';
  if (entries.some((entry) => entry.kind === 'extortion')) return 'Sexual extortion is recorded on this incident: a threat to share nudes or semi-nudes unless demands are met is blackmail, so point 2 is met.';
  return null;
}
