import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/security/content-security-policy';

/**
 * The built page also carries the policy as a <meta> tag, so it holds even if the page
 * were ever loaded without our protocol's header. Build only: the dev server injects an
 * inline script. frame-ancestors is ignored (with a console warning) in a meta tag.
 */
function metaContentSecurityPolicy(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'meta-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

// With this layout (electron/main, electron/preload, renderer/) electron-vite cannot guess
// the entries, so each side names its input explicitly. The main build has two: the Electron
// glue (index.js) and the worker thread the whole core runs in (core-worker.js, beside it;
// docs/decisions/0011).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'core-worker': resolve(__dirname, 'electron/core/worker/core-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload is loaded as CommonJS and cannot require node_modules.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), metaContentSecurityPolicy()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
