// Child process of crash-sigkill.test.ts: signs in through the real core and saves entries
// one after another until it is killed, printing `booted` once its code is loaded, `ready` once
// signed in, and `ack <entry id> <marker>` after each save the core has answered ok (so after
// its COMMIT). The test bundles this file once with
// esbuild and runs it with plain node, so a child starts in a fraction of a second.
//
// argv: dataDir fontsDir username password incidentId run
import { createCore } from '../../../electron/core/index';
import { crashEntry, markerOf } from './crash-entry';

async function main(): Promise<void> {
  const [dataDir, fontsDir, username, password, incidentId, run] = process.argv.slice(2);
  if (!dataDir || !fontsDir || !username || !password || !incidentId || !run) throw new Error('usage: crash-writer dataDir fontsDir username password incidentId run');
  // A safety net: a child the test forgot to kill ends itself rather than filling the disk.
  setTimeout(() => process.exit(3), 60_000).unref();
  // Loaded: from here on the kill may land in opening, migrating or signing in.
  process.stdout.write('booted\n');

  const core = await createCore({ dataDir, appVersion: '0.0.0-crash', fontsDir, log: (message) => process.stderr.write(`${message}\n`) });
  const unlocked = await core.dispatch('session.unlock', { username, password });
  if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.error.code}`);
  process.stdout.write('ready\n');

  for (let seq = 0; seq < 100_000; seq += 1) {
    const result = await core.dispatch('entries.create', crashEntry(Number(incidentId), Number(run), seq));
    if (!result.ok) throw new Error(`save failed: ${result.error.code}`);
    const { id } = result.value as { id: number };
    // One write per acknowledgement: the line is in the pipe before the next save begins.
    process.stdout.write(`ack ${id} ${markerOf(Number(run), seq)}\n`);
  }
  await core.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-writer: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
