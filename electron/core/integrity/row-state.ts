import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { Row } from '../db/connection';

/** What an audit row records for a row it changed: its content's hash, or that it was deleted. */
export const DELETED = 'deleted';

/** The hash of a protected row as it stands, every column (decision 0017). */
export function rowStateHash(table: string, row: Row): string {
  return createHash('sha256').update(table).update('\n').update(canonicalJson(row)).digest('hex');
}

/** "pupils:12" — how the audit's states name a row. */
export function stateKey(table: string, key: string | number): string {
  return `${table}:${String(key)}`;
}
