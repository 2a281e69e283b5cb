import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** A fresh folder under the OS temp folder; `remove` deletes it and everything in it. */
export async function makeTempDir(prefix = 'records-test-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  // With the state folder a core keeps beside a data folder made here (helpers/core.ts stateDirFor).
  return { dir, remove: async () => Promise.all([rm(dir, { recursive: true, force: true }), rm(`${dir}.state`, { recursive: true, force: true })]).then(() => undefined) };
}

/** Every regular file under `dir` (recursively), as paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Each file's SHA-256, keyed by its relative path: equal maps mean nothing on disk changed. */
export async function hashFolder(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of await listFiles(dir)) {
    hashes[file] = createHash('sha256').update(await readFile(join(dir, file))).digest('hex');
  }
  return hashes;
}
