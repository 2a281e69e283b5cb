import { createHash } from 'node:crypto';
import type { Executor } from '../db/connection';
import { tableRows, userTables } from '../db/backup-queries';

export type TableDigests = Record<string, { rows: number; sha256: string }>;

/**
 * Table name → row count and a SHA-256 over every row in primary-key order, for every
 * real table (not sqlite_* tables, nor the FTS index, which is derived from entry_text).
 * Each table's hash covers its column names, then one line per row: the JSON of its values
 * with blobs and big integers tagged, so equal digests mean equal content, value for value.
 */
export async function tableDigests(db: Pick<Executor, 'all'>): Promise<TableDigests> {
  const digests: TableDigests = {};
  for (const table of await userTables(db)) {
    const hash = createHash('sha256').update(JSON.stringify(table.columns)).update('\n');
    let rows = 0;
    for await (const page of tableRows(db, table)) {
      for (const row of page) {
        hash.update(JSON.stringify(table.columns.map((column) => encodeValue(row[column])))).update('\n');
        rows += 1;
      }
    }
    digests[table.name] = { rows, sha256: hash.digest('hex') };
  }
  return digests;
}

function encodeValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return { blob: value.toString('hex') };
  if (typeof value === 'bigint') return { int: value.toString() };
  if (typeof value === 'number' && !Number.isFinite(value)) return { real: String(value) };
  return value;
}

/** The tables whose digests differ between two copies (missing on either side counts). */
export function differingTables(a: TableDigests, b: TableDigests): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((name) => a[name]?.rows !== b[name]?.rows || a[name]?.sha256 !== b[name]?.sha256);
}

export function rowCounts(digests: TableDigests): Record<string, number> {
  return Object.fromEntries(Object.entries(digests).map(([name, d]) => [name, d.rows]));
}
