import type { KnipConfig } from 'knip';

// `npm run lint` runs knip after eslint: an export, file or dependency nothing uses fails the
// lint. knip's electron-vite plugin reads the app's entries (the Electron glue, the core's
// worker, the preload, the renderer) from electron.vite.config.ts and its vitest plugin the test
// files and setup from vitest.config.ts; the entries below are the rest.
const config: KnipConfig = {
  entry: [
    // Run with tsx by npm scripts.
    'scripts/*.ts',
    'bench/*.ts',
    // Bundled by scripts/test-windows.ts and run under Wine, not imported.
    'test/windows/scenario.ts',
  ],
  project: [
    'electron/**/*.ts',
    'renderer/**/*.{ts,tsx}',
    'shared/**/*.ts',
    'scripts/**/*.ts',
    'bench/**/*.ts',
    'test/**/*.{ts,tsx}',
  ],
  ignoreDependencies: [
    // Run by its path in node_modules (scripts/security-check.ts), never imported.
    '@doyensec/electronegativity',
    // The pinned Node 22 binary, reached through node_modules/.bin on PATH.
    'node',
    // Read by `npx electron-builder` from electron-builder.yml; test/unit/electron-builder-config.test.ts
    // validates that file through its app-builder-lib.
    'electron-builder',
  ],
  // Programs of the machine, not of npm: the tests read PDFs with poppler and fill a tmpfs,
  // and the Windows lane runs under Wine.
  ignoreBinaries: ['pdftotext', 'pdfinfo', 'mount', 'umount', 'wine'],
};

export default config;
