import type { Executor, Row } from './connection';

/** Entry versions in id order, a page at a time, every column: Verify recomputes each one's content hash. */
export async function entryPage(db: Pick<Executor, 'all'>, afterId: number, limit: number): Promise<Row[]> {
  return db.all('SELECT * FROM entries WHERE id > ? ORDER BY id LIMIT ?', [afterId, limit]);
}

/** Every signature with the hash of the version it signed. */
export async function signatureHashes(db: Pick<Executor, 'all'>): Promise<Row[]> {
  return db.all('SELECT id, entry_id, content_hash FROM signatures ORDER BY id');
}
