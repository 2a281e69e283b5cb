import type { EntryVersion, IncidentDetail, IncidentEventView } from '../../../../shared/ipc/contract';
import { IncidentEventCard } from '../incidents/IncidentHistory';
import { EntryCard } from './EntryCard';

type Item = { at: string; key: string; group: { latest: EntryVersion; earlier: EntryVersion[] } } | { at: string; key: string; event: IncidentEventView };

/**
 * One card per entry (its latest version), in the order things happened; earlier versions
 * inside. Corrections of the incident's details and its closures, reopenings and voiding sit
 * among them at the time they were made.
 */
export function EntryList({ detail, canRecord }: { detail: IncidentDetail; canRecord: boolean }) {
  const versions = new Map<string, EntryVersion[]>();
  for (const entry of detail.entries) versions.set(entry.entryKey, [...(versions.get(entry.entryKey) ?? []), entry]);
  const groups = [...versions.values()].map((all) => {
    const sorted = [...all].sort((a, b) => b.version - a.version);
    return { latest: sorted[0]!, earlier: sorted.slice(1) };
  });
  const items: Item[] = [
    ...groups.map((group) => ({ at: group.latest.occurredAt, key: group.latest.entryKey, group, recordedAt: group.latest.recordedAt })),
    ...detail.history.map((event, n) => ({ at: event.at, key: `event-${n}`, event, recordedAt: event.at })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.recordedAt.localeCompare(b.recordedAt));

  if (items.length === 0) return <p>Nothing has been recorded on this incident yet.</p>;
  return (
    <ol className="entry-list" aria-label="Entries in the order they happened">
      {items.map((item) => (
        <li key={item.key}>
          {'event' in item ? (
            <IncidentEventCard event={item.event} />
          ) : (
            <EntryCard entry={item.group.latest} earlier={item.group.earlier} detail={detail} canRecord={canRecord && detail.incident.status === 'open'} />
          )}
        </li>
      ))}
    </ol>
  );
}
