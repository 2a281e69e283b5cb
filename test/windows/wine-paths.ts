// Paths for the Windows lane (scripts/test-windows.ts): how Node for Windows, run by Wine on
// this Linux machine, names this machine's files and drives.
import { posix } from 'node:path';

/**
 * The Windows name of a Linux path under Wine, which maps drive Z: to the Linux root:
 * /home/builder/app/x.cjs is Z:\home\builder\app\x.cjs. Only absolute paths have one; a backslash inside a
 * Linux name would read as a separator on Windows, so such a path is refused too.
 */
export function winePath(linuxPath: string): string {
  if (!posix.isAbsolute(linuxPath)) throw new Error(`Only an absolute path has a Z: name: ${linuxPath}`);
  if (linuxPath.includes('\\')) throw new Error(`A backslash in a Linux name cannot be named on Windows: ${linuxPath}`);
  const normal = posix.normalize(linuxPath);
  const trimmed = normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
  return `Z:${trimmed.replaceAll('/', '\\')}`;
}

/**
 * Where a Wine prefix keeps the link that makes `letter:` a drive (dosdevices/d: → a Linux
 * folder): the lane links D: to a folder of its own to stand for a USB stick.
 */
export function driveLink(winePrefix: string, letter: string): string {
  if (!/^[a-z]$/i.test(letter)) throw new Error(`Not a drive letter: ${letter}`);
  return posix.join(winePrefix, 'dosdevices', `${letter.toLowerCase()}:`);
}
