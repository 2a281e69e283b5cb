// shared/ runs in the core's worker (Node) and in the renderer (Chromium), so it may use
// neither: lint refuses Node's modules and the host's globals there, and tsconfig.shared.json
// gives it no Node or DOM types. Both are proven here on probe files that exist only in memory.
import { ESLint, type Linter } from 'eslint';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// The purity rules are syntactic; typed linting would ask the TypeScript project for the probe.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
});

async function lintErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  if (result === undefined) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m: Linter.LintMessage) => m.fatal === true);
  expect(fatal, 'the probe must parse').toEqual([]);
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

const clean = [
  "import { z } from 'zod';",
  "import { formatDate } from './dates';",
  'export const when = z.string();',
  'export const words = (d: string): string => formatDate(d);',
  'export const total = [1, 2].map((n) => Math.max(n, 0)).reduce((a, b) => a + b, 0);',
  'export const later = new Promise<number>((resolve) => resolve(1));',
  'export const price = new Intl.NumberFormat("en-GB").format(Number("1") + JSON.parse("2"));',
  'export const status = "open"; // a local, not the browser\'s window.status',
  '',
].join('\n');

describe('shared/ uses neither Node nor the DOM', () => {
  it.each([
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"],
    ['fs without the prefix', "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n"],
    ['node:crypto, dynamically', "export const load = () => import('node:crypto');\n"],
    ['document', 'export const title = (): string => document.title;\n'],
    ['window', "export const wide = (): boolean => window.innerWidth > 800;\n"],
    ['process.env', "export const debug = (): boolean => process.env['DEBUG'] === '1';\n"],
    ['Buffer', "export const bytes = (s: string) => Buffer.from(s);\n"],
    ['require', "export const fs: unknown = require('fs');\n"],
    ['TextEncoder', 'export const encode = (s: string) => new TextEncoder().encode(s);\n'],
    ['globalThis.process', "export const env = (): unknown => globalThis.process;\n"],
  ])('a probe in shared/domain using %s is an error', async (_what, code) => {
    expect(await lintErrors('shared/domain/probe.ts', code)).not.toEqual([]);
  });

  it.each(['shared/domain/probe.ts', 'shared/domain/entries/probe.ts', 'shared/ipc/probe.ts', 'shared/forms/probe.ts'])(
    'node:fs is an error in %s too',
    async (filePath) => {
      const errors = await lintErrors(filePath, "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
      expect(errors).toEqual([expect.stringMatching(/^no-restricted-imports: .*no Node modules/)]);
    },
  );

  it('a probe using only ECMAScript and zod passes', async () => {
    expect(await lintErrors('shared/domain/probe.ts', clean)).toEqual([]);
  });

  it('the same Node and DOM code is fine outside shared/', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\nexport const env = process.env;\n";
    expect(await lintErrors('electron/core/probe.ts', code)).toEqual([]);
  });
});

describe('tsconfig.shared.json gives shared/ no Node or DOM types', () => {
  const configPath = ts.findConfigFile(root, (f) => ts.sys.fileExists(f), 'tsconfig.shared.json');
  if (configPath === undefined) throw new Error('tsconfig.shared.json is missing');
  const config: unknown = ts.readConfigFile(configPath, (f) => ts.sys.readFile(f)).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);

  // Parsed once for every probe: the ECMAScript library files are most of the time.
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, ...rest) => {
    if (!parsed.has(file)) parsed.set(file, getSourceFile(file, lang, ...rest));
    return parsed.get(file);
  };

  /** Type errors in one in-memory file under shared/, compiled with shared/'s options. */
  function typeErrors(code: string): string[] {
    const probe = `${root}shared/domain/probe.ts`;
    const probeHost: ts.CompilerHost = {
      ...host,
      fileExists: (f) => f === probe || host.fileExists(f),
      readFile: (f) => (f === probe ? code : host.readFile(f)),
      getSourceFile: (f, lang, ...rest) => (f === probe ? ts.createSourceFile(f, code, lang) : host.getSourceFile(f, lang, ...rest)),
    };
    const program = ts.createProgram([probe], options, probeHost);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it.each([
    ['document', 'export const title = (): string => document.title;\n', "Cannot find name 'document'"],
    ['process', "export const env = (): string | undefined => process.env['DEBUG'];\n", "Cannot find name 'process'"],
    ['TextEncoder', 'export const encode = (s: string) => new TextEncoder().encode(s);\n', "Cannot find name 'TextEncoder'"],
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", "Cannot find module 'node:fs'"],
  ])('a probe using %s does not compile there', (_what, code, error) => {
    expect(typeErrors(code)).toEqual([expect.stringContaining(error)]);
  });

  it('a probe using only ECMAScript and zod compiles there', () => {
    const code = "import { z } from 'zod';\nexport const n = z.number().parse(Math.max(1, 2));\nexport const s = [1].at(0)?.toFixed(1);\n";
    expect(typeErrors(code)).toEqual([]);
  });
});
