// ESLint flat config. Besides type-aware TypeScript rules it enforces the layers of
// ARCHITECTURE.md with `no-restricted-imports`, one block per folder:
//   shared ← electron/core ← electron/main ; shared ← renderer
// Rule options do not merge across config blocks (a later block replaces the whole option),
// so every folder block lists its complete set of restrictions.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import sources are matched by regular expression, so relative paths are caught as well as
// bare module names ('../../renderer/src/x', 'electron', 'electron/renderer').
const ELECTRON_MODULE = {
  regex: '^electron(/.*)?$',
  message: "Only electron/main and electron/preload may import 'electron'; the core is plain Node.",
};
/** Any path through a folder called electron: the module and our own electron/ folder. */
const ANY_ELECTRON = {
  regex: '(^|/)electron(/|$)',
  message: "This layer may not import 'electron' nor anything from the electron/ folder.",
};
const ANY_RENDERER = {
  regex: '(^|/)renderer(/|$)',
  message: 'Only the renderer imports the renderer; share code through shared/ instead.',
};
/** The sandboxed preload cannot load node_modules: 'electron', the channel list, siblings. */
const PRELOAD_ALLOWLIST = {
  regex: '^(?!electron$|\\.\\./\\.\\./shared/ipc/channels(\\.[cm]?[jt]s)?$|\\./(?!.*\\.\\.)).*',
  message: "The preload may import only 'electron' and shared/ipc/channels.",
};

const CODE = '*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

/** Static imports (no-restricted-imports) and dynamic import() (no-restricted-syntax). */
function layer(...patterns) {
  return {
    'no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': [
      'error',
      ...patterns.map((p) => ({
        selector: `ImportExpression[source.value=/${p.regex.replaceAll('/', '\\/')}/]`,
        message: p.message,
      })),
    ],
  };
}

export default defineConfig([
  {
    ignores: ['out/', 'node_modules/', 'dist/', 'coverage/', 'bench/data/', 'test-results/', '.cache/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Plain JavaScript (this file, tool configs) is outside tsconfig: lint it untyped.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: globals.browser },
  },

  // ── Layers ────────────────────────────────────────────────────────────────────────────
  // Default for everything (tests, scripts, bench, configs, core): no 'electron' module.
  { files: [`**/${CODE}`], rules: layer(ELECTRON_MODULE) },
  { files: [`electron/core/**/${CODE}`], rules: layer(ELECTRON_MODULE, ANY_RENDERER) },
  { files: [`electron/main/**/${CODE}`], rules: layer(ANY_RENDERER) },
  { files: [`electron/preload/**/${CODE}`], rules: layer(PRELOAD_ALLOWLIST) },
  { files: [`shared/**/${CODE}`], rules: layer(ANY_ELECTRON, ANY_RENDERER) },
  { files: [`renderer/**/${CODE}`], rules: layer(ANY_ELECTRON) },
]);
