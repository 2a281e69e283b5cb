// ESLint flat config. Besides type-aware TypeScript rules it enforces the layers of
// ARCHITECTURE.md with `no-restricted-imports`, one block per folder:
//   shared ← electron/core ← electron/main ; shared ← renderer
// Inside shared/ it enforces the direction ARCHITECTURE.md gives (domain ← ipc, domain ← forms)
// and that shared/ uses neither Node's modules nor the host's globals.
// Rule options do not merge across config blocks (a later block replaces the whole option),
// so every folder block lists its complete set of restrictions.
import { builtinModules } from 'node:module';
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
/** The app never ships the tools, the bench or the tests (the demo generator lives in scripts/demo). */
const ANY_TOOLING = {
  regex: '(^|/)(scripts|bench|test)(/|$)',
  message: "The app's code may not import scripts/, bench/ or test/: they are not part of the app's build.",
};
/** Read models live in shared/domain: the database layer and the printed records never need the IPC contract. */
const ANY_IPC = {
  regex: '(^|/)shared/ipc(/|$)',
  message: 'The database, records and PDFs use the read models in shared/domain, not the IPC contract.',
};
/** The sandboxed preload cannot load node_modules: 'electron', the channel list, siblings. */
const PRELOAD_ALLOWLIST = {
  regex: '^(?!electron$|\\.\\./\\.\\./shared/ipc/channels(\\.[cm]?[jt]s)?$|\\./(?!.*\\.\\.)).*',
  message: "The preload may import only 'electron' and shared/ipc/channels.",
};

const CODE = '*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

// ── shared/: pure code, run in the core's worker (Node) and in the renderer (Chromium) ────
// tsconfig.shared.json gives it no Node or DOM types, but the editor checks shared/ with
// tsconfig.json, which has both: these rules say so as the code is typed, and in `npm run lint`.
const NODE_BUILTIN_NAMES = `node:.*|(${builtinModules.join('|')})(/.*)?`;
const NODE_BUILTIN = {
  regex: `^(${NODE_BUILTIN_NAMES})$`,
  message: 'shared/ runs in the renderer too: no Node modules. Put Node code in electron/core.',
};
/** Browser, Node and worker globals that are not ECMAScript's own (`document`, `process`, `Buffer`, `require`, …). */
const HOST_GLOBALS = Object.keys({ ...globals.browser, ...globals.node, ...globals.worker })
  .filter((name) => !Object.hasOwn(globals.builtin, name))
  .map((name) => ({ name, message: 'shared/ runs in the core and the renderer alike: only ECMAScript globals.' }));

/**
 * What a file in shared/<folder> may import, as blocks per depth below that folder (a
 * relative path means a different place at each depth): the `packages`, its own folder, and
 * the `shared` paths listed ('domain/' for a folder, 'ipc/field-errors' for one file).
 * Node modules are left to NODE_BUILTIN, so an import is reported once.
 */
function sharedFolder(folder, { packages = [], shared = [] }, message) {
  const noClimb = '(?!.*\\.\\.)';
  const blocks = [0, 1, 2, 3].map((depth) => {
    const allowed = [
      `(${NODE_BUILTIN_NAMES})$`,
      ...packages.map((name) => `${name}(/|$)`),
      `\\./${noClimb}`,
      ...(depth > 0 ? [`(\\.\\./){1,${depth}}${noClimb}`] : []),
      ...shared.map((path) =>
        path.endsWith('/') ? `(\\.\\./){${depth + 1}}${path}${noClimb}` : `(\\.\\./){${depth + 1}}${path}(\\.[cm]?[jt]s)?$`,
      ),
    ];
    return {
      files: [`shared/${folder}/${'*/'.repeat(depth)}${CODE}`],
      rules: layer(NODE_BUILTIN, { regex: `^(?!${allowed.join('|')}).*`, message }),
    };
  });
  const tooDeep = { regex: '.*', message: `shared/${folder} nests at most three folders deep: its import rules in eslint.config.js stop there.` };
  return [...blocks, { files: [`shared/${folder}/*/*/*/*/**/${CODE}`], rules: layer(tooDeep) }];
}

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
  { files: [`electron/core/**/${CODE}`], rules: layer(ELECTRON_MODULE, ANY_RENDERER, ANY_TOOLING) },
  {
    files: [`electron/core/db/**/${CODE}`, `electron/core/pdf/**/${CODE}`, `electron/core/records/**/${CODE}`],
    rules: layer(ELECTRON_MODULE, ANY_RENDERER, ANY_IPC, ANY_TOOLING),
  },
  { files: [`electron/main/**/${CODE}`], rules: layer(ANY_RENDERER, ANY_TOOLING) },
  { files: [`electron/preload/**/${CODE}`], rules: layer(PRELOAD_ALLOWLIST) },
  {
    files: [`shared/**/${CODE}`],
    rules: {
      ...layer(ANY_ELECTRON, ANY_RENDERER, NODE_BUILTIN),
      'no-restricted-globals': ['error', { globals: HOST_GLOBALS, checkGlobalObject: true }],
    },
  },
  // Inside shared/, the direction ARCHITECTURE.md gives: domain ← ipc, domain ← forms.
  ...sharedFolder('domain', { packages: ['zod'] }, 'shared/domain imports only zod and other shared/domain files.'),
  ...sharedFolder('ipc', { packages: ['zod'], shared: ['domain/'] }, 'shared/ipc imports only zod, shared/domain and its own files.'),
  ...sharedFolder(
    'forms',
    { packages: ['zod'], shared: ['domain/', 'ipc/field-errors'] },
    'shared/forms imports only zod, shared/domain, shared/ipc/field-errors and its own files.',
  ),
  ...sharedFolder('security', {}, 'shared/security imports nothing outside itself.'),
  ...sharedFolder('help', { shared: ['domain/'] }, 'shared/help imports only shared/domain and its own files.'),
  ...sharedFolder('practice', { shared: ['domain/', 'help/'] }, 'shared/practice imports only shared/domain, shared/help and its own files.'),
  {
    files: ['shared/ipc/channels.ts'],
    rules: layer({ regex: '.*', message: 'channels.ts imports nothing: the sandboxed preload loads it as it is.' }),
  },
  { files: [`renderer/**/${CODE}`], rules: layer(ANY_ELECTRON, ANY_TOOLING) },
]);
