// Makes a demo data folder: fictional pupils, incidents and entries of every kind.
//   npx tsx scripts/generate-demo.ts <new data folder> [--entries 30000] [--incidents 600] [--pupils 400] [--seed 1]
// Sign in with the username and password it prints. Open the folder with the app by
// pointing its data folder at it (the --data-dir= argument or RECORDS_DATA_DIR; see electron/main/paths.ts).
import { generateDemoData } from './demo/generate';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

const dataDir = process.argv[2];
if (!dataDir || dataDir.startsWith('--')) {
  process.stderr.write('usage: generate-demo <new data folder> [--entries N] [--incidents N] [--pupils N] [--seed N]\n');
  process.exit(2);
}

const started = Date.now();
const summary = await generateDemoData({
  dataDir,
  entries: option('entries', 30_000),
  incidents: option('incidents', 600),
  pupils: option('pupils', 400),
  seed: option('seed', 1),
});
process.stdout.write(
  `${summary.dataDir}: ${summary.pupils} pupils, ${summary.incidents} incidents, ${summary.entries} entries ` +
    `(${summary.versions} versions, ${summary.signatures} signatures) in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
    `Sign in as mthistle / "correct horse battery staple". Recovery code: ${summary.recoveryCode}\n`,
);
