import { z } from 'zod';
import type { Database, Executor, Row } from './connection';

// The SQL behind backups (electron/core/backup): an encrypted copy made with
// sqlcipher_export into an attached database, and reading every row of every table in
// primary-key order so two copies can be compared.

/** The schema name the export target is attached under while a backup is made. */
const TARGET = 'backup';

/**
 * Attaches `file` (an existing, empty file) as the export target, keyed with the same raw
 * key. The key travels as a bound parameter, never in the SQL text, and a failure is
 * rethrown without the driver's message (which could name the path).
 */
export async function attachExportTarget(db: Database, file: string, dataKey: Buffer): Promise<void> {
  const keyLiteral = `x'${dataKey.toString('hex')}'`;
  try {
    await db.get(`ATTACH DATABASE ? AS ${TARGET} KEY ?`, [file, keyLiteral]);
  } catch {
    throw new Error('The backup copy could not be created.');
  }
}

export async function detachExportTarget(db: Database): Promise<void> {
  try {
    await db.get(`DETACH DATABASE ${TARGET}`);
  } catch {
    // Not attached (the attach failed): nothing to undo.
  }
}

/**
 * Copies every table, index, trigger and virtual table into the attached target, then the
 * schema version (sqlcipher_export does not copy user_version). Call inside a transaction
 * so the copy and anything else read in it see the same moment.
 */
export async function exportToTarget(tx: Executor, schemaVersion: number): Promise<void> {
  if (!Number.isInteger(schemaVersion) || schemaVersion < 0) throw new Error('Invalid schema version');
  try {
    await tx.get(`SELECT sqlcipher_export('${TARGET}')`);
    await tx.exec(`PRAGMA ${TARGET}.user_version = ${schemaVersion}`);
  } catch {
    throw new Error('The records could not be copied into the backup.');
  }
}

export type TableShape = { name: string; columns: string[]; primaryKey: string[]; integerKey: boolean };

const tableListRow = z.object({ name: z.string(), type: z.string(), schema: z.string() });
const columnRow = z.object({ name: z.string(), type: z.string(), pk: z.number().int() });

/**
 * The real tables of the main database: not sqlite_* tables, not virtual tables (FTS)
 * nor their shadow tables (entry_search_data, …), which are derived from real tables.
 */
export async function userTables(db: Pick<Executor, 'all'>): Promise<TableShape[]> {
  const list = (await db.all('PRAGMA main.table_list')).map((row) => tableListRow.parse(row));
  const virtualNames = list.filter((t) => t.type === 'virtual').map((t) => t.name);
  const names = list
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .filter((t) => !virtualNames.some((v) => t.name.startsWith(`${v}_`)))
    .map((t) => t.name)
    .sort();
  const shapes: TableShape[] = [];
  for (const name of names) {
    const columns = (await db.all(`PRAGMA main.table_info(${quoteIdentifier(name)})`)).map((row) => columnRow.parse(row));
    const primaryKey = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const only = columns.find((c) => c.pk === 1);
    shapes.push({
      name,
      columns: columns.map((c) => c.name),
      primaryKey,
      integerKey: primaryKey.length === 1 && only !== undefined && only.type.toUpperCase() === 'INTEGER',
    });
  }
  return shapes;
}

/**
 * Every row of a table in primary-key order (rowid order when it has none), a page at a
 * time. Tables keyed by one INTEGER column are paged by key; others are read whole.
 */
export async function* tableRows(db: Pick<Executor, 'all'>, table: TableShape, pageSize = 1000): AsyncGenerator<Row[]> {
  const name = quoteIdentifier(table.name);
  const columns = table.columns.map(quoteIdentifier).join(', ');
  if (table.integerKey) {
    const key = quoteIdentifier(table.primaryKey[0]!);
    let after: number | bigint | null = null;
    for (;;) {
      const rows: Row[] =
        after === null
          ? await db.all(`SELECT ${columns} FROM main.${name} ORDER BY ${key} LIMIT ?`, [pageSize])
          : await db.all(`SELECT ${columns} FROM main.${name} WHERE ${key} > ? ORDER BY ${key} LIMIT ?`, [after, pageSize]);
      if (rows.length === 0) return;
      yield rows;
      const last: unknown = rows[rows.length - 1]![table.primaryKey[0]!];
      if (typeof last !== 'number' && typeof last !== 'bigint') throw new Error(`Table ${table.name} has a row without a key`);
      after = last;
      if (rows.length < pageSize) return;
    }
  }
  const order = table.primaryKey.length > 0 ? table.primaryKey.map(quoteIdentifier).join(', ') : 'rowid';
  yield await db.all(`SELECT ${columns} FROM main.${name} ORDER BY ${order}`);
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
