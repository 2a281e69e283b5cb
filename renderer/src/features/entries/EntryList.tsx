import type { EntryVersion, IncidentDetail } from '../../../../shared/ipc/contract';
import { EntryCard } from './EntryCard';

/** One card per entry (its latest version), in the order things happened; earlier versions inside. */
export function EntryList({ detail, canRecord, onChanged }: { detail: IncidentDetail; canRecord: boolean; onChanged: () => void }) {
  const versions = new Map<string, EntryVersion[]>();
  for (const entry of detail.entries) versions.set(entry.entryKey, [...(versions.get(entry.entryKey) ?? []), entry]);
  const groups = [...versions.values()]
    .map((all) => {
      const sorted = [...all].sort((a, b) => b.version - a.version);
      return { latest: sorted[0]!, earlier: sorted.slice(1) };
    })
    .sort((a, b) => a.latest.occurredAt.localeCompare(b.latest.occurredAt) || a.latest.recordedAt.localeCompare(b.latest.recordedAt));

  if (groups.length === 0) return <p>Nothing has been recorded on this incident yet.</p>;
  return (
    <ol className="entry-list" aria-label="Entries in the order they happened">
      {groups.map(({ latest, earlier }) => (
        <li key={latest.entryKey}>
          <EntryCard entry={latest} earlier={earlier} detail={detail} canRecord={canRecord && detail.incident.status === 'open'} onChanged={onChanged} />
        </li>
      ))}
    </ol>
  );
}
