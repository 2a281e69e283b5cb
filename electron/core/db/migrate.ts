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
 *
 * A migration that rebuilds a table others refer to (`rebuildsTables`) cannot run with foreign
 * keys on, and PRAGMA foreign_keys does nothing inside a transaction; so, as SQLite's procedure
 * says (https://www.sqlite.org/lang_altertable.html#otheralter, steps 1, 10 and 12), they are
 * switched off before the transaction, every foreign key is checked before it commits (a
 * broken one rolls everything back), and they are switched on again after, failed or not.
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
  const foreignKeysOff = pending.some((m) => m.rebuildsTables === true);
  if (foreignKeysOff) await db.setForeignKeys(false);
  try {
    await db.transaction(async (tx) => {
      for (const migration of pending) {
        await tx.exec(migration.sql);
        // With foreign keys off nothing else checks them, for this step or any other pending one.
        if (foreignKeysOff) await refuseBrokenForeignKeys(tx, migration.version);
        // user_version lives in the file header and is rolled back with the transaction.
        await tx.exec(`PRAGMA user_version = ${migration.version}`);
      }
    });
  } finally {
    if (foreignKeysOff) await db.setForeignKeys(true);
  }
  return { from, to: pending[pending.length - 1]!.version };
}

async function refuseBrokenForeignKeys(tx: Executor, version: number): Promise<void> {
  const broken = await tx.all('PRAGMA foreign_key_check');
  if (broken.length === 0) return;
  const where = broken.slice(0, 5).map((row) => `${String(row.table)} row ${String(row.rowid)} → ${String(row.parent)}`);
  throw new Error(`Migration ${version} would leave ${broken.length} broken reference(s) (${where.join('; ')}); nothing was changed.`);
}
