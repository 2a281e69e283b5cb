// Proves the lint config enforces the layers ARCHITECTURE.md sets out: code that imports across a
// forbidden boundary is rejected by `no-restricted-imports` (static) or `no-restricted-syntax`
// (dynamic import()). The files are virtual: lintText only needs a path to pick the config.
import { ESLint, type Linter } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Type-aware rules would ask the TypeScript project for these virtual files; the layer
// rules are syntactic, so typed linting is switched off for this test only.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
});

async function layerRules(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  if (result === undefined) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m: Linter.LintMessage) => m.fatal === true);
  expect(fatal, 'the probe must parse').toEqual([]);
  return result.messages
    .map((m) => m.ruleId)
    .filter((id): id is string => id === 'no-restricted-imports' || id === 'no-restricted-syntax');
}

describe('lint enforces the layers', () => {
  it.each([
    ['shared/domain/probe.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['shared/domain/probe.ts', "import { y } from '../../renderer/src/x';\nexport const x = y;\n"],
    ['shared/ipc/probe.ts', "import type { Core } from '../../electron/core/core-api';\nexport type X = Core;\n"],
    ['renderer/src/probe.tsx', "import { y } from '../../electron/core/x';\nexport const x = y;\n"],
    ['renderer/src/probe.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['electron/core/probe.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/core/db/probe.ts', "import { y } from '../../../renderer/src/x';\nexport const x = y;\n"],
    ['electron/main/probe.ts', "import { y } from '../../renderer/src/x';\nexport const x = y;\n"],
    ['electron/core/probe.ts', "import { generateDemoData } from '../../scripts/demo/generate';\nexport const x = generateDemoData;\n"],
    ['electron/core/db/probe.ts', "import { y } from '../../../test/support/x';\nexport const x = y;\n"],
    ['electron/main/probe.ts', "import { y } from '../../bench/run';\nexport const x = y;\n"],
    ['renderer/src/probe.tsx', "import { y } from '../../test/component/support/fixtures';\nexport const x = y;\n"],
    ['electron/preload/probe.ts', "import { y } from '../../shared/ipc/contract';\nexport const x = y;\n"],
    ['electron/preload/probe.ts', "import { y } from '../core/dispatch';\nexport const x = y;\n"],
    ['test/unit/probe.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    // Inside shared/: domain ← ipc, domain ← forms, security alone, channels.ts importing nothing.
    ['shared/domain/probe.ts', "import type { IncidentDetail } from '../ipc/contract';\nexport type X = IncidentDetail;\n"],
    ['shared/domain/entries/probe.ts', "import { fieldErrors } from '../../ipc/field-errors';\nexport const x = fieldErrors;\n"],
    ['shared/domain/probe.ts', "import { ENTRY_FORM_SPECS } from '../forms/specs';\nexport const x = ENTRY_FORM_SPECS;\n"],
    ['shared/domain/probe.ts', "import { produce } from 'immer';\nexport const x = produce;\n"],
    ['shared/domain/probe.ts', "import { y } from '../../test/support/x';\nexport const x = y;\n"],
    ['shared/domain/entries/probe.ts', "import { y } from '../../../scripts/x';\nexport const x = y;\n"],
    ['shared/forms/probe.ts', "import { contract } from '../ipc/contract';\nexport const x = contract;\n"],
    ['shared/forms/specs/probe.ts', "import type { IpcResult } from '../../ipc/result';\nexport type X = IpcResult<number>;\n"],
    ['shared/ipc/probe.ts', "import { ENTRY_FORM_SPECS } from '../forms/specs';\nexport const x = ENTRY_FORM_SPECS;\n"],
    ['shared/security/probe.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['shared/security/probe.ts', "import { ROLES } from '../domain/staff';\nexport const x = ROLES;\n"],
    ['shared/ipc/channels.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['electron/core/db/probe.ts', "import type { IncidentDetail } from '../../../shared/ipc/contract';\nexport type X = IncidentDetail;\n"],
    ['electron/core/pdf/probe.ts', "import type { EntryVersion } from '../../../shared/ipc/contract';\nexport type X = EntryVersion;\n"],
    ['electron/core/records/probe.ts', "import type { Dashboard } from '../../../shared/ipc/contract';\nexport type X = Dashboard;\n"],
  ])('%s rejects %j', async (filePath, code) => {
    expect(await layerRules(filePath, code)).toContain('no-restricted-imports');
  });

  it('catches a dynamic import() of electron in the core', async () => {
    const code = "export const load = () => import('electron');\n";
    expect(await layerRules('electron/core/probe.ts', code)).toContain('no-restricted-syntax');
  });

  it('catches a dynamic import() of the contract in shared/domain, at any depth', async () => {
    expect(await layerRules('shared/domain/probe.ts', "export const load = () => import('../ipc/contract');\n")).toContain('no-restricted-syntax');
    expect(await layerRules('shared/domain/entries/probe.ts', "export const load = () => import('../../ipc/contract');\n")).toContain(
      'no-restricted-syntax',
    );
    expect(await layerRules('shared/domain/entries/probe.ts', "export const load = () => import('../kinds');\n")).toEqual([]);
  });

  it.each([
    ['electron/main/probe.ts', "import { app } from 'electron';\nimport { CHANNELS } from '../../shared/ipc/channels';\nimport type { Core } from '../core/core-api';\nexport const x = [app, CHANNELS] as const;\nexport type Y = Core;\n"],
    ['electron/preload/probe.ts', "import { contextBridge } from 'electron';\nimport { IPC_INVOKE } from '../../shared/ipc/channels';\nexport const x = [contextBridge, IPC_INVOKE] as const;\n"],
    ['electron/core/probe.ts', "import { isChannel } from '../../shared/ipc/channels';\nimport { join } from 'node:path';\nexport const x = [isChannel, join] as const;\n"],
    ['renderer/src/probe.tsx', "import { isChannel } from '../../shared/ipc/channels';\nexport const x = isChannel;\n"],
    ['electron.vite.config.ts', "import { defineConfig } from 'electron-vite';\nexport default defineConfig({});\n"],
    ['shared/domain/probe.ts', "import { z } from 'zod';\nimport { ROLES } from './staff';\nimport { ENTRY_KINDS } from './entries/kinds';\nexport const x = [z, ROLES, ENTRY_KINDS] as const;\n"],
    ['shared/domain/entries/probe.ts', "import { formatDate } from '../dates';\nimport { common } from './common';\nexport const x = [formatDate, common] as const;\n"],
    ['shared/ipc/probe.ts', "import { z } from 'zod';\nimport { ROLES } from '../domain/staff';\nimport { none } from './spec';\nexport const x = [z, ROLES, none] as const;\n"],
    ['shared/forms/specs/probe.ts', "import { ACTION_TYPES } from '../../domain/entries/action';\nimport { fieldErrors } from '../../ipc/field-errors';\nimport { choices } from '../field-spec';\nexport const x = [ACTION_TYPES, fieldErrors, choices] as const;\n"],
    ['shared/forms/probe.ts', "import { fieldErrors } from '../ipc/field-errors.ts';\nexport const x = fieldErrors;\n"],
    ['electron/core/pdf/probe.ts', "import type { IncidentDetail } from '../../../shared/domain/read-models/incident-detail';\nimport { join } from 'node:path';\nexport type X = IncidentDetail;\nexport const y = join;\n"],
  ])('%s allows its own imports', async (filePath, code) => {
    expect(await layerRules(filePath, code)).toEqual([]);
  });
});
