// Issue 15, item 6: the Windows installer's configuration, checked by electron-builder's own
// validation (packaging itself downloads Electron, which these machines cannot), and the
// promises it must keep for a school office PC: per-user install without an administrator,
// the native engine outside the asar and never rebuilt, the test-only engine left out.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Resolved as electron-builder resolves them: its own dependencies, not the project's.
const builderRequire = createRequire(createRequire(`${ROOT}package.json`).resolve('app-builder-lib'));
const { validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = builderRequire('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
const yaml = builderRequire('js-yaml') as { load: (text: string) => unknown };

type Config = {
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  buildDependenciesFromSource: boolean;
  win: { target: { target: string; arch: string[] }[]; files: string[]; signtoolOptions?: Record<string, unknown>; signAndEditExecutable?: boolean };
  nsis: { perMachine: boolean; allowElevation: boolean; oneClick: boolean; deleteAppDataOnUninstall: boolean };
  mac: { files: string[]; hardenedRuntime?: boolean; notarize?: boolean };
  linux: { files: string[] };
};

function load(): Config {
  return yaml.load(readFileSync(`${ROOT}electron-builder.yml`, 'utf8')) as Config;
}

/** The platforms whose prebuilt engine binaries a `files` list leaves out. */
function excludedBinaries(files: string[]): string[] {
  const pattern = files.find((file) => file.includes('better-sqlite3-multiple-ciphers/prebuilds/'));
  const group = pattern ? /\{([^}]+)\}-\*\.node$/.exec(pattern)?.[1] : undefined;
  return (group?.split(',') ?? []).sort();
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation, and a misspelt key does not', async () => {
    await expect(validateConfiguration(load(), new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...load(), nsis: { ...load().nsis, perMachin: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
  });

  it('installs per user on Windows x64 and ARM64 without asking for an administrator, and keeps the records on uninstall', () => {
    const config = load();
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
  });

  it('ships the engine’s prebuilt binary outside the archive and never rebuilds it', () => {
    const config = load();
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config).toMatchObject({ npmRebuild: false, buildDependenciesFromSource: false });
    // Each platform leaves out the others' binaries, never its own.
    expect(excludedBinaries(config.win.files)).toEqual(['darwin', 'linux', 'linuxmusl']);
    expect(excludedBinaries(config.mac.files)).toEqual(['linux', 'linuxmusl', 'win32']);
    expect(excludedBinaries(config.linux.files)).toEqual(['darwin', 'win32']);
  });

  // Issue 16 (basics): ready for code signing, with the certificate supplied at build time.
  it('signs with SHA-256 and a timestamp on Windows and notarises under the hardened runtime on macOS', () => {
    const config = load();
    expect(config.win.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'], rfc3161TimeStampServer: expect.stringMatching(/^https?:\/\//) as unknown });
    expect(config.win.signAndEditExecutable).toBe(true);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
  });

  it('commits no certificate, password or signing credential: they come from the environment at build time', () => {
    const text = readFileSync(`${ROOT}electron-builder.yml`, 'utf8');
    // Keys that would put a certificate or its password in the file.
    expect(text).not.toMatch(/^\s*(certificateFile|certificatePassword|certificateSha1|certificateSubjectName|identity|cscLink|cscKeyPassword)\s*:/m);
    const signing = JSON.stringify({ win: load().win.signtoolOptions, mac: load().mac });
    expect(signing).not.toMatch(/\.(pfx|p12|p8)\b/i);
  });

  it('leaves the test-only reference engine and the project’s own Node out of every installer', () => {
    expect(load().files).toEqual(expect.arrayContaining(['!**/node_modules/@journeyapps/**', '!**/node_modules/node/**']));
  });
});
