import { z } from 'zod';
import type { Executor, Row } from './connection';

// The SQL behind backups (electron/core/backup) beside Database.copyInto: reading every
// row of every table in primary-key order so two copies can be compared.

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
