import { createRequire } from 'node:module';
import type sqlcipher from '@journeyapps/sqlcipher';
import type { Row } from '../../../electron/core/db/connection';

// @journeyapps/sqlcipher 6 (SQLCipher 4.14) is the app's engine until version 0.1.0 and the
// reference for the file format: the records must always open in standard SQLCipher. It is
// an optional dependency (its package builds for macOS and Linux only), so on Windows it is
// absent and these tests say so.

type Module = typeof sqlcipher;

/** The reference engine, or why it is not here. */
export function loadReferenceSqlcipher(): { engine: Module } | { missing: string } {
  try {
    return { engine: createRequire(import.meta.url)('@journeyapps/sqlcipher') as Module };
  } catch (error) {
    return { missing: `@journeyapps/sqlcipher could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : 'unknown'})` };
  }
}

/** One connection of the reference engine, keyed with the raw data key, with promises. */
export class ReferenceDatabase {
  private constructor(private readonly db: sqlcipher.Database) {}

  static async open(engine: Module, file: string, key: Buffer): Promise<ReferenceDatabase> {
    const db = await new Promise<sqlcipher.Database>((resolve, reject) => {
      const opened: sqlcipher.Database = new engine.Database(file, engine.OPEN_READWRITE | engine.OPEN_CREATE, (error: Error | null) =>
        error ? reject(error) : resolve(opened),
      );
    });
    const reference = new ReferenceDatabase(db);
    await reference.exec(`PRAGMA key = "x'${key.toString('hex')}'"`);
    return reference;
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (error: Error | null) => (error ? reject(error) : resolve())));
  }

  all(sql: string, params: unknown[] = []): Promise<Row[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, params, (error: Error | null, rows: unknown[]) => (error ? reject(error) : resolve(rows as Row[]))),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((error: Error | null) => (error ? reject(error) : resolve())));
  }
}

/** What the fixture's tables.json holds per table: the rows (rowid order) as JSON, hashed. */
export function rowsJson(rows: Row[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => {
    if (Buffer.isBuffer(value)) return `hex:${value.toString('hex')}`;
    // JSON.stringify has already called Buffer's toJSON by the time the replacer sees it.
    if (isBufferJson(value)) return `hex:${Buffer.from(value.data).toString('hex')}`;
    if (typeof value === 'bigint') return `big:${value}`;
    return value;
  });
}

function isBufferJson(value: unknown): value is { type: 'Buffer'; data: number[] } {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'Buffer' && 'data' in value && Array.isArray(value.data);
}
