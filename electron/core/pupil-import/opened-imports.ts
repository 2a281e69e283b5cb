import { randomUUID } from 'node:crypto';
import type { CsvRow } from '../../../shared/domain/pupils/csv';
import type { UnlockedSession } from '../session/session';

/** A pupil list read in and held until it is imported or another is chosen. */
export type OpenedImport = { fileId: string; fileName: string; headings: string[]; rows: CsvRow[] };

/**
 * The list a session read last, held in the core's memory only (never written down), so the
 * preview and the apply work on the very bytes chosen. Keyed by the session, so locking (which
 * drops the session) drops the list with it.
 */
const opened = new WeakMap<UnlockedSession, OpenedImport>();

export function holdImport(session: UnlockedSession, file: Omit<OpenedImport, 'fileId'>): OpenedImport {
  const held = { ...file, fileId: randomUUID() };
  opened.set(session, held);
  return held;
}

export function heldImport(session: UnlockedSession, fileId: string): OpenedImport | undefined {
  const held = opened.get(session);
  return held?.fileId === fileId ? held : undefined;
}

export function releaseImport(session: UnlockedSession): void {
  opened.delete(session);
}
