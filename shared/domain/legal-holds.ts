/**
 * Legal holds (issue 20 item 4): while a hold stands, the records it covers cannot be destroyed.
 * The destruction part's own minimal version of this rule; the legal-holds part's file
 * replaces it at merge with the same name and signature.
 */
export type ActiveHold = { id: number; reasonKind: string; placedAt: string; on: 'incident' | 'pupil' };

/** Why the records cannot be destroyed while these holds stand, in the DSL's words; null when none does. */
export function destructionBlockedBy(holds: readonly ActiveHold[]): string | null {
  if (holds.length === 0) return null;
  const first = holds[0]!;
  const more = holds.length > 1 ? ` (and ${holds.length - 1} more)` : '';
  return `This record is on legal hold (${first.reasonKind.replaceAll('-', ' ')}, placed ${first.placedAt.slice(0, 10)}, on ${first.on === 'incident' ? 'an incident' : 'a pupil'} it covers)${more}, so it cannot be destroyed. A DSL must release the hold, with a reason, first.`;
}
