import type { Roster } from './roster';

/**
 * Who must be deactivated in records restored from a backup so that the restore does not
 * bring a leaver back (issue 16): every member the live roster has deactivated who is still
 * active in the restored one. Ids are the same people in both, since the backup was signed
 * by a key the live roster knows. Sorted, for a stable audit.
 */
export function deactivationsCarried(live: Roster | null, restored: Roster): number[] {
  if (!live) return [];
  const deactivated = new Set(live.members.filter((m) => !m.active).map((m) => m.id));
  return restored.members
    .filter((m) => m.active && deactivated.has(m.id))
    .map((m) => m.id)
    .sort((a, b) => a - b);
}
