import { join } from 'node:path';
import { Database, type Row } from '../../../electron/core/db/connection';
import { KeyslotStore } from '../../../electron/core/vault/keyslots';
import type { Person } from './core';

/** Every row of every table (FTS shadow tables included), in storage order, keyed by table name. */
export type DatabaseSnapshot = Record<string, Row[]>;

/**
 * Reads the whole records database of a core that has been closed: opens the file with the
 * data key from `person`'s key slot, as the core itself does, and reads every table.
 */
export async function snapshotDatabase(dataDir: string, person: Pick<Person, 'username' | 'password'>): Promise<DatabaseSnapshot> {
  const unlocked = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(person.username, person.password);
  if (!unlocked.ok) throw new Error('the key slot did not open');
  const db = await Database.open(join(dataDir, 'records.db'), unlocked.dataKey);
  try {
    const tables = await db.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    const snapshot: DatabaseSnapshot = {};
    for (const { name } of tables) {
      if (typeof name !== 'string') continue;
      const quoted = `"${name.replaceAll('"', '""')}"`;
      try {
        snapshot[name] = await db.all(`SELECT rowid AS "__rowid", * FROM ${quoted} ORDER BY rowid`);
      } catch {
        // WITHOUT ROWID tables: order by the whole row instead.
        const rows = await db.all(`SELECT * FROM ${quoted}`);
        snapshot[name] = rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      }
    }
    return snapshot;
  } finally {
    await db.close();
    unlocked.dataKey.fill(0);
  }
}
