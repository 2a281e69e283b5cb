import { z } from 'zod';
import type { Executor, Row } from './connection';

/**
 * The tables whose rows the audit vouches for (decision 0017), each with its key column.
 * Derived tables (the search index, entry_text) are rebuilt from these and are not listed;
 * the audit itself is a chain of its own.
 */
export const PROTECTED_TABLES = {
  staff: 'id',
  settings: 'key',
  pupils: 'id',
  incidents: 'id',
  incident_people: 'id',
  incident_versions: 'id',
  incident_status_changes: 'id',
  entries: 'id',
  signatures: 'id',
  roster: 'version',
  contacts: 'id',
  transfers: 'id',
  received_files: 'id',
  legal_holds: 'id',
  retention_reviews: 'id',
  practice_sessions: 'id',
} as const;
export type ProtectedTable = keyof typeof PROTECTED_TABLES;
export const PROTECTED_TABLE_NAMES = Object.keys(PROTECTED_TABLES) as ProtectedTable[];

/**
 * Per connection: every insert, update or delete on a protected table notes the row in a
 * temporary table, so the audit row appended in the same transaction can record the state
 * it left each row in. Temporary objects are this connection's alone and never reach the
 * file. Installed after migrations, when every protected table exists.
 */
export async function installChangeTracking(db: Pick<Executor, 'exec'>): Promise<void> {
  const statements = ['CREATE TEMP TABLE IF NOT EXISTS changed_rows (tbl TEXT NOT NULL, k TEXT NOT NULL, PRIMARY KEY (tbl, k)) WITHOUT ROWID'];
  for (const [table, key] of Object.entries(PROTECTED_TABLES)) {
    for (const [event, row] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const) {
      statements.push(
        `CREATE TEMP TRIGGER IF NOT EXISTS track_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
         BEGIN INSERT OR IGNORE INTO temp.changed_rows (tbl, k) VALUES ('${table}', CAST(${row}.${key} AS TEXT)); END`,
      );
    }
  }
  await db.exec(statements.join(';\n'));
}

const changedRow = z.object({ tbl: z.enum(PROTECTED_TABLE_NAMES as [ProtectedTable, ...ProtectedTable[]]), k: z.string() });

/** The rows changed since the last call on this connection, each with its current content (undefined: deleted). */
export async function takeChangedRows(tx: Executor): Promise<{ table: ProtectedTable; key: string; row: Row | undefined }[]> {
  // A connection that does not track (a backup's copy, a test's bare database) has nothing to report.
  if (!(await tx.get("SELECT 1 AS x FROM temp.sqlite_schema WHERE name = 'changed_rows'"))) return [];
  const changed = (await tx.all('SELECT tbl, k FROM temp.changed_rows ORDER BY tbl, k')).map((r) => changedRow.parse(r));
  if (changed.length === 0) return [];
  await tx.run('DELETE FROM temp.changed_rows');
  const out: { table: ProtectedTable; key: string; row: Row | undefined }[] = [];
  for (const { tbl, k } of changed) {
    out.push({ table: tbl, key: k, row: await tx.get(`SELECT * FROM main.${tbl} WHERE ${PROTECTED_TABLES[tbl]} = ?`, [keyValue(tbl, k)]) });
  }
  return out;
}

/** Whether any change on this connection still waits for its audit row. */
export async function hasUntrackedChanges(tx: Pick<Executor, 'get'>): Promise<boolean> {
  return (await tx.get('SELECT 1 AS x FROM temp.changed_rows LIMIT 1')) !== undefined;
}

/** Every row of a protected table, a page at a time in key order, for Verify. */
export async function* protectedRows(db: Pick<Executor, 'all'>, table: ProtectedTable, pageSize = 2000): AsyncGenerator<Row[]> {
  const key = PROTECTED_TABLES[table];
  let after: string | number | null = null;
  for (;;) {
    const rows: Row[] = await db.all(
      `SELECT * FROM main.${table} WHERE ?1 IS NULL OR ${key} > ?1 ORDER BY ${key} LIMIT ?2`,
      [after, pageSize],
    );
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]![key];
    after = typeof last === 'number' || typeof last === 'string' ? last : null;
    if (rows.length < pageSize) return;
  }
}

function keyValue(table: ProtectedTable, key: string): string | number {
  return PROTECTED_TABLES[table] === 'key' ? key : Number(key);
}
