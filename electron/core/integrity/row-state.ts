import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { Row } from '../db/connection';

/** What an audit row records for a row it changed: its content's hash, or that it was deleted. */
export const DELETED = 'deleted';

/**
 * Columns added to a protected table after signing began (migration 009), by the migration
 * that added them, with the value that migration gave every row already there. A row
 * recorded before a column existed hashes without it; so, while the column still holds that
 * value, it is left out of the hash and the row still matches what the audit recorded
 * (decision 0022). Any other value is hashed like any other column, so setting it, changing it
 * or putting it back all change the hash.
 */
const COLUMNS_ADDED_SINCE_SIGNING: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  incident_people: { other_group_size: null }, // migration 010
  incidents: { source: 'school', source_agency: '', source_reference: '' }, // migration 011
  pupils: {
    left_on: null, // migration 015
    left_destination_kind: null,
    left_destination: '',
    upn: null, // migration 017
    registration_group: '',
    preferred_first_name: '',
    preferred_last_name: '',
  },
};

/** The hash of a protected row as it stands, every column (decision 0017). */
export function rowStateHash(table: string, row: Row): string {
  return createHash('sha256').update(table).update('\n').update(canonicalJson(withoutUnsetLateColumns(table, row))).digest('hex');
}

function withoutUnsetLateColumns(table: string, row: Row): Row {
  const late = COLUMNS_ADDED_SINCE_SIGNING[table];
  if (!late) return row;
  const unset = Object.entries(late).filter(([column, value]) => column in row && row[column] === value);
  if (unset.length === 0) return row;
  const kept: Row = { ...row };
  for (const [column] of unset) delete kept[column];
  return kept;
}

/** "pupils:12" — how the audit's states name a row. */
export function stateKey(table: string, key: string | number): string {
  return `${table}:${String(key)}`;
}
