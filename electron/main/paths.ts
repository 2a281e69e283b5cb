// Pure helpers for the Electron glue: no 'electron' import, so they are unit-tested in Node.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The custom scheme and host the UI is served from: app://records/… */
export const APP_SCHEME = 'app';
export const APP_HOST = 'records';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Neutral on purpose: a window title is visible on the taskbar and in screen shares. */
export const WINDOW_TITLE = 'Safeguarding records';

/**
 * The data folder named on the command line (`--data-dir=DIR`) or in RECORDS_DATA_DIR,
 * resolved to an absolute path; undefined means "use the default under userData".
 */
export function dataDirOverride(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const prefix = '--data-dir=';
  const arg = argv.find((a) => a.startsWith(prefix));
  const value = arg !== undefined ? arg.slice(prefix.length) : env['RECORDS_DATA_DIR'];
  return value !== undefined && value.trim() !== '' ? resolve(value) : undefined;
}

/** An origin we trust, compared as protocol + host (Node's URL gives "null" origins for app:). */
export type TrustedOrigin = { protocol: string; host: string };

export function originOf(url: string): TrustedOrigin | null {
  try {
    const { protocol, host } = new URL(url);
    return { protocol, host };
  } catch {
    return null;
  }
}

export function isTrustedUrl(url: string, trusted: TrustedOrigin): boolean {
  const origin = originOf(url);
  return origin !== null && origin.protocol === trusted.protocol && origin.host === trusted.host;
}

/**
 * The dev server URL from electron-vite, accepted only when it points at this machine:
 * otherwise an environment variable could hand the preload's API to a remote page.
 */
export function devServerUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'http:' && loopback ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Maps an app:// request to a file inside the built renderer, or null (→ 404) when the URL
 * is for another host, is malformed, or would escape the renderer folder. Paths without an
 * extension are client-side routes and get index.html.
 */
export function rendererFileFor(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;

  let pathname: string;
  try {
    // Decoding can reveal "..", "\" or NUL that the URL parser left encoded; checked below.
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // NUL and backslashes are never in our file names; refusing them keeps Windows and POSIX alike.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || extname(pathname) === '') pathname = '/index.html';

  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname}`);
  const rel = relative(root, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

/**
 * Switches that open the app to a debugger: with one attached, anyone at the keyboard could
 * read the data key from the worker or call the core without signing in. The fuse
 * `enableNodeCliInspectArguments: false` (electron-builder.yml) already stops Node's own
 * `--inspect`; Chromium's remote debugging and `--js-flags` have no fuse, so the packaged app
 * refuses all of them itself, before anything opens.
 */
const DEBUG_SWITCHES = new Set([
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-wait',
  'js-flags',
]);

/**
 * The debugging switches on a command line, as typed. Chromium reads switches with `--` or
 * `-` (and on Windows `/`), ignores the case of their names on Windows, and takes a value
 * after `=`; all of those spellings count.
 */
export function debugSwitchesIn(argv: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  const prefix = platform === 'win32' ? /^(--|-|\/)/ : /^(--|-)/;
  return argv.filter((arg) => {
    const match = prefix.exec(arg);
    if (!match) return false;
    const name = arg.slice(match[0].length).split('=')[0]!.toLowerCase();
    return DEBUG_SWITCHES.has(name);
  });
}

/** What the packaged app prints on stderr before quitting when started with a debug switch. */
export function debugSwitchMessage(found: readonly string[]): string {
  const names = found.map((arg) => arg.split('=')[0]).join(', ');
  return `YPSI Records will not start with debugging switches (${names}): they would let anyone at this computer read the records without signing in. Start it without them.`;
}
