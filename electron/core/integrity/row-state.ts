import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { Row } from '../db/connection';

/** What an audit row records for a row it changed: its content's hash, or that it was deleted. */
export const DELETED = 'deleted';

/**
 * Columns added to a protected table after signing began (migration 009), by the migration
 * that added them. A row recorded before a column existed hashes without it; so, while the
 * column is NULL, it is left out of the hash and the row still matches what the audit
 * recorded (decision 0022). Once set, it is hashed like any other column, and clearing it
 * again changes the hash just as setting it did.
 */
const COLUMNS_ADDED_SINCE_SIGNING: Readonly<Record<string, readonly string[]>> = {
  incident_people: ['other_group_size'], // migration 010
};

/** The hash of a protected row as it stands, every column (decision 0017). */
export function rowStateHash(table: string, row: Row): string {
  return createHash('sha256').update(table).update('\n').update(canonicalJson(withoutUnsetLateColumns(table, row))).digest('hex');
}

function withoutUnsetLateColumns(table: string, row: Row): Row {
  const late = COLUMNS_ADDED_SINCE_SIGNING[table];
  if (!late?.some((column) => row[column] === null)) return row;
  const kept: Row = { ...row };
  for (const column of late) if (kept[column] === null) delete kept[column];
  return kept;
}

/** "pupils:12" — how the audit's states name a row. */
export function stateKey(table: string, key: string | number): string {
  return `${table}:${String(key)}`;
}
