// Child process of drafts-crash.test.ts: signs in through the real core and saves a draft of
// one disclosure form several times a second, as the renderer does while someone types,
// until it is killed. Prints `ready` once signed in and `saved <seq> <savedAt>` after each
// save the core has answered ok (so after its COMMIT). Bundled by the test with esbuild and
// run with the project's Node.
//
// argv: dataDir fontsDir username password incidentId
import { createCore } from '../../../electron/core/index';
import { typedBy } from './draft-typing';

async function main(): Promise<void> {
  const [dataDir, fontsDir, username, password, incidentId] = process.argv.slice(2);
  if (!dataDir || !fontsDir || !username || !password || !incidentId) throw new Error('usage: draft-writer dataDir fontsDir username password incidentId');
  // A safety net: a child the test forgot to kill ends itself.
  setTimeout(() => process.exit(3), 60_000).unref();
  const core = await createCore({ dataDir, appVersion: '0.0.0-crash', fontsDir, log: (message) => process.stderr.write(`${message}\n`) });
  const unlocked = await core.dispatch('session.unlock', { username, password });
  if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.error.code}`);
  process.stdout.write('ready\n');

  for (let seq = 0; seq < 100_000; seq += 1) {
    const result = await core.dispatch('drafts.save', {
      formKey: `entry:disclosure:incident:${incidentId}`,
      incidentId: Number(incidentId),
      description: 'a disclosure on QFA-2026-001',
      values: { timing: { occurredOn: '2026-11-20', occurredTime: '09:10' }, body: { whatWasSaid: typedBy(seq), seq }, amendmentReason: '' },
    });
    if (!result.ok) throw new Error(`save failed: ${result.error.code}`);
    const { savedAt } = result.value as { savedAt: string };
    process.stdout.write(`saved ${seq} ${savedAt}\n`);
    // Several a second, as a form saving at most every two seconds never would: a harder test.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`draft-writer: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
