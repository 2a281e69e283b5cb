import type { IncidentKind } from './incidents';

/** What a recorded entry needs to read: its kind and, for an online report, its route. */
type EntryFacts = { kind: string; body: unknown };

function routeOf(entry: EntryFacts): unknown {
  return typeof entry.body === 'object' && entry.body !== null && 'route' in entry.body ? entry.body.route : undefined;
}

/**
 * Why imagery on this incident should not be deleted yet, in the words shown before a deletion
 * is recorded, or null. Sexual extortion: the NCA advises avoiding "deleting anything … that
 * could be used as evidence such as messages, images, telephone numbers, and bank account
 * details" (docs/guidance-2024.md S3). Take It Down needs the image still on the device it was
 * taken on ("You must have the image or video on your device", S5). Decision 0021, item 6.
 */
export function evidenceToKeep(kind: IncidentKind, entries: readonly EntryFacts[]): string | null {
  const reasons: string[] = [];
  if (kind === 'sexual-extortion' || entries.some((entry) => entry.kind === 'extortion')) {
    reasons.push(
      'Sexual extortion is recorded on this incident. The NCA advises keeping anything that could be evidence — messages, usernames, payment details, telephone numbers — because the police may need it: speak to them before anything is deleted.',
    );
  }
  if (entries.some((entry) => entry.kind === 'online-report' && routeOf(entry) === 'take-it-down')) {
    reasons.push('A Take It Down report is recorded: it works only while the image is still on the young person’s own device, so deleting it there first can stop the report working.');
  }
  return reasons.length === 0 ? null : reasons.join(' ');
}
