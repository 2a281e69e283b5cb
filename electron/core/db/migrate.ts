import { AppError } from '../errors';
import type { Database, Executor } from './connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';

export async function schemaVersion(db: Pick<Executor, 'get'>): Promise<number> {
  const row = await db.get('PRAGMA user_version');
  return Number(row?.user_version ?? 0);
}

/**
 * Brings the schema to `target` (default: the latest) in one transaction, so a failure
 * part-way leaves the database exactly as it was. A database written by a newer app is
 * refused rather than guessed at.
 */
export async function migrate(db: Database, target: number = LATEST_SCHEMA_VERSION): Promise<{ from: number; to: number }> {
  const from = await schemaVersion(db);
  if (from > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'conflict',
      `These records were saved by a newer version of this app (schema ${from}; this app understands up to ${LATEST_SCHEMA_VERSION}). Install the newer version to open them; nothing has been changed.`,
    );
  }
  const pending = MIGRATIONS.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from };
  await db.transaction(async (tx) => {
    for (const migration of pending) {
      await tx.exec(migration.sql);
      // user_version lives in the file header and is rolled back with the transaction.
      await tx.exec(`PRAGMA user_version = ${migration.version}`);
    }
  });
  return { from, to: pending[pending.length - 1]!.version };
}
