import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { NewEntryRow } from '../db/entry-queries';

/**
 * SHA-256 of everything a signature vouches for in one entry version. Signatures store
 * it too, so a later change to any of these (which the triggers forbid anyway) shows.
 */
export function entryContentHash(entry: Omit<NewEntryRow, 'contentHash'>): string {
  const { entryKey, incidentId, kind, version, supersedesId, occurredAt, recordedAt, authorId, body, amendmentReason } = entry;
  return createHash('sha256')
    .update(canonicalJson({ entryKey, incidentId, kind, version, supersedesId, occurredAt, recordedAt, authorId, body, amendmentReason }))
    .digest('hex');
}
