import { z } from 'zod';
import type { Executor } from './connection';

const rosterRow = z.object({
  version: z.number().int(),
  at: z.string(),
  signer_id: z.number().int().nullable(),
  members: z.string(),
  recovery: z.string(),
  prev_hash: z.string(),
  hash: z.string(),
  signature: z.string(),
});
export type RosterRow = z.infer<typeof rosterRow>;

export async function insertRosterRow(tx: Executor, row: RosterRow): Promise<void> {
  await tx.run('INSERT INTO roster (version, at, signer_id, members, recovery, prev_hash, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    row.version,
    row.at,
    row.signer_id,
    row.members,
    row.recovery,
    row.prev_hash,
    row.hash,
    row.signature,
  ]);
}

/** Every version in order: a school has tens, so all of them are read at once. */
export async function rosterRows(db: Pick<Executor, 'all'>): Promise<RosterRow[]> {
  return (await db.all('SELECT * FROM roster ORDER BY version')).map((row) => rosterRow.parse(row));
}

/** Whether the table exists yet (a database not yet migrated to version 9 has none). */
export async function hasRosterTable(db: Pick<Executor, 'get'>): Promise<boolean> {
  return (await db.get("SELECT 1 AS x FROM sqlite_schema WHERE type = 'table' AND name = 'roster'")) !== undefined;
}

/** The newest version's number (0: no roster yet, records from before signing began). */
export async function latestRosterVersion(db: Pick<Executor, 'get'>): Promise<number> {
  const row = await db.get('SELECT coalesce(max(version), 0) AS version FROM roster');
  return z.number().int().parse(row?.version ?? 0);
}
