// `npm run security`: scans the build output (out/) with @doyensec/electronegativity for the
// project's Electron version and fails on any HIGH or MEDIUM finding that is not justified in
// scripts/security-justifications.json. Electronegativity itself exits 0 whatever it finds,
// so this script reads its CSV report and decides.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'out');
const toolDir = join(root, 'node_modules', '@doyensec', 'electronegativity');
const justificationsFile = join(root, 'scripts', 'security-justifications.json');

const BLOCKING = new Set(['HIGH', 'MEDIUM']);
const CSV_HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

export type Finding = {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  description: string;
};

export type Justification = { id: string; file: string; reason: string };

function fail(message: string): never {
  console.error(`security: ${message}`);
  process.exit(1);
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function electronVersion(): string {
  const pkg = readJson(join(root, 'node_modules', 'electron', 'package.json'));
  if (!isRecord(pkg) || typeof pkg['version'] !== 'string') fail('cannot read the Electron version');
  return pkg['version'];
}

function electronegativityBin(): string {
  const pkg = readJson(join(toolDir, 'package.json'));
  const bin = isRecord(pkg) ? pkg['bin'] : undefined;
  const path = typeof bin === 'string' ? bin : isRecord(bin) ? bin['electronegativity'] : undefined;
  if (typeof path !== 'string') fail('cannot find the electronegativity CLI');
  return join(toolDir, path);
}

/** RFC 4180-style: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** The report's rows as findings; throws if the file is not the report we expect. */
export function findingsFromCsv(text: string): Finding[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined || header.map((h) => h.trim()).join() !== CSV_HEADER.join()) {
    throw new Error('the electronegativity report does not start with the expected header');
  }
  return rows.map((r) => {
    const [id, severity, confidence, file, location, , description] = r;
    if (r.length !== CSV_HEADER.length || id === undefined || severity === undefined) {
      throw new Error(`unexpected report row: ${r.join(',')}`);
    }
    return {
      id,
      severity,
      confidence: confidence ?? '',
      file: (file ?? '').replaceAll('\\', '/'),
      location: location ?? '',
      description: description ?? '',
    };
  });
}

export function parseJustifications(value: unknown): Justification[] {
  const list = isRecord(value) ? value['justifications'] : undefined;
  if (!Array.isArray(list)) throw new Error('expected { "justifications": [...] }');
  return list.map((j: unknown, i) => {
    if (!isRecord(j)) throw new Error(`justification ${i} is not an object`);
    const { id, file, reason } = j;
    if (typeof id !== 'string' || typeof file !== 'string' || typeof reason !== 'string') {
      throw new Error(`justification ${i} needs string id, file and reason`);
    }
    if (reason.trim().length < 20) throw new Error(`justification ${i} (${id}) needs a real reason`);
    return { id, file, reason };
  });
}

/** `file` is a path relative to out/; `*` matches within one path segment (hashed names). */
export function justifies(j: Justification, f: Finding): boolean {
  const pattern = j.file.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
  return j.id === f.id && new RegExp(`^${pattern}$`).test(f.file);
}

/**
 * Electronegativity 1.10.3 writes the CSV header and the rows with two concurrent
 * fs.writeFile calls (util/file.js), so now and then the header lands over the first row
 * and the report cannot be read (seen once in CI). The findings themselves are
 * deterministic, so an unreadable report is simply produced again, up to three times.
 */
function runElectronegativity(version: string): Finding[] {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return runElectronegativityOnce(version);
    } catch (error) {
      if (!(error instanceof Error) || !/unexpected report row|expected header/.test(error.message)) throw error;
      lastError = error;
      process.stderr.write(`electronegativity: the report was garbled (attempt ${attempt}); running it again\n`);
    }
  }
  throw lastError;
}

function runElectronegativityOnce(version: string): Finding[] {
  const temp = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const csv = join(temp, 'report.csv');
  try {
    // -r: paths relative to out/, so justifications do not depend on the checkout's location.
    const args = [electronegativityBin(), '-i', outDir, '-o', csv, '-e', version, '-r'];
    const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (run.status !== 0 || !existsSync(csv)) {
      process.stderr.write(run.stdout + run.stderr);
      fail(`electronegativity did not produce a report (exit ${String(run.status)})`);
    }
    return findingsFromCsv(readFileSync(csv, 'utf8'));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ').trimEnd());
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function main(): void {
  if (!existsSync(join(outDir, 'main', 'index.js'))) fail('no build in out/: run `npm run build` first');
  const version = electronVersion();
  const justifications = parseJustifications(readJson(justificationsFile));
  console.log(`Electronegativity on ${relative(root, outDir)}/ assuming Electron ${version}\n`);
  const findings = runElectronegativity(version);

  // Parse errors are silent in report mode; every BrowserWindow with a preload yields
  // PRELOAD_JS_CHECK, so its absence means the main bundle was not analysed at all.
  if (!findings.some((f) => f.file === 'main/index.js')) {
    fail('electronegativity reported nothing for main/index.js: it probably could not parse it');
  }

  const used = new Set<Justification>();
  const failures: Finding[] = [];
  const rows = [['Severity', 'Confidence', 'Check', 'Where', 'Verdict']];
  for (const f of findings) {
    const j = justifications.find((candidate) => justifies(candidate, f));
    let verdict = 'info';
    if (BLOCKING.has(f.severity)) {
      if (j !== undefined) used.add(j);
      else failures.push(f);
      verdict = j !== undefined ? 'justified' : 'FAIL';
    }
    rows.push([f.severity, f.confidence, f.id, `${f.file}:${f.location}`, verdict]);
  }
  printTable(rows);

  for (const j of justifications) {
    console.log(
      used.has(j)
        ? `\njustified ${j.id} in ${j.file}: ${j.reason}`
        : `\nwarning: justification ${j.id} in ${j.file} matched no finding; remove it.`,
    );
  }
  for (const f of failures) console.log(`\nFAIL ${f.id} (${f.file}:${f.location}): ${f.description}`);

  if (failures.length > 0) fail(`${failures.length} HIGH/MEDIUM finding(s) not justified in ${relative(root, justificationsFile)}`);
  console.log(`\nsecurity: no unjustified HIGH or MEDIUM findings (${findings.length} finding(s) in all)`);
}

// Runs only as a script, so the parsing helpers can be unit-tested by importing this file.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
