// Child process of database-rekey.test.ts: opens the records database with the old key, then
// re-keys it to the new one, printing `ready` once open and checked, `rekeying` just before
// the rekey starts and `done <ms>` after it returns. The test kills it with SIGKILL while the
// rekey runs; run to the end it exits by itself. Bundled once with esbuild and run with plain
// node, like crash-writer.ts.
//
// argv: databaseFile oldKeyHex newKeyHex
import { Database } from '../../../electron/core/db/connection';

async function main(): Promise<void> {
  const [file, oldKeyHex, newKeyHex] = process.argv.slice(2);
  if (!file || !oldKeyHex || !newKeyHex) throw new Error('usage: rekey-child databaseFile oldKeyHex newKeyHex');
  // A safety net: a child the test forgot to kill ends itself.
  setTimeout(() => process.exit(3), 60_000).unref();
  const db = await Database.open(file, Buffer.from(oldKeyHex, 'hex'));
  if (!db.health.ok) throw new Error('the database should pass its checks before the rekey');
  process.stdout.write('ready\n');
  // The test starts its timer on this line, so it goes out before the rekey starts.
  await new Promise<void>((resolve) => process.stdout.write('rekeying\n', () => resolve()));
  const started = performance.now();
  await db.rekey(Buffer.from(newKeyHex, 'hex'));
  process.stdout.write(`done ${Math.round(performance.now() - started)}\n`);
  await db.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`rekey-child: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
